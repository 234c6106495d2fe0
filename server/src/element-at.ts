/** Which CALM element (interface, node, relationship, flow) encloses an offset: binary searches, no walk. */
import type { OffsetRange } from './calm/findings';
import type { CalmDocument } from './calm/model';
import type { ElementRef } from './protocol';

/** The element of `sorted` (document order, not overlapping) whose range holds `offset`, if any. */
function enclosing<T extends { readonly range: OffsetRange }>(sorted: readonly T[], offset: number): T | undefined {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const { start, end } = sorted[mid].range;
    if (offset < start) hi = mid - 1;
    else if (offset >= end) lo = mid + 1;
    else return sorted[mid];
  }
  return undefined;
}

/**
 * The innermost element with a unique-id whose text holds `offset`. An interface wins over its node;
 * an element without a string unique-id cannot be named, so the answer is then its named container or null.
 */
export function elementAt(doc: CalmDocument, offset: number): ElementRef | null {
  const { nodes, relationships, flows } = doc.model;
  const node = enclosing(nodes, offset);
  if (node) {
    const iface = enclosing(node.interfaces, offset);
    if (iface?.uniqueId !== undefined) return { kind: 'interface', uniqueId: iface.uniqueId };
    return node.uniqueId !== undefined ? { kind: 'node', uniqueId: node.uniqueId } : null;
  }
  const relationship = enclosing(relationships, offset);
  if (relationship) return relationship.uniqueId !== undefined ? { kind: 'relationship', uniqueId: relationship.uniqueId } : null;
  const flow = enclosing(flows, offset);
  if (flow) return flow.uniqueId !== undefined ? { kind: 'flow', uniqueId: flow.uniqueId } : null;
  return null;
}
