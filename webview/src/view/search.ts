/**
 * Search in the diagram: nodes whose name or id contains the text are matches; nodes that only mention
 * it in their description are weaker matches, stepped through after the others.
 */
import type { DiagramGraph } from '../diagram-graph';

export interface SearchResult {
  readonly query: string;
  /** Name or id matches, then description-only matches, each in document order. */
  readonly ids: readonly string[];
  /** How many of `ids` (from the start) match by name or id. */
  readonly strong: number;
}

export function searchNodes(graph: DiagramGraph, query: string): SearchResult {
  const q = query.trim().toLowerCase();
  if (q === '') return { query: q, ids: [], strong: 0 };
  const strong: string[] = [];
  const weak: string[] = [];
  for (const n of graph.nodes) {
    if (n.name.toLowerCase().includes(q) || n.id.toLowerCase().includes(q)) strong.push(n.id);
    else if (n.description?.toLowerCase().includes(q)) weak.push(n.id);
  }
  return { query: q, ids: [...strong, ...weak], strong: strong.length };
}
