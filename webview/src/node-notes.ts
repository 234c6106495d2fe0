/**
 * What a node's hover card (and a standalone SVG's tooltip) says about how containment draws it: a
 * containment cycle it is part of, and nesting deeper than the diagram draws. Plain text: the callers
 * escape it (svg.ts) or insert it as text (view/tooltip.ts).
 */
import { MAX_NESTING } from './containment';
import type { DiagramNode } from './diagram-graph';

/** Other members of a cycle named in the note; the rest are counted. */
const CYCLE_NAMES_SHOWN = 3;

function others(node: DiagramNode, nameOf: (id: string) => string): string {
  const rest = (node.cycle?.nodes ?? []).filter((id) => id !== node.id);
  const named = rest.slice(0, CYCLE_NAMES_SHOWN).map(nameOf);
  const more = rest.length - named.length;
  return more > 0 ? `${named.join(', ')} and ${more} more` : named.length > 1 ? `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]}` : (named[0] ?? '');
}

export function cycleNote(node: DiagramNode, nameOf: (id: string) => string): string | undefined {
  const cycle = node.cycle;
  if (!cycle) return undefined;
  const inCycle = cycle.nodes.length > 1;
  if (cycle.self && inCycle) return `Contains itself, and is in a containment cycle with ${others(node, nameOf)}`;
  if (cycle.self) return 'Contains itself: a containment cycle';
  return `In a containment cycle with ${others(node, nameOf)}`;
}

export function nestingNote(node: DiagramNode, nameOf: (id: string) => string): string | undefined {
  if (node.flattened) {
    return `Nested ${node.flattened.depth} containers deep, in ${nameOf(node.flattened.container)}: drawn flat (the diagram nests ${MAX_NESTING} deep)`;
  }
  if (node.flatInside) {
    return `${node.flatInside.toLocaleString('en-US')} ${node.flatInside === 1 ? 'node' : 'nodes'} nested deeper than ${MAX_NESTING} containers drawn flat inside it`;
  }
  return undefined;
}

export function nodeNotes(node: DiagramNode, nameOf: (id: string) => string): string[] {
  return [cycleNote(node, nameOf), nestingNote(node, nameOf)].filter((n) => n !== undefined);
}
