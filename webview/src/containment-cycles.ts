/**
 * Which nodes `composed-of` and `deployed-in` make contain themselves, for the diagram's cycle marks. The
 * engine reports the same cycles as `containment-cycle` errors; the diagram shows where they are.
 *
 * A node is in a containment cycle when it names itself among its own members, or when it belongs to a
 * strongly connected set of two or more nodes of the containment graph (container -> member). One
 * iterative Tarjan pass (no recursion: a chain of 100,000 containers must not overflow the stack), linear
 * in nodes and containment entries.
 */
import type { SourceRelationship } from './diagram-graph';

export interface NodeCycle {
  /** It names itself among its own members. */
  readonly self: boolean;
  /** Every node of its cycles, itself included, in document order: one array shared by all of them. */
  readonly nodes: readonly string[];
}

const isContainment = (r: SourceRelationship): boolean => r.kind === 'composed-of' || r.kind === 'deployed-in';

/** Cycle marks by node id, for the nodes in `order` (document order) that are in a containment cycle. */
export function containmentCycles(order: readonly string[], relationships: readonly SourceRelationship[]): Map<string, NodeCycle> {
  const indexOf = new Map(order.map((id, i) => [id, i]));
  const members: number[][] = order.map(() => []);
  const selfContained = new Uint8Array(order.length);
  for (const r of relationships) {
    if (!isContainment(r) || r.container === undefined) continue;
    const container = indexOf.get(r.container);
    if (container === undefined) continue;
    for (const id of r.nodes ?? []) {
      const member = indexOf.get(id);
      if (member === undefined) continue;
      if (member === container) selfContained[member] = 1;
      else members[container].push(member);
    }
  }

  // Tarjan's strongly connected components, with an explicit stack of (node, next member) frames.
  const UNSEEN = -1;
  const visitIndex = new Int32Array(order.length).fill(UNSEEN);
  const low = new Int32Array(order.length);
  const onStack = new Uint8Array(order.length);
  const component = new Int32Array(order.length).fill(UNSEEN);
  const sccStack: number[] = [];
  const componentSizes: number[] = [];
  let counter = 0;
  for (let start = 0; start < order.length; start++) {
    if (visitIndex[start] !== UNSEEN) continue;
    const frames: [node: number, next: number][] = [[start, 0]];
    visitIndex[start] = low[start] = counter++;
    sccStack.push(start);
    onStack[start] = 1;
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      const [v, next] = frame;
      if (next < members[v].length) {
        frame[1]++;
        const w = members[v][next];
        if (visitIndex[w] === UNSEEN) {
          visitIndex[w] = low[w] = counter++;
          sccStack.push(w);
          onStack[w] = 1;
          frames.push([w, 0]);
        } else if (onStack[w] === 1 && visitIndex[w] < low[v]) {
          low[v] = visitIndex[w];
        }
        continue;
      }
      frames.pop();
      if (frames.length > 0) {
        const parent = frames[frames.length - 1][0];
        if (low[v] < low[parent]) low[parent] = low[v];
      }
      if (low[v] !== visitIndex[v]) continue;
      const id = componentSizes.length;
      let size = 0;
      for (;;) {
        const w = sccStack.pop();
        if (w === undefined) break;
        onStack[w] = 0;
        component[w] = id;
        size++;
        if (w === v) break;
      }
      componentSizes.push(size);
    }
  }

  // One shared list of nodes per cyclic component, filled in document order.
  const lists = new Map<number, string[]>();
  const marks = new Map<string, NodeCycle>();
  for (let v = 0; v < order.length; v++) {
    const c = component[v];
    const cyclic = componentSizes[c] > 1;
    if (!cyclic && selfContained[v] === 0) continue;
    let nodes: string[] = [order[v]];
    if (cyclic) {
      const list = lists.get(c);
      if (list) list.push(order[v]);
      else lists.set(c, nodes);
      nodes = list ?? nodes;
    }
    marks.set(order[v], { self: selfContained[v] === 1, nodes });
  }
  return marks;
}
