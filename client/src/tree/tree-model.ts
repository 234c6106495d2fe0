/**
 * The Model Elements tree as data: from the server's model of one document (CalmModelView) to the
 * groups and items a person sees. Pure (no vscode import) so it is unit-tested and benchmarked in Node;
 * the TreeDataProvider is a thin layer over it.
 *
 * Ids are stable across refreshes (derived from unique-ids, not positions) so VS Code keeps
 * each item's expansion and selection when the document changes.
 */
import type {
  CalmModelView,
  ElementRef,
  ModelFlow,
  ModelNode,
  ModelRelationship,
  ModelRelationshipKind,
  ProtocolRange,
} from '../../../server/src/protocol';
import { FILTER_ICON, FLOW_ICON, INTERFACE_ICON, SECTION_ICONS, TRANSITION_ICON, nodeTypeIcon, relationshipIcon } from './tree-icons';
import {
  flowLabel,
  flowTooltip,
  interfaceDescription,
  interfaceTooltip,
  nodeDescription,
  nodeLabel,
  nodeTooltip,
  relationshipDescription,
  relationshipLabel,
  relationshipTooltip,
  transitionLabel,
  transitionTooltip,
  type NodeNames,
} from './tree-labels';
import { rankFlow, rankNode, rankRelationship, searchQuery, type MatchRank, type SearchQuery } from './tree-search';

export type TreeEntryKind =
  | 'filter'
  | 'section'
  | 'node-type'
  | 'relationship-type'
  | 'node'
  | 'interface'
  | 'relationship'
  | 'flow'
  | 'transition';

export type Problem = 'error' | 'warning';

export interface TreeEntry {
  /** Unique in the tree and stable across refreshes of the same document. */
  readonly id: string;
  readonly kind: TreeEntryKind;
  readonly label: string;
  /** The grey text after the label. */
  readonly description?: string;
  /** Plain text (never Markdown): document strings are shown as they are. Built when asked (on hover), not per refresh. */
  readonly tooltip?: () => string;
  /** A codicon name. */
  readonly icon: string;
  /** The worst diagnostic on this element (groups: on any element inside). */
  readonly problem?: Problem;
  /** The model element this entry stands for: what selecting it selects everywhere. */
  readonly element?: ElementRef;
  /** Where the entry's definition is in the document (a transition: the transition itself). */
  readonly range?: ProtocolRange;
  /** What to select in the editor when going to the definition. */
  readonly selectionRange?: ProtocolRange;
  /** How it first appears; VS Code remembers later expansions by id. */
  readonly expanded: boolean;
  readonly children: readonly TreeEntry[];
}

export const RELATIONSHIP_GROUP_ORDER: readonly ModelRelationshipKind[] = ['interacts', 'connects', 'composed-of', 'deployed-in', 'options'];

const NO_NODE_TYPE = '(no node-type)';
const UNKNOWN_RELATIONSHIP_TYPE = '(unknown relationship-type)';

/** Lookups over one tree: by id, parent, by model element. */
interface TreeIndex {
  readonly byId: Map<string, TreeEntry>;
  readonly parents: Map<TreeEntry, TreeEntry>;
  readonly byElement: Readonly<Record<ElementRef['kind'], Map<string, TreeEntry>>>;
}

function indexOf(roots: readonly TreeEntry[]): TreeIndex {
  const index: TreeIndex = {
    byId: new Map(),
    parents: new Map(),
    byElement: { node: new Map(), interface: new Map(), relationship: new Map(), flow: new Map() },
  };
  const walk = (entry: TreeEntry, parent: TreeEntry | undefined): void => {
    index.byId.set(entry.id, entry);
    if (parent) index.parents.set(entry, parent);
    // A transition points at its relationship; revealing the relationship must find the relationship itself.
    if (entry.element && entry.kind !== 'transition') {
      const byId = index.byElement[entry.element.kind];
      if (!byId.has(entry.element.uniqueId)) byId.set(entry.element.uniqueId, entry);
    }
    for (const child of entry.children) walk(child, entry);
  };
  for (const root of roots) walk(root, undefined);
  return index;
}

/**
 * One document's tree, with the lookups the view needs (parent, by id, by model element).
 * The lookups are built on first use: a refresh that only draws the rows on screen never pays for them.
 */
export class ModelTree {
  private lookups: TreeIndex | undefined;

  constructor(
    readonly uri: string,
    readonly version: number,
    readonly roots: readonly TreeEntry[],
    /** The search text when filtered. */
    readonly filter: string | undefined,
    /** How many elements (nodes, relationships, flows) the filter kept. */
    readonly matchCount: number,
    /** True when the document does not parse and this is its last good model. */
    readonly stale: boolean,
  ) {}

  private get index(): TreeIndex {
    return (this.lookups ??= indexOf(this.roots));
  }

  children(entry?: TreeEntry): readonly TreeEntry[] {
    return entry ? entry.children : this.roots;
  }

  get(id: string): TreeEntry | undefined {
    return this.index.byId.get(id);
  }

  /** Undefined for a root (and for an entry of another tree). */
  parentOf(entry: TreeEntry): TreeEntry | undefined {
    return this.index.parents.get(entry);
  }

  /** The item standing for a model element (the first, if its unique-id is duplicated); undefined if filtered out. */
  find(element: ElementRef): TreeEntry | undefined {
    return this.index.byElement[element.kind]?.get(element.uniqueId);
  }

  /** Every entry, depth first. */
  *all(): Iterable<TreeEntry> {
    yield* this.index.byId.values();
  }
}

function worst(problems: Iterable<Problem | undefined>): Problem | undefined {
  let result: Problem | undefined;
  for (const p of problems) {
    if (p === 'error') return 'error';
    if (p === 'warning') result = 'warning';
  }
  return result;
}

/** Gives each entry a unique id even when unique-ids repeat (a duplicate is a finding, not a crash). */
class IdAllocator {
  private readonly used = new Set<string>();
  constructor(private readonly prefix: string) {}

  take(base: string): string {
    let id = this.prefix + base;
    for (let n = 2; this.used.has(id); n++) id = `${this.prefix}${base}#${n}`;
    this.used.add(id);
    return id;
  }
}

interface Ranked<T> {
  readonly item: T;
  readonly rank: MatchRank;
}

/** Keeps what matches (everything, unfiltered), name/id matches first. */
function keep<T>(items: readonly T[], q: SearchQuery | undefined, rankOf: (t: T, q: SearchQuery) => MatchRank | undefined): Ranked<T>[] {
  if (!q) return items.map((item) => ({ item, rank: 0 }));
  const kept: Ranked<T>[] = [];
  for (const item of items) {
    const rank = rankOf(item, q);
    if (rank !== undefined) kept.push({ item, rank });
  }
  return kept.sort((a, b) => a.rank - b.rank);
}

/** Groups in order of first appearance (after ranking, so groups holding name/id matches come first). */
function groupBy<T>(items: readonly Ranked<T>[], key: (t: T) => string): Map<string, Ranked<T>[]> {
  const groups = new Map<string, Ranked<T>[]>();
  for (const r of items) {
    const k = key(r.item);
    const list = groups.get(k);
    if (list) list.push(r);
    else groups.set(k, [r]);
  }
  return groups;
}

function counted(label: string, n: number): string {
  return `${label} (${n})`;
}

class TreeBuilder {
  private readonly ids: IdAllocator;
  private readonly names: NodeNames;
  private readonly relationshipsById = new Map<string, ModelRelationship>();

  constructor(
    private readonly model: CalmModelView,
    private readonly query: SearchQuery | undefined,
  ) {
    // Filtered entries get their own ids so the filtered view opens expanded whatever the user collapsed before.
    this.ids = new IdAllocator(query ? 'filtered:' : '');
    const nodeNames = new Map<string, string>();
    for (const n of model.nodes) if (n.uniqueId && n.name && !nodeNames.has(n.uniqueId)) nodeNames.set(n.uniqueId, n.name);
    this.names = { nameOf: (id) => nodeNames.get(id) };
    for (const r of model.relationships) if (r.uniqueId && !this.relationshipsById.has(r.uniqueId)) this.relationshipsById.set(r.uniqueId, r);
  }

  build(): ModelTree {
    const q = this.query;
    const nodes = keep(this.model.nodes, q, rankNode);
    const relationships = keep(this.model.relationships, q, rankRelationship);
    const flows = keep(this.model.flows, q, rankFlow);
    const matchCount = nodes.length + relationships.length + flows.length;

    const roots: TreeEntry[] = [];
    if (q) roots.push(this.filterRow(q, matchCount));
    const sections = [this.nodesSection(nodes), this.relationshipsSection(relationships), this.flowsSection(flows)];
    // Filtered: only sections that kept something; unfiltered: all three, so a person sees where flows would be.
    for (const s of sections) if (!q || s.children.length > 0) roots.push(s);
    return new ModelTree(this.model.uri, this.model.version, roots, q?.text, matchCount, this.model.stale);
  }

  private filterRow(q: SearchQuery, n: number): TreeEntry {
    return {
      id: this.ids.take('filter'),
      kind: 'filter',
      label: `Filtered by '${q.text}' — ${n} ${n === 1 ? 'match' : 'matches'}`,
      tooltip: () => `Showing the elements whose name, unique-id, type or description contains '${q.text}' (any case).`,
      icon: FILTER_ICON,
      expanded: false,
      children: [],
    };
  }

  private section(key: keyof typeof SECTION_ICONS, label: string, count: number, children: TreeEntry[]): TreeEntry {
    return {
      id: this.ids.take(`section:${key}`),
      kind: 'section',
      label: counted(label, count),
      icon: SECTION_ICONS[key],
      problem: worst(children.map((c) => c.problem)),
      expanded: children.length > 0,
      children,
    };
  }

  private nodesSection(nodes: Ranked<ModelNode>[]): TreeEntry {
    const groups = groupBy(nodes, (n) => n.nodeType ?? NO_NODE_TYPE);
    const children = [...groups].map(([type, members]) => {
      const items = members.map((m) => this.nodeEntry(m.item));
      return {
        id: this.ids.take(`node-type:${type}`),
        kind: 'node-type' as const,
        label: counted(type, items.length),
        icon: nodeTypeIcon(type),
        problem: worst(items.map((i) => i.problem)),
        expanded: this.query !== undefined,
        children: items,
      };
    });
    return this.section('nodes', 'Nodes', nodes.length, children);
  }

  private nodeEntry(node: ModelNode): TreeEntry {
    const id = this.ids.take(`node:${node.uniqueId}`);
    const label = nodeLabel(node);
    const interfaces: TreeEntry[] = node.interfaces.map((iface) => ({
      id: this.ids.take(`interface:${node.uniqueId}/${iface.uniqueId}`),
      kind: 'interface',
      label: iface.uniqueId || '(no unique-id)',
      description: interfaceDescription(iface),
      tooltip: () => interfaceTooltip(iface, label),
      icon: INTERFACE_ICON,
      element: { kind: 'interface', uniqueId: iface.uniqueId },
      range: iface.range,
      selectionRange: iface.selectionRange ?? iface.range,
      expanded: false,
      children: [],
    }));
    return {
      id,
      kind: 'node',
      label,
      description: nodeDescription(node),
      tooltip: () => nodeTooltip(node),
      icon: nodeTypeIcon(node.nodeType),
      problem: node.problem,
      element: { kind: 'node', uniqueId: node.uniqueId },
      range: node.range,
      selectionRange: node.selectionRange,
      expanded: false,
      children: interfaces,
    };
  }

  private relationshipsSection(relationships: Ranked<ModelRelationship>[]): TreeEntry {
    const groups = groupBy(relationships, (r) => r.kind ?? UNKNOWN_RELATIONSHIP_TYPE);
    const order = (kind: string): number => {
      const i = RELATIONSHIP_GROUP_ORDER.indexOf(kind as ModelRelationshipKind);
      return i < 0 ? RELATIONSHIP_GROUP_ORDER.length : i;
    };
    const best = (members: Ranked<ModelRelationship>[]): number => Math.min(...members.map((m) => m.rank));
    // Unfiltered: the CALM order of relationship types; filtered: groups with name/id matches first, then that order.
    const sorted = [...groups].sort(([ka, a], [kb, b]) => (this.query ? best(a) - best(b) : 0) || order(ka) - order(kb));
    const children = sorted.map(([kind, members]) => {
      const items = members.map((m) => this.relationshipEntry(m.item));
      return {
        id: this.ids.take(`relationship-type:${kind}`),
        kind: 'relationship-type' as const,
        label: counted(kind, items.length),
        icon: relationshipIcon(RELATIONSHIP_GROUP_ORDER.includes(kind as ModelRelationshipKind) ? (kind as ModelRelationshipKind) : undefined),
        problem: worst(items.map((i) => i.problem)),
        expanded: this.query !== undefined,
        children: items,
      };
    });
    return this.section('relationships', 'Relationships', relationships.length, children);
  }

  private relationshipEntry(rel: ModelRelationship): TreeEntry {
    const label = relationshipLabel(rel, this.names);
    return {
      id: this.ids.take(`relationship:${rel.uniqueId}`),
      kind: 'relationship',
      label,
      description: relationshipDescription(rel, label),
      tooltip: () => relationshipTooltip(rel, label),
      icon: relationshipIcon(rel.kind),
      problem: rel.problem,
      element: { kind: 'relationship', uniqueId: rel.uniqueId },
      range: rel.range,
      selectionRange: rel.selectionRange,
      expanded: false,
      children: [],
    };
  }

  private flowsSection(flows: Ranked<ModelFlow>[]): TreeEntry {
    return this.section(
      'flows',
      'Flows',
      flows.length,
      flows.map((f) => this.flowEntry(f.item)),
    );
  }

  private flowEntry(flow: ModelFlow): TreeEntry {
    const flowId = this.ids.take(`flow:${flow.uniqueId}`);
    // Sequence order; transitions without a number keep their place after the numbered ones.
    const ordered = flow.transitions
      .map((t, index) => ({ t, index }))
      .sort((a, b) => (a.t.sequenceNumber ?? Infinity) - (b.t.sequenceNumber ?? Infinity) || a.index - b.index);
    const transitions: TreeEntry[] = ordered.map(({ t }, step) => {
      const rel = this.relationshipsById.get(t.relationshipId);
      const relText = rel ? relationshipLabel(rel, this.names, t.direction === 'destination-to-source') : t.relationshipId || '?';
      return {
        id: this.ids.take(`transition:${flow.uniqueId}/${step + 1}`),
        kind: 'transition',
        label: transitionLabel(t, step + 1, relText),
        description: t.description ? relText : t.relationshipId || undefined,
        tooltip: () => transitionTooltip(t, relText),
        icon: TRANSITION_ICON,
        element: t.relationshipId ? { kind: 'relationship', uniqueId: t.relationshipId } : undefined,
        range: t.range,
        selectionRange: t.range,
        expanded: false,
        children: [],
      };
    });
    return {
      id: flowId,
      kind: 'flow',
      label: flowLabel(flow),
      description: flow.name && flow.uniqueId !== flow.name ? flow.uniqueId : undefined,
      tooltip: () => flowTooltip(flow),
      icon: FLOW_ICON,
      element: { kind: 'flow', uniqueId: flow.uniqueId },
      range: flow.range,
      selectionRange: flow.selectionRange,
      expanded: this.query !== undefined,
      children: transitions,
    };
  }
}

/** The tree for one document's model, filtered when `filter` holds search text. */
export function buildModelTree(model: CalmModelView, filter?: string): ModelTree {
  return new TreeBuilder(model, searchQuery(filter)).build();
}
