/**
 * Where each node is drawn: inside the first container that names it (`composed-of`, `deployed-in`),
 * unless that would put it inside itself; later containers of the same node become dotted lines. Nesting
 * is drawn at most MAX_NESTING containers deep: ELK lays out a hierarchy recursively (a chain of a few
 * thousand containers overflows its stack) and nobody reads boxes 64 deep. A node nested deeper is drawn
 * flat inside the deepest drawn container on its way, with a dotted line to its own container, and
 * carries a note saying so.
 *
 * Linear in nodes and containment entries: the "would this close a cycle" test is a union-find over the
 * trees built so far, depths are computed once with a memo, and the order is a bucket per depth.
 */
import type { DiagramEdge, SourceNode, SourceRelationship } from './diagram-graph';

/** The most containers a node is drawn inside. */
export const MAX_NESTING = 64;

export type ContainmentKind = 'composed-of' | 'deployed-in';

/** A node nested deeper than MAX_NESTING, drawn flat inside a container further out. */
export interface FlatNesting {
  /** Its own container, in the document. */
  readonly container: string;
  /** How many containers it is inside, in the document. */
  readonly depth: number;
}

export interface Placement {
  /** The container each node is drawn inside. */
  readonly parents: ReadonlyMap<string, string>;
  /** The kind of containment that put it there. */
  readonly via: ReadonlyMap<string, ContainmentKind>;
  readonly flattened: ReadonlyMap<string, FlatNesting>;
  /** How many nodes drawn flat each container holds. */
  readonly flatInside: ReadonlyMap<string, number>;
  /** Node ids by depth (containers before their members), then in document order. */
  readonly order: readonly string[];
  /** Dotted lines: a node's second containers, and the own container of each node drawn flat. */
  readonly edges: readonly DiagramEdge[];
}

interface Link {
  readonly container: string;
  readonly via: ContainmentKind;
  readonly relationship: SourceRelationship;
  readonly index: number;
}

/**
 * The trees of containers built so far, as a union-find: each set is one tree, and knows its root. A node
 * without a container is the root of its tree, so putting it inside `container` closes a cycle exactly
 * when it is the root of `container`'s tree.
 */
class Trees {
  private readonly up = new Map<string, string>();
  private readonly size = new Map<string, number>();
  private readonly rootOfSet = new Map<string, string>();

  private find(id: string): string {
    let top = id;
    for (let next = this.up.get(top); next !== undefined; next = this.up.get(top)) top = next;
    for (let at = id; at !== top; ) {
      const next = this.up.get(at) ?? top;
      this.up.set(at, top);
      at = next;
    }
    return top;
  }

  rootOf(id: string): string {
    const set = this.find(id);
    return this.rootOfSet.get(set) ?? set;
  }

  /** `member` (a root) and its tree go inside `container`. */
  attach(member: string, container: string): void {
    const root = this.rootOf(container);
    const a = this.find(member);
    const b = this.find(container);
    const [small, large] = (this.size.get(a) ?? 1) < (this.size.get(b) ?? 1) ? [a, b] : [b, a];
    this.up.set(small, large);
    this.size.set(large, (this.size.get(a) ?? 1) + (this.size.get(b) ?? 1));
    this.rootOfSet.set(large, root);
  }
}

function lineOf(link: Link, member: string): DiagramEdge {
  const r = link.relationship;
  return { id: `${r.uniqueId}#${link.index}`, relationshipId: r.uniqueId, kind: link.via, source: member, target: link.container, description: r.description, problem: r.problem };
}

/** Each node's first container that closes no cycle; the other containments as lines. */
function firstContainers(nodes: ReadonlyMap<string, SourceNode>, relationships: readonly SourceRelationship[]): { links: Map<string, Link>; edges: DiagramEdge[] } {
  const links = new Map<string, Link>();
  const edges: DiagramEdge[] = [];
  const trees = new Trees();
  for (const relationship of relationships) {
    if (relationship.kind !== 'composed-of' && relationship.kind !== 'deployed-in') continue;
    const container = relationship.container;
    if (container === undefined || !nodes.has(container)) continue;
    const via = relationship.kind;
    (relationship.nodes ?? []).forEach((member, index) => {
      if (!nodes.has(member) || member === container) return;
      const link: Link = { container, via, relationship, index };
      if (!links.has(member) && trees.rootOf(container) !== member) {
        links.set(member, link);
        trees.attach(member, container);
        return;
      }
      if (links.get(member)?.container === container) return;
      edges.push(lineOf(link, member));
    });
  }
  return { links, edges };
}

/** Depth of every node in the trees of `links` (0: inside nothing), each chain walked once. */
function depthsOf(ids: Iterable<string>, links: ReadonlyMap<string, Link>): Map<string, number> {
  const depth = new Map<string, number>();
  const path: string[] = [];
  for (const id of ids) {
    let at: string | undefined = id;
    while (at !== undefined && !depth.has(at)) {
      path.push(at);
      at = links.get(at)?.container;
    }
    let d = at === undefined ? -1 : (depth.get(at) ?? -1);
    for (let next = path.pop(); next !== undefined; next = path.pop()) depth.set(next, ++d);
  }
  return depth;
}

export function placeNodes(nodes: ReadonlyMap<string, SourceNode>, relationships: readonly SourceRelationship[]): Placement {
  const { links, edges } = firstContainers(nodes, relationships);
  const depth = depthsOf(nodes.keys(), links);

  // Shallow first, so a node's container is placed before it.
  const byDepth: string[][] = [];
  for (const id of nodes.keys()) {
    const d = depth.get(id) ?? 0;
    (byDepth[d] ??= []).push(id);
  }
  const parents = new Map<string, string>();
  const via = new Map<string, ContainmentKind>();
  const flattened = new Map<string, FlatNesting>();
  const flatInside = new Map<string, number>();
  const drawnDepth: string[][] = [];
  for (const [d, ids] of byDepth.entries()) {
    for (const id of ids ?? []) {
      const link = links.get(id);
      if (link !== undefined && d <= MAX_NESTING) {
        parents.set(id, link.container);
        via.set(id, link.via);
      } else if (link !== undefined) {
        // Deeper than drawn: beside the deepest drawn node on its way (its container is placed already).
        const outer = links.get(link.container);
        const parent = d - 1 > MAX_NESTING ? parents.get(link.container) : outer?.container;
        const kind = d - 1 > MAX_NESTING ? via.get(link.container) : outer?.via;
        if (parent !== undefined && kind !== undefined) {
          parents.set(id, parent);
          via.set(id, kind);
          flatInside.set(parent, (flatInside.get(parent) ?? 0) + 1);
        }
        flattened.set(id, { container: link.container, depth: d });
        edges.push(lineOf(link, id));
      }
      (drawnDepth[Math.min(d, MAX_NESTING)] ??= []).push(id);
    }
  }
  return { parents, via, flattened, flatInside, order: drawnDepth.flat(), edges };
}
