/**
 * Diagram graph -> the ELK graph to lay out, for each layout strategy. Pure: no ELK call here.
 *
 * `layered`: every node and edge, containers as ELK hierarchy laid out in one piece
 * (INCLUDE_CHILDREN), orthogonal edges. The best picture; its cost grows with edges that span many
 * layers, so it is kept for graphs up to LAYERED_MAX_* (bench/diagram.ts measures the other side).
 *
 * `large`: each container laid out on its own (SEPARATE_CHILDREN, bottom-up), and ELK is given only a
 * spanning forest of each level's edges (edges between members of different containers are lifted to
 * the containers). A forest has no edge spanning more than one layer, which is what makes ELK's layered
 * algorithm slow on big, dense graphs; every other edge is routed afterwards (layout.ts).
 */
import type { ElkExtendedEdge, ElkNode, LayoutOptions } from 'elkjs/lib/elk-api';
import type { DiagramEdge, DiagramGraph } from './diagram-graph';
import type { LayoutStrategy } from './layout-types';
import { CONTAINER_HEADER, CONTAINER_PADDING, NODE_HEIGHT, NODE_WIDTH } from './node-shapes';

/** Above either bound the `large` strategy is used. */
export const LAYERED_MAX_NODES = 250;
export const LAYERED_MAX_EDGES = 400;

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

export const LARGE_OPTIONS: LayoutOptions = {
  ...COMMON,
  'elk.hierarchyHandling': 'SEPARATE_CHILDREN',
  // One sweep of crossing minimisation: a forest has few crossings to remove.
  'elk.layered.thoroughness': '1',
  'elk.layered.crossingMinimization.greedySwitch.type': 'OFF',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
  'elk.aspectRatio': '1.6',
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

/** The chain of containers of a node, innermost first. */
function ancestorsOf(id: string, parents: ReadonlyMap<string, string | undefined>): string[] {
  const chain: string[] = [];
  for (let p = parents.get(id); p !== undefined; p = parents.get(p)) chain.push(p);
  return chain;
}

interface Tree {
  readonly elkNodes: Map<string, ElkNode>;
  readonly root: ElkNode;
  readonly parents: Map<string, string | undefined>;
}

function buildTree(graph: DiagramGraph, strategy: LayoutStrategy): Tree {
  const root: ElkNode = { id: '\u0000root', children: [], edges: [] };
  const elkNodes = new Map<string, ElkNode>();
  const parents = new Map<string, string | undefined>();
  const containers = new Set<string>();
  for (const n of graph.nodes) if (n.parent !== undefined) containers.add(n.parent);
  // Nodes come containers first, so a member's container already exists.
  for (const n of graph.nodes) {
    const isContainer = containers.has(n.id);
    const elkNode: ElkNode = isContainer
      ? { id: n.id, children: [], edges: [], layoutOptions: strategy === 'large' ? { ...CONTAINER_OPTIONS, ...LARGE_OPTIONS } : CONTAINER_OPTIONS }
      : { id: n.id, width: NODE_WIDTH, height: NODE_HEIGHT };
    elkNodes.set(n.id, elkNode);
    parents.set(n.id, n.parent);
    const parent = n.parent === undefined ? root : elkNodes.get(n.parent);
    (parent?.children ?? root.children)?.push(elkNode);
  }
  return { elkNodes, root, parents };
}

function isAncestor(candidate: string, of: string, parents: ReadonlyMap<string, string | undefined>): boolean {
  for (let p = parents.get(of); p !== undefined; p = parents.get(p)) if (p === candidate) return true;
  return false;
}

function layeredInput(graph: DiagramGraph): ElkInput {
  const { root, parents } = buildTree(graph, 'layered');
  const routedByElk = new Set<string>();
  for (const e of graph.edges) {
    // An edge between a node and one of its own containers has no sensible orthogonal route in ELK.
    if (isAncestor(e.source, e.target, parents) || isAncestor(e.target, e.source, parents)) continue;
    root.edges?.push({ id: e.id, sources: [e.source], targets: [e.target] });
    routedByElk.add(e.id);
  }
  return { graph: root, options: LAYERED_OPTIONS, routedByElk };
}

/** Where an edge sits in the hierarchy: the level that holds both ends, and the ends lifted to that level. */
function liftEdge(e: DiagramEdge, parents: ReadonlyMap<string, string | undefined>): { level: string | undefined; from: string; to: string } | undefined {
  const sourceChain = [e.source, ...ancestorsOf(e.source, parents)];
  const targetChain = [e.target, ...ancestorsOf(e.target, parents)];
  const targetSet = new Set(targetChain);
  const common = sourceChain.find((id) => targetSet.has(id));
  // One end inside the other: not a sibling relation at any level.
  if (common === e.source || common === e.target) return undefined;
  const from = common === undefined ? sourceChain[sourceChain.length - 1] : sourceChain[sourceChain.indexOf(common) - 1];
  const to = common === undefined ? targetChain[targetChain.length - 1] : targetChain[targetChain.indexOf(common) - 1];
  if (from === undefined || to === undefined || from === to) return undefined;
  return { level: common, from, to };
}

function largeInput(graph: DiagramGraph): ElkInput {
  const { root, elkNodes, parents } = buildTree(graph, 'large');
  const routedByElk = new Set<string>();
  // Per level, the lifted edges in document order, one per pair of ends.
  const levels = new Map<string | undefined, { from: string; to: string; edge: DiagramEdge }[]>();
  const seenPairs = new Set<string>();
  for (const e of graph.edges) {
    const lifted = liftEdge(e, parents);
    if (!lifted) continue;
    const pair = `${lifted.from}\u0000${lifted.to}`;
    if (seenPairs.has(pair)) continue;
    seenPairs.add(pair);
    let list = levels.get(lifted.level);
    if (!list) levels.set(lifted.level, (list = []));
    list.push({ from: lifted.from, to: lifted.to, edge: e });
  }
  for (const [level, list] of levels) {
    const holder = level === undefined ? root : elkNodes.get(level);
    if (!holder) continue;
    // A spanning forest grown breadth-first from the nodes nothing points to, in document order.
    const out = new Map<string, typeof list>();
    const pointedTo = new Set<string>();
    for (const item of list) {
      let o = out.get(item.from);
      if (!o) out.set(item.from, (o = []));
      o.push(item);
      pointedTo.add(item.to);
    }
    const members = (holder.children ?? []).map((c) => c.id);
    const starts = [...members.filter((m) => !pointedTo.has(m)), ...members];
    const reached = new Set<string>();
    const edges: ElkExtendedEdge[] = holder.edges ?? (holder.edges = []);
    for (const start of starts) {
      if (reached.has(start)) continue;
      reached.add(start);
      const queue = [start];
      for (let q = 0; q < queue.length; q++) {
        for (const item of out.get(queue[q]) ?? []) {
          if (reached.has(item.to)) continue;
          reached.add(item.to);
          queue.push(item.to);
          const exact = item.from === item.edge.source && item.to === item.edge.target;
          const id = exact ? item.edge.id : `\u0000lift\u0000${item.from}\u0000${item.to}`;
          edges.push({ id, sources: [item.from], targets: [item.to] });
          if (exact) routedByElk.add(item.edge.id);
        }
      }
    }
  }
  return { graph: root, options: LARGE_OPTIONS, routedByElk };
}

export function toElkInput(graph: DiagramGraph, strategy: LayoutStrategy): ElkInput {
  return strategy === 'layered' ? layeredInput(graph) : largeInput(graph);
}
