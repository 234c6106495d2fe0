/**
 * The topology key of a diagram graph: what the layout depends on (node ids and containers, edge ids
 * and ends) and nothing else. Names, descriptions, node types, protocols and metadata change what is
 * drawn, never where: a change to those keeps the key, so the cached layout is reused.
 */
import type { DiagramGraph } from './diagram-graph';
import type { LayoutStrategy } from './layout-types';

/** cyrb53: a fast 53-bit string hash; collisions are negligible at the few layouts a panel caches. */
function hash53(text: string, seed = 0): string {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

export function topologyKey(graph: DiagramGraph, strategy: LayoutStrategy): string {
  // \u0000 and \u0001 cannot be confused with characters of an id that came from JSON text we escape nowhere here.
  const parts: string[] = [strategy];
  for (const n of graph.nodes) parts.push(`${n.id}\u0001${n.parent ?? ''}`);
  parts.push('');
  for (const e of graph.edges) parts.push(`${e.id}\u0001${e.source}\u0001${e.target}`);
  const text = parts.join('\u0000');
  return `${graph.nodes.length}.${graph.edges.length}.${hash53(text)}${hash53(text, 7)}`;
}
