/**
 * The server's model of a document (CalmModelView) -> the graph the diagram draws: nodes with their
 * container, and one edge per drawn line. Pure and total: any model, however broken, gives a graph
 * (references to missing nodes are dropped, containment cycles are cut and marked, nesting is drawn at
 * most MAX_NESTING deep: containment.ts).
 */
import type { ModelRelationshipKind } from '../../server/src/protocol';
import { placeNodes, type FlatNesting } from './containment';
import { containmentCycles, type NodeCycle } from './containment-cycles';
import { shapeOf, type ShapeKind } from './node-shapes';

/**
 * What the diagram reads of the server's model (protocol.ts's CalmModelView fits it): the elements
 * without their text ranges, which the page has no use for and which would double what crosses to it.
 */
export interface SourceInterface {
  readonly uniqueId: string;
  readonly protocol?: string;
  readonly host?: string;
  readonly port?: number;
  readonly url?: string;
}
export interface SourceNode {
  readonly uniqueId: string;
  readonly name?: string;
  readonly nodeType?: string;
  readonly description?: string;
  readonly interfaces: readonly SourceInterface[];
  readonly problem?: 'error' | 'warning';
}
export interface SourceRelationship {
  readonly uniqueId: string;
  readonly description?: string;
  readonly kind?: ModelRelationshipKind;
  readonly protocol?: string;
  readonly source?: string;
  readonly destination?: string;
  readonly sourceInterfaces?: readonly string[];
  readonly destinationInterfaces?: readonly string[];
  readonly container?: string;
  readonly nodes?: readonly string[];
  readonly problem?: 'error' | 'warning';
}
export interface SourceTransition {
  readonly relationshipId: string;
  readonly sequenceNumber?: number;
  readonly description?: string;
  readonly direction?: string;
}
export interface SourceFlow {
  readonly uniqueId: string;
  readonly name?: string;
  readonly description?: string;
  readonly transitions: readonly SourceTransition[];
}
export interface DiagramSource {
  readonly nodes: readonly SourceNode[];
  readonly relationships: readonly SourceRelationship[];
  readonly flows: readonly SourceFlow[];
}

export interface DiagramInterface {
  readonly id: string;
  readonly protocol?: string;
  readonly host?: string;
  readonly port?: number;
  readonly url?: string;
}

export interface DiagramNode {
  readonly id: string;
  /** The name shown; the id when the node has no name. */
  readonly name: string;
  /** The node-type as written (custom types included), '' when missing. */
  readonly nodeType: string;
  readonly shape: ShapeKind;
  readonly description?: string;
  readonly interfaces: readonly DiagramInterface[];
  /** The container it is drawn inside (composed-of / deployed-in), if any. */
  readonly parent?: string;
  /** The kind of relationship that put it there. */
  readonly parentVia?: 'composed-of' | 'deployed-in';
  readonly problem?: 'error' | 'warning';
  /** Set when containment makes it contain itself, directly or through other nodes (containment-cycles.ts). */
  readonly cycle?: NodeCycle;
  /** Set when it is nested deeper than the diagram draws (containment.ts): drawn flat inside `parent`. */
  readonly flattened?: FlatNesting;
  /** How many nodes nested deeper than the diagram draws are drawn flat inside it. */
  readonly flatInside?: number;
}

export type DiagramEdgeKind = 'interacts' | 'connects' | 'deployed-in' | 'composed-of';

export interface DiagramEdge {
  /** Unique per drawn line: the relationship id, plus `#n` for the n-th line of an `interacts` with several nodes. */
  readonly id: string;
  readonly relationshipId: string;
  readonly kind: DiagramEdgeKind;
  readonly source: string;
  readonly target: string;
  /** What a connects edge carries (its protocol, else its interfaces' protocols), shown when labels are on. */
  readonly label?: string;
  readonly description?: string;
  readonly problem?: 'error' | 'warning';
}

export interface DiagramFlowStep {
  readonly relationshipId: string;
  readonly sequence: number;
  readonly description?: string;
  readonly reverse: boolean;
}

export interface DiagramFlow {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  /** In sequence order. */
  readonly steps: readonly DiagramFlowStep[];
}

export interface DiagramGraph {
  /** Containers before their members; otherwise document order. */
  readonly nodes: readonly DiagramNode[];
  readonly edges: readonly DiagramEdge[];
  readonly flows: readonly DiagramFlow[];
}

function interfaceOf(i: SourceInterface): DiagramInterface {
  return { id: i.uniqueId, protocol: i.protocol, host: i.host, port: i.port, url: i.url };
}

function connectsLabel(r: SourceRelationship, nodes: ReadonlyMap<string, SourceNode>): string | undefined {
  if (r.protocol) return r.protocol;
  const protocols = new Set<string>();
  const collect = (nodeId: string | undefined, ids: readonly string[] | undefined) => {
    const node = nodeId === undefined ? undefined : nodes.get(nodeId);
    for (const id of ids ?? []) {
      const p = node?.interfaces.find((i) => i.uniqueId === id)?.protocol;
      if (p) protocols.add(p);
    }
  };
  collect(r.destination, r.destinationInterfaces);
  if (protocols.size === 0) collect(r.source, r.sourceInterfaces);
  if (protocols.size > 0) return [...protocols].join(', ');
  const named = [...(r.destinationInterfaces ?? [])];
  return named.length > 0 ? named.join(', ') : undefined;
}

export function toDiagramGraph(model: DiagramSource): DiagramGraph {
  // The first definition of a duplicated id wins: the others are problems the editor already shows.
  const modelNodes = new Map<string, SourceNode>();
  for (const n of model.nodes) if (n.uniqueId !== '' && !modelNodes.has(n.uniqueId)) modelNodes.set(n.uniqueId, n);

  const placement = placeNodes(modelNodes, model.relationships);
  const cycles = containmentCycles([...modelNodes.keys()], model.relationships);
  const nodes: DiagramNode[] = placement.order.map((id) => modelNodes.get(id)).filter((n) => n !== undefined).map((n) => ({
    id: n.uniqueId,
    name: n.name !== undefined && n.name.trim() !== '' ? n.name : n.uniqueId,
    nodeType: n.nodeType ?? '',
    shape: shapeOf(n.nodeType),
    description: n.description,
    interfaces: n.interfaces.map(interfaceOf),
    parent: placement.parents.get(n.uniqueId),
    parentVia: placement.via.get(n.uniqueId),
    problem: n.problem,
    cycle: cycles.get(n.uniqueId),
    flattened: placement.flattened.get(n.uniqueId),
    flatInside: placement.flatInside.get(n.uniqueId),
  }));

  const edges: DiagramEdge[] = [];
  const seenRelationships = new Set<string>();
  for (const r of model.relationships) {
    if (r.uniqueId === '' || seenRelationships.has(r.uniqueId)) continue;
    seenRelationships.add(r.uniqueId);
    if (r.kind === 'connects') {
      if (r.source === undefined || r.destination === undefined || !modelNodes.has(r.source) || !modelNodes.has(r.destination)) continue;
      edges.push({ id: r.uniqueId, relationshipId: r.uniqueId, kind: 'connects', source: r.source, target: r.destination, label: connectsLabel(r, modelNodes), description: r.description, problem: r.problem });
    } else if (r.kind === 'interacts') {
      const actor = r.source;
      if (actor === undefined || !modelNodes.has(actor)) continue;
      const targets = (r.nodes ?? []).filter((t) => modelNodes.has(t) && t !== actor);
      targets.forEach((target, i) => {
        const id = targets.length === 1 ? r.uniqueId : `${r.uniqueId}#${i}`;
        edges.push({ id, relationshipId: r.uniqueId, kind: 'interacts', source: actor, target, description: r.description, problem: r.problem });
      });
    }
  }
  const edgeIds = new Set(edges.map((e) => e.id));
  edges.push(...placement.edges.filter((e) => !edgeIds.has(e.id)));

  const flows: DiagramFlow[] = model.flows
    .filter((f) => f.uniqueId !== '')
    .map((f) => ({
      id: f.uniqueId,
      name: f.name !== undefined && f.name.trim() !== '' ? f.name : f.uniqueId,
      description: f.description,
      steps: f.transitions
        .map((t, index) => ({ t, index }))
        .sort((a, b) => (a.t.sequenceNumber ?? a.index + 1) - (b.t.sequenceNumber ?? b.index + 1) || a.index - b.index)
        .map(({ t, index }) => ({
          relationshipId: t.relationshipId,
          sequence: t.sequenceNumber ?? index + 1,
          description: t.description,
          reverse: t.direction === 'destination-to-source',
        })),
    }));

  return { nodes, edges, flows };
}

/** Ids of the nodes that contain others. */
export function containerIds(graph: DiagramGraph): Set<string> {
  const ids = new Set<string>();
  for (const n of graph.nodes) if (n.parent !== undefined) ids.add(n.parent);
  return ids;
}
