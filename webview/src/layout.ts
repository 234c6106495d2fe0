/**
 * Diagram graph -> laid-out diagram: runs ELK on the graph elk-graph.ts builds, reads back absolute
 * positions, and routes the edges ELK was not given. Pure apart from the ELK engine passed in, so the
 * webview's worker, the `render` CLI, the tests and the benchmarks all run this same code.
 */
import type { ElkExtendedEdge, ElkLayoutArguments, ElkNode } from 'elkjs/lib/elk-api';
import type { DiagramGraph } from './diagram-graph';
import { chooseStrategy, toElkInput } from './elk-graph';
import type { DiagramLayout, LaidOutEdge, LaidOutNode, LayoutStrategy } from './layout-types';
import { routeDirect, type Box, type DirectEdge } from './direct-routes';
import { topologyKey } from './topology';

/** What this module needs of elkjs (its `ELK` class satisfies it). */
export interface ElkEngine {
  layout(graph: ElkNode, args?: ElkLayoutArguments): Promise<ElkNode>;
}

function collect(node: ElkNode, boxes: Map<string, Box>, routes: Map<string, number[]>, skip: string): void {
  if (node.id !== skip) {
    boxes.set(node.id, { x: node.x ?? 0, y: node.y ?? 0, width: node.width ?? 0, height: node.height ?? 0 });
  }
  for (const e of node.edges ?? []) routes.set(e.id, pointsOf(e));
  for (const child of node.children ?? []) collect(child, boxes, routes, skip);
}

function pointsOf(edge: ElkExtendedEdge): number[] {
  const points: number[] = [];
  for (const section of edge.sections ?? []) {
    points.push(section.startPoint.x, section.startPoint.y);
    for (const b of section.bendPoints ?? []) points.push(b.x, b.y);
    points.push(section.endPoint.x, section.endPoint.y);
  }
  return points;
}

export async function computeLayout(graph: DiagramGraph, elk: ElkEngine, strategy: LayoutStrategy = chooseStrategy(graph)): Promise<DiagramLayout> {
  const input = toElkInput(graph, strategy);
  const root = input.graph;
  root.layoutOptions = { ...input.options, ...root.layoutOptions };
  const result = await elk.layout(root);

  const boxes = new Map<string, Box>();
  const routes = new Map<string, number[]>();
  collect(result, boxes, routes, root.id);

  const containers = new Set<string>();
  for (const n of graph.nodes) if (n.parent !== undefined) containers.add(n.parent);
  const nodes: LaidOutNode[] = [];
  for (const n of graph.nodes) {
    const b = boxes.get(n.id);
    if (b) nodes.push({ id: n.id, ...b, container: containers.has(n.id) });
  }

  const elkRoutes = new Map<string, readonly number[]>();
  const pending: DirectEdge[] = [];
  for (const e of graph.edges) {
    const route = input.routedByElk.has(e.id) ? routes.get(e.id) : undefined;
    if (route && route.length >= 4) {
      elkRoutes.set(e.id, route);
      continue;
    }
    const from = boxes.get(e.source);
    const to = boxes.get(e.target);
    if (from && to) pending.push({ id: e.id, from, to });
  }
  const direct = new Map(routeDirect(pending).map((r) => [r.id, r.points]));
  const edges: LaidOutEdge[] = [];
  for (const e of graph.edges) {
    const points = elkRoutes.get(e.id) ?? direct.get(e.id);
    if (points) edges.push({ id: e.id, points });
  }

  return {
    key: topologyKey(graph, strategy),
    strategy,
    width: result.width ?? 0,
    height: result.height ?? 0,
    nodes,
    edges,
  };
}
