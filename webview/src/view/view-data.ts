/** Lookups over one laid-out diagram (by id, by relationship, edge bounds), built once before it is drawn. */
import type { DiagramEdge, DiagramGraph, DiagramNode } from '../diagram-graph';
import type { DiagramLayout, LaidOutEdge, LaidOutNode } from '../layout-types';
import { deploymentContainers } from '../svg';
import type { Rect } from './pan-zoom';

export function boundsOf(points: readonly number[]): Rect {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < points.length; i += 2) {
    minX = Math.min(minX, points[i]);
    maxX = Math.max(maxX, points[i]);
    minY = Math.min(minY, points[i + 1]);
    maxY = Math.max(maxY, points[i + 1]);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}
/** Lookups over one laid-out diagram, built before it is drawn (a separate step for big diagrams). */
export interface ViewData {
  readonly graph: DiagramGraph;
  readonly layout: DiagramLayout;
  readonly nodesById: ReadonlyMap<string, DiagramNode>;
  readonly edgesById: ReadonlyMap<string, DiagramEdge>;
  readonly edgesByRelationship: ReadonlyMap<string, readonly DiagramEdge[]>;
  readonly boxes: ReadonlyMap<string, LaidOutNode>;
  readonly routes: ReadonlyMap<string, LaidOutEdge>;
  readonly edgeBounds: ReadonlyMap<string, Rect>;
  readonly deployments: ReadonlySet<string>;
}

export function buildViewData(graph: DiagramGraph, layout: DiagramLayout): ViewData {
  const edgesByRelationship = new Map<string, DiagramEdge[]>();
  for (const e of graph.edges) {
    const list = edgesByRelationship.get(e.relationshipId);
    if (list) list.push(e);
    else edgesByRelationship.set(e.relationshipId, [e]);
  }
  return {
    graph,
    layout,
    nodesById: new Map(graph.nodes.map((n) => [n.id, n])),
    edgesById: new Map(graph.edges.map((e) => [e.id, e])),
    edgesByRelationship,
    boxes: new Map(layout.nodes.map((n) => [n.id, n])),
    routes: new Map(layout.edges.map((e) => [e.id, e])),
    edgeBounds: new Map(layout.edges.map((e) => [e.id, boundsOf(e.points)])),
    deployments: deploymentContainers(graph),
  };
}
