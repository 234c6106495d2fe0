/** Levenshtein distance, and the closest of a set of ids: for "did you mean" fixes. */

export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    previous = current;
  }
  return previous[b.length];
}

/** Up to `count` candidates closest to `target`, nearest first (document order among equals). */
export function closest(target: string, candidates: Iterable<string>, count: number): { id: string; distance: number }[] {
  const scored: { id: string; distance: number; order: number }[] = [];
  let order = 0;
  for (const id of new Set(candidates)) {
    if (id !== target) scored.push({ id, distance: editDistance(target.toLowerCase(), id.toLowerCase()), order: order++ });
  }
  scored.sort((a, b) => a.distance - b.distance || a.order - b.order);
  return scored.slice(0, count).map(({ id, distance }) => ({ id, distance }));
}
