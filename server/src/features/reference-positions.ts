/** Which JSON paths of an architecture hold unique-id references, and what kind of element they name. */
import type { JSONPath } from 'jsonc-parser';

export type ReferenceSlot =
  | { readonly target: 'node'; readonly role: string; readonly list: boolean }
  | { readonly target: 'relationship'; readonly role: string; readonly list: boolean }
  /** A connects end's interface list: the interfaces of the node that end names. */
  | { readonly target: 'interface'; readonly role: string; readonly list: true; readonly end: 'source' | 'destination' };

/** `#` matches an array index, `*` any key, anything else itself. */
function matches(path: JSONPath, pattern: readonly string[]): boolean {
  if (path.length !== pattern.length) return false;
  return pattern.every((p, i) => (p === '#' ? typeof path[i] === 'number' : p === '*' ? typeof path[i] === 'string' : path[i] === p));
}

const SLOTS: readonly (readonly [readonly string[], ReferenceSlot])[] = [
  [['relationships', '#', 'relationship-type', 'interacts', 'actor'], { target: 'node', role: 'interacts.actor', list: false }],
  [['relationships', '#', 'relationship-type', 'interacts', 'nodes'], { target: 'node', role: 'interacts.nodes', list: true }],
  [['relationships', '#', 'relationship-type', 'composed-of', 'container'], { target: 'node', role: 'composed-of.container', list: false }],
  [['relationships', '#', 'relationship-type', 'composed-of', 'nodes'], { target: 'node', role: 'composed-of.nodes', list: true }],
  [['relationships', '#', 'relationship-type', 'deployed-in', 'container'], { target: 'node', role: 'deployed-in.container', list: false }],
  [['relationships', '#', 'relationship-type', 'deployed-in', 'nodes'], { target: 'node', role: 'deployed-in.nodes', list: true }],
  [['relationships', '#', 'relationship-type', 'connects', 'source', 'node'], { target: 'node', role: 'connects.source.node', list: false }],
  [['relationships', '#', 'relationship-type', 'connects', 'destination', 'node'], { target: 'node', role: 'connects.destination.node', list: false }],
  [['relationships', '#', 'relationship-type', 'connects', 'source', 'interfaces'], { target: 'interface', role: 'connects.source.interfaces', list: true, end: 'source' }],
  [['relationships', '#', 'relationship-type', 'connects', 'destination', 'interfaces'], { target: 'interface', role: 'connects.destination.interfaces', list: true, end: 'destination' }],
  [['relationships', '#', 'relationship-type', 'options', '#', 'nodes'], { target: 'node', role: 'options.nodes', list: true }],
  [['relationships', '#', 'relationship-type', 'options', '#', 'relationships'], { target: 'relationship', role: 'options.relationships', list: true }],
  [['flows', '#', 'transitions', '#', 'relationship-unique-id'], { target: 'relationship', role: 'transition', list: false }],
];

/**
 * The reference slot a value at `path` fills. `item` is true when the path ends inside a list slot
 * (one id of the list); false when it is the slot's own value (a single id, or the whole list).
 */
export function referenceSlotAt(path: JSONPath): { slot: ReferenceSlot; item: boolean } | undefined {
  for (const [pattern, slot] of SLOTS) {
    if (slot.list && typeof path[path.length - 1] === 'number' && matches(path.slice(0, -1), pattern)) return { slot, item: true };
    if (matches(path, pattern)) return { slot, item: false };
  }
  return undefined;
}
