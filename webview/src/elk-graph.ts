/**
 * Diagram graph -> the ELK graph to lay out, for each layout strategy. Pure: no ELK call here.
 *
 * `layered`: every node and edge, containers as ELK hierarchy laid out in one piece
 * (INCLUDE_CHILDREN), orthogonal edges. The best picture; its cost grows with edges that span many
 * layers, so it is kept for graphs up to LAYERED_MAX_* (bench/diagram.ts measures the other side).
 *
 * `large`: ELK's layered algorithm on a big, dense graph spends its time on edges that span many
 * layers (bench/diagram.ts), so each level of the hierarchy is laid out on its own (SEPARATE_CHILDREN):
 * a level small enough for `layered` gets it with its edges; a bigger one is packed into rows by ELK's
 * `box` algorithm, in a flow order computed here in linear time (sources first, each node after its
 * predecessors). ELK is given no edges of a packed level; layout.ts routes them.
 */
import type { ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';
import type { DiagramEdge, DiagramGraph } from './diagram-graph';
import type { LayoutStrategy } from './layout-types';
import { CONTAINER_HEADER, CONTAINER_PADDING, NODE_HEIGHT, NODE_WIDTH } from './node-shapes';

/** Above either bound the `large` strategy is used. */
export const LAYERED_MAX_NODES = 150;
export const LAYERED_MAX_EDGES = 300;
/** Above this many nodes `layered` sweeps less and ignores document order: about half the time on dense graphs. */
const LAYERED_THOROUGH_MAX_NODES = 60;

export function chooseStrategy(graph: DiagramGraph): LayoutStrategy {
  return graph.nodes.length <= LAYERED_MAX_NODES && graph.edges.length <= LAYERED_MAX_EDGES ? 'layered' : 'large';
}

/** Spacing is read per parent node: containers need it as much as the root. */
const SPACING: LayoutOptions = {
  'elk.spacing.nodeNode': '48',
  'elk.spacing.componentComponent': '64',
  'elk.layered.spacing.nodeNodeBetweenLayers': '72',
  'elk.spacing.edgeNode': '24',
  'elk.spacing.edgeEdge': '16',
  'elk.layered.spacing.edgeNodeBetweenLayers': '28',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '14',
  'elk.layered.nodePlacement.bk.fixedAlignment': 'BALANCED',
};

const COMMON: LayoutOptions = {
  ...SPACING,
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.edgeRouting': 'ORTHOGONAL',
  // Every coordinate absolute: no walking up the hierarchy to place a member or an edge.
  'elk.json.shapeCoords': 'ROOT',
  'elk.json.edgeCoords': 'ROOT',
  'elk.padding': '[top=24,left=24,bottom=24,right=24]',
};

export const LAYERED_OPTIONS: LayoutOptions = {
  ...COMMON,
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  // Document order breaks ties: the same document always gives the same picture, and an added node
  // does not reshuffle the others.
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};

const BOX: LayoutOptions = {
  'elk.algorithm': 'box',
  'elk.box.packingMode': 'SIMPLE',
  'elk.spacing.nodeNode': '56',
  'elk.aspectRatio': '1.6',
};

export const LARGE_OPTIONS: LayoutOptions = {
  ...BOX,
  // Every coordinate absolute, as for `layered`.
  'elk.json.shapeCoords': 'ROOT',
  'elk.json.edgeCoords': 'ROOT',
  'elk.hierarchyHandling': 'SEPARATE_CHILDREN',
  'elk.padding': '[top=24,left=24,bottom=24,right=24]',
};

const LARGE_CONTAINER_LAYERED: LayoutOptions = {
  ...COMMON,
  'elk.hierarchyHandling': 'SEPARATE_CHILDREN',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};

const LARGE_CONTAINER_BOX: LayoutOptions = { ...BOX, 'elk.hierarchyHandling': 'SEPARATE_CHILDREN' };

const LAYERED_QUICK: LayoutOptions = {
  'elk.layered.thoroughness': '3',
  'elk.layered.considerModelOrder.strategy': 'NONE',
};

const CONTAINER_OPTIONS: LayoutOptions = {
  ...SPACING,
  'elk.padding': `[top=${CONTAINER_HEADER},left=${CONTAINER_PADDING},bottom=${CONTAINER_PADDING},right=${CONTAINER_PADDING}]`,
};

export interface ElkInput {
  readonly graph: ElkNode;
  readonly options: LayoutOptions;
  /** Edges ELK routes (their ids); the others are routed by layout.ts. */
  readonly routedByElk: ReadonlySet<string>;
}

interface Tree {
  readonly elkNodes: Map<string, ElkNode>;
  readonly root: ElkNode;
  readonly parents: Map<string, string | undefined>;
  /** How many containers each node is inside (at most MAX_NESTING: containment.ts). */
  readonly depths: Map<string, number>;
}

function buildTree(graph: DiagramGraph): Tree {
  const root: ElkNode = { id: '\u0000root', children: [], edges: [] };
  const elkNodes = new Map<string, ElkNode>();
  const parents = new Map<string, string | undefined>();
  const depths = new Map<string, number>();
  const containers = new Set<string>();
  for (const n of graph.nodes) if (n.parent !== undefined) containers.add(n.parent);
  // Nodes come containers first, so a member's container already exists.
  for (const n of graph.nodes) {
    const isContainer = containers.has(n.id);
    const elkNode: ElkNode = isContainer
      ? { id: n.id, children: [], edges: [], layoutOptions: { ...CONTAINER_OPTIONS } }
      : { id: n.id, width: NODE_WIDTH, height: NODE_HEIGHT };
    elkNodes.set(n.id, elkNode);
    parents.set(n.id, n.parent);
    depths.set(n.id, n.parent === undefined ? 0 : (depths.get(n.parent) ?? 0) + 1);
    const parent = n.parent === undefined ? root : elkNodes.get(n.parent);
    (parent?.children ?? root.children)?.push(elkNode);
  }
  return { elkNodes, root, parents, depths };
}

function isAncestor(candidate: string, of: string, parents: ReadonlyMap<string, string | undefined>): boolean {
  for (let p = parents.get(of); p !== undefined; p = parents.get(p)) if (p === candidate) return true;
  return false;
}

function layeredInput(graph: DiagramGraph): ElkInput {
  const { root, parents } = buildTree(graph);
  const routedByElk = new Set<string>();
  for (const e of graph.edges) {
    // An edge between a node and one of its own containers has no sensible orthogonal route in ELK.
    if (isAncestor(e.source, e.target, parents) || isAncestor(e.target, e.source, parents)) continue;
    root.edges?.push({ id: e.id, sources: [e.source], targets: [e.target] });
    routedByElk.add(e.id);
  }
  const options = graph.nodes.length > LAYERED_THOROUGH_MAX_NODES ? { ...LAYERED_OPTIONS, ...LAYERED_QUICK } : LAYERED_OPTIONS;
  return { graph: root, options, routedByElk };
}

/**
 * Where an edge sits in the hierarchy: the level that holds both ends, and the ends lifted to that level.
 * Both ends climb to the same depth, then together: a walk no longer than the drawn nesting, no allocation.
 */
function liftEdge(e: DiagramEdge, tree: Tree): { level: string | undefined; from: string; to: string } | undefined {
  const { parents, depths } = tree;
  let from = e.source;
  let to = e.target;
  let fromDepth = depths.get(from);
  let toDepth = depths.get(to);
  if (fromDepth === undefined || toDepth === undefined) return undefined;
  for (; fromDepth > toDepth; fromDepth--) from = parents.get(from) ?? from;
  for (; toDepth > fromDepth; toDepth--) to = parents.get(to) ?? to;
  // One end inside the other (or both the same node): not a sibling relation at any level.
  if (from === to) return undefined;
  for (let a = parents.get(from), b = parents.get(to); a !== b; a = parents.get(from), b = parents.get(to)) {
    if (a === undefined || b === undefined) return undefined;
    from = a;
    to = b;
  }
  return { level: parents.get(from), from, to };
}

/**
 * A reading order for the members of one level, computed in linear time: edges that close a cycle
 * (found depth-first from the members nothing points to, then in document order) are set aside, every member goes one layer below its lowest
 * predecessor, and within a layer members follow their predecessors' order.
 */
export function flowOrder(members: readonly string[], links: readonly { from: string; to: string }[]): string[] {
  const index = new Map(members.map((m, i) => [m, i]));
  const out: number[][] = members.map(() => []);
  for (const l of links) {
    const a = index.get(l.from);
    const b = index.get(l.to);
    if (a !== undefined && b !== undefined && a !== b) out[a].push(b);
  }
  // Iterative depth-first search: post-order gives a topological order of the edges that are not back edges.
  const state = new Uint8Array(members.length); // 0 new, 1 on stack, 2 done
  const post: number[] = [];
  const keep: number[][] = members.map(() => []);
  // Start from the members nothing points to, so a cycle is cut where it closes, not where it starts.
  const pointedTo = new Uint8Array(members.length);
  for (const targets of out) for (const w of targets) pointedTo[w] = 1;
  const roots = [...members.keys()].sort((a, b) => pointedTo[a] - pointedTo[b] || a - b);
  for (const s of roots) {
    if (state[s] !== 0) continue;
    const stack: [number, number][] = [[s, 0]];
    state[s] = 1;
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const [v, i] = top;
      if (i < out[v].length) {
        top[1]++;
        const w = out[v][i];
        if (state[w] === 1) continue; // back edge: it closes a cycle
        keep[v].push(w);
        if (state[w] === 0) {
          state[w] = 1;
          stack.push([w, 0]);
        }
      } else {
        state[v] = 2;
        post.push(v);
        stack.pop();
      }
    }
  }
  const layer = new Int32Array(members.length);
  for (let k = post.length - 1; k >= 0; k--) {
    const v = post[k];
    for (const w of keep[v]) if (layer[w] < layer[v] + 1) layer[w] = layer[v] + 1;
  }
  // Within a layer: the mean rank of the predecessors, so children sit below their parents.
  const rank = new Float64Array(members.length);
  const predecessorSum = new Float64Array(members.length);
  const predecessorCount = new Int32Array(members.length);
  const byLayer = new Map<number, number[]>();
  for (let v = 0; v < members.length; v++) {
    let list = byLayer.get(layer[v]);
    if (!list) byLayer.set(layer[v], (list = []));
    list.push(v);
  }
  const order: number[] = [];
  for (const l of [...byLayer.keys()].sort((a, b) => a - b)) {
    const list = byLayer.get(l) ?? [];
    const key = (v: number) => (predecessorCount[v] > 0 ? predecessorSum[v] / predecessorCount[v] : v);
    list.sort((a, b) => key(a) - key(b) || a - b);
    for (const v of list) {
      rank[v] = order.length;
      order.push(v);
      for (const w of keep[v]) {
        predecessorSum[w] += rank[v];
        predecessorCount[w]++;
      }
    }
  }
  return order.map((v) => members[v]);
}

function largeInput(graph: DiagramGraph): ElkInput {
  const tree = buildTree(graph);
  const { root, elkNodes } = tree;
  const routedByElk = new Set<string>();
  // Per level, the lifted edges in document order, one per pair of ends.
  const levels = new Map<string | undefined, { from: string; to: string; edge: DiagramEdge }[]>();
  const seenPairs = new Set<string>();
  for (const e of graph.edges) {
    const lifted = liftEdge(e, tree);
    if (!lifted) continue;
    const pair = `${lifted.from}\u0000${lifted.to}`;
    if (seenPairs.has(pair)) continue;
    seenPairs.add(pair);
    let list = levels.get(lifted.level);
    if (!list) levels.set(lifted.level, (list = []));
    list.push({ from: lifted.from, to: lifted.to, edge: e });
  }
  const holders: ElkNode[] = [root, ...[...elkNodes.values()].filter((n) => n.children !== undefined)];
  for (const holder of holders) {
    const children = holder.children ?? [];
    const links = levels.get(holder === root ? undefined : holder.id) ?? [];
    if (children.length <= LAYERED_MAX_NODES && links.length <= LAYERED_MAX_EDGES && holder !== root) {
      // A container small enough for the real thing: layered, with all of its own edges.
      holder.layoutOptions = { ...holder.layoutOptions, ...LARGE_CONTAINER_LAYERED };
      for (const link of links) {
        const exact = link.from === link.edge.source && link.to === link.edge.target;
        holder.edges?.push({ id: exact ? link.edge.id : `\u0000lift\u0000${link.from}\u0000${link.to}`, sources: [link.from], targets: [link.to] });
        if (exact) routedByElk.add(link.edge.id);
      }
      continue;
    }
    // Too big for layered: ELK packs the boxes in rows, in the order of the flow between them.
    const order = flowOrder(
      children.map((c) => c.id),
      links,
    );
    const position = new Map(order.map((id, i) => [id, i]));
    for (const child of children) child.layoutOptions = { ...child.layoutOptions, 'elk.priority': String(order.length - (position.get(child.id) ?? 0)) };
    holder.layoutOptions = { ...holder.layoutOptions, ...(holder === root ? {} : LARGE_CONTAINER_BOX) };
  }
  return { graph: root, options: LARGE_OPTIONS, routedByElk };
}

export function toElkInput(graph: DiagramGraph, strategy: LayoutStrategy): ElkInput {
  return strategy === 'layered' ? layeredInput(graph) : largeInput(graph);
}
