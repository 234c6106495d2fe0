/**
 * Tree item ids: derived from unique-ids (not positions) so VS Code keeps expansion and selection
 * across refreshes; unique even when unique-ids repeat or contain any character.
 *
 * An element's key is its unique-id, URI-encoded (so `/` and `#` never occur in it), followed by
 * `#k` for its k-th occurrence when the unique-id repeats: `order-service`, `a#2`, `a%232` (a
 * unique-id that is literally `a#2`). Ids then read `node:order-service`,
 * `interface:order-service/order-api`, `relationship:gateway-to-orders`, `flow:f/3` (a transition).
 */

export function elementKey(uniqueId: string, occurrence: number): string {
  const encoded = encodeURIComponent(uniqueId);
  return occurrence > 1 ? `${encoded}#${occurrence}` : encoded;
}

/** For each item, how many items up to and including it carry its unique-id (1 for the first). */
export function occurrences<T>(items: readonly T[], uniqueIdOf: (t: T) => string): number[] {
  const seen = new Map<string, number>();
  return items.map((item) => {
    const id = uniqueIdOf(item);
    const n = (seen.get(id) ?? 0) + 1;
    seen.set(id, n);
    return n;
  });
}

/** Filtered trees get ids of their own, so the filtered view opens expanded whatever was collapsed before. */
export const FILTERED_PREFIX = 'filtered:';

export const ids = {
  filter: (prefix: string) => `${prefix}filter`,
  section: (prefix: string, key: string) => `${prefix}section:${key}`,
  nodeType: (prefix: string, type: string) => `${prefix}node-type:${encodeURIComponent(type)}`,
  relationshipType: (prefix: string, kind: string) => `${prefix}relationship-type:${encodeURIComponent(kind)}`,
  node: (prefix: string, key: string) => `${prefix}node:${key}`,
  interface: (prefix: string, nodeKey: string, key: string) => `${prefix}interface:${nodeKey}/${key}`,
  relationship: (prefix: string, key: string) => `${prefix}relationship:${key}`,
  flow: (prefix: string, key: string) => `${prefix}flow:${key}`,
  transition: (prefix: string, flowKey: string, step: number) => `${prefix}transition:${flowKey}/${step}`,
} as const;
