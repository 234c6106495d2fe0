/**
 * From the server's model of one document (CalmModelView) to the Model Elements tree: Nodes grouped
 * by node-type, Relationships by type, Flows with their transitions in sequence order, each group
 * with its count; filtered by the search when there is one. Pure (no vscode import).
 */
import type {
  CalmModelView,
  ElementRef,
  ModelFlow,
  ModelInterface,
  ModelNode,
  ModelRelationship,
  ModelRelationshipKind,
} from '../../../server/src/protocol';
import { FILTERED_PREFIX, elementKey, ids, occurrences } from './tree-ids';
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
import { EntryRegistry, ModelTree, type Problem, type TreeEntry } from './tree-model';
import { rankFlow, rankNode, rankRelationship, searchQuery, type MatchRank, type SearchQuery } from './tree-search';

export const RELATIONSHIP_GROUP_ORDER: readonly ModelRelationshipKind[] = ['interacts', 'connects', 'composed-of', 'deployed-in', 'options'];

const NO_NODE_TYPE = '(no node-type)';
const UNKNOWN_RELATIONSHIP_TYPE = '(unknown relationship-type)';

type EntryFields = Omit<TreeEntry, 'children' | 'childCount'>;

interface Ranked<T> {
  readonly item: T;
  /** Position in the model's list (for occurrence counts of repeated unique-ids). */
  readonly index: number;
  readonly rank: MatchRank;
}

/** Keeps what matches (everything, unfiltered), name/id matches first; equal ranks keep document order. */
function keep<T>(items: readonly T[], q: SearchQuery | undefined, rankOf: (t: T, q: SearchQuery) => MatchRank | undefined): Ranked<T>[] {
  if (!q) return items.map((item, index) => ({ item, index, rank: 0 }));
  const kept: Ranked<T>[] = [];
  items.forEach((item, index) => {
    const rank = rankOf(item, q);
    if (rank !== undefined) kept.push({ item, index, rank });
  });
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

function worst(problems: Iterable<Problem | undefined>): Problem | undefined {
  let result: Problem | undefined;
  for (const p of problems) {
    if (p === 'error') return 'error';
    if (p === 'warning') result = 'warning';
  }
  return result;
}

function counted(label: string, n: number): string {
  return `${label} (${n})`;
}

/** The child with this id (building the parent's children, which registers their parent). */
function child(parent: TreeEntry | undefined, id: string): TreeEntry | undefined {
  return parent?.children.find((c) => c.id === id);
}

const nodeGroupKey = (n: ModelNode): string => n.nodeType ?? NO_NODE_TYPE;
const relationshipGroupKey = (r: ModelRelationship): string => r.kind ?? UNKNOWN_RELATIONSHIP_TYPE;

class TreeBuilder {
  private readonly registry = new EntryRegistry();
  private readonly prefix: string;
  // The sections, for reveals: they reach an element through its section and group, so every parent on the way is known.
  private nodesSectionEntry: TreeEntry | undefined;
  private relationshipsSectionEntry: TreeEntry | undefined;
  private flowsSectionEntry: TreeEntry | undefined;
  /** What the filter kept (undefined: everything). */
  private keptNodes: ReadonlySet<ModelNode> | undefined;
  private keptRelationships: ReadonlySet<ModelRelationship> | undefined;
  private keptFlows: ReadonlySet<ModelFlow> | undefined;
  // Worked out on first need: most refreshes never build a single node or relationship item.
  private nodeOccurrences: number[] | undefined;
  private relationshipOccurrences: number[] | undefined;
  private flowOccurrences: number[] | undefined;
  private nodeNames: NodeNames | undefined;
  private relationshipsById: Map<string, ModelRelationship> | undefined;

  constructor(
    private readonly model: CalmModelView,
    private readonly query: SearchQuery | undefined,
  ) {
    this.prefix = query ? FILTERED_PREFIX : '';
  }

  build(): ModelTree {
    const q = this.query;
    const nodes = keep(this.model.nodes, q, rankNode);
    const relationships = keep(this.model.relationships, q, rankRelationship);
    const flows = keep(this.model.flows, q, rankFlow);
    if (q) {
      this.keptNodes = new Set(nodes.map((n) => n.item));
      this.keptRelationships = new Set(relationships.map((r) => r.item));
      this.keptFlows = new Set(flows.map((f) => f.item));
    }
    const matchCount = nodes.length + relationships.length + flows.length;

    const roots: TreeEntry[] = [];
    if (q) roots.push(this.filterRow(q, matchCount));
    const sections = [this.nodesSection(nodes), this.relationshipsSection(relationships), this.flowsSection(flows)];
    // Filtered: only sections that kept something; unfiltered: all three, so a person sees where flows would be.
    for (const s of sections) if (!q || s.childCount > 0) roots.push(s);
    this.registry.adopt(undefined, roots);
    return new ModelTree(this.model.uri, this.model.version, roots, q?.text, matchCount, this.model.stale, this.registry, (element) => this.locate(element));
  }

  /** An entry whose children are made on first access (and registered with their parent then). */
  private entry(fields: EntryFields, childCount: number, make?: () => TreeEntry[]): TreeEntry {
    const registry = this.registry;
    let built: readonly TreeEntry[] | undefined;
    const entry: TreeEntry = {
      ...fields,
      childCount,
      get children(): readonly TreeEntry[] {
        return (built ??= make && childCount > 0 ? registry.adopt(entry, make()) : []);
      },
    };
    return entry;
  }

  private get names(): NodeNames {
    if (!this.nodeNames) {
      const names = new Map<string, string>();
      for (const n of this.model.nodes) if (n.uniqueId && n.name && !names.has(n.uniqueId)) names.set(n.uniqueId, n.name);
      this.nodeNames = { nameOf: (id) => names.get(id) };
    }
    return this.nodeNames;
  }

  private nodeKey(index: number): string {
    this.nodeOccurrences ??= occurrences(this.model.nodes, (n) => n.uniqueId);
    return elementKey(this.model.nodes[index]!.uniqueId, this.nodeOccurrences[index]!);
  }

  private relationshipKey(index: number): string {
    this.relationshipOccurrences ??= occurrences(this.model.relationships, (r) => r.uniqueId);
    return elementKey(this.model.relationships[index]!.uniqueId, this.relationshipOccurrences[index]!);
  }

  private flowKey(index: number): string {
    this.flowOccurrences ??= occurrences(this.model.flows, (f) => f.uniqueId);
    return elementKey(this.model.flows[index]!.uniqueId, this.flowOccurrences[index]!);
  }

  private filterRow(q: SearchQuery, n: number): TreeEntry {
    return this.entry(
      {
        id: ids.filter(this.prefix),
        kind: 'filter',
        label: `Filtered by '${q.text}' — ${n} ${n === 1 ? 'match' : 'matches'}`,
        tooltip: () => `Showing the elements whose name, unique-id, type or description contains '${q.text}' (any case).`,
        icon: FILTER_ICON,
        expanded: false,
      },
      0,
    );
  }

  private section(key: keyof typeof SECTION_ICONS, label: string, count: number, children: TreeEntry[]): TreeEntry {
    return this.entry(
      {
        id: ids.section(this.prefix, key),
        kind: 'section',
        label: counted(label, count),
        icon: SECTION_ICONS[key],
        problem: worst(children.map((c) => c.problem)),
        expanded: children.length > 0,
      },
      children.length,
      () => children,
    );
  }

  private nodesSection(nodes: Ranked<ModelNode>[]): TreeEntry {
    const groups = [...groupBy(nodes, nodeGroupKey)].map(([type, members]) => {
      const group = this.entry(
        {
          id: ids.nodeType(this.prefix, type),
          kind: 'node-type',
          label: counted(type, members.length),
          icon: nodeTypeIcon(type),
          problem: worst(members.map((m) => m.item.problem)),
          expanded: this.query !== undefined,
        },
        members.length,
        () => members.map((m) => this.nodeEntry(m)),
      );
      return group;
    });
    this.nodesSectionEntry = this.section('nodes', 'Nodes', nodes.length, groups);
    return this.nodesSectionEntry;
  }

  private nodeEntry({ item: node, index }: Ranked<ModelNode>): TreeEntry {
    const key = this.nodeKey(index);
    const label = nodeLabel(node);
    return this.entry(
      {
        id: ids.node(this.prefix, key),
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
      },
      node.interfaces.length,
      () => {
        const seen = occurrences(node.interfaces, (i) => i.uniqueId);
        return node.interfaces.map((iface, i) => this.interfaceEntry(iface, ids.interface(this.prefix, key, elementKey(iface.uniqueId, seen[i]!)), label));
      },
    );
  }

  private interfaceEntry(iface: ModelInterface, id: string, nodeLabelText: string): TreeEntry {
    return this.entry(
      {
        id,
        kind: 'interface',
        label: iface.uniqueId || '(no unique-id)',
        description: interfaceDescription(iface),
        tooltip: () => interfaceTooltip(iface, nodeLabelText),
        icon: INTERFACE_ICON,
        element: { kind: 'interface', uniqueId: iface.uniqueId },
        range: iface.range,
        selectionRange: iface.selectionRange ?? iface.range,
        expanded: false,
      },
      0,
    );
  }

  private relationshipsSection(relationships: Ranked<ModelRelationship>[]): TreeEntry {
    const order = (kind: string): number => {
      const i = RELATIONSHIP_GROUP_ORDER.indexOf(kind as ModelRelationshipKind);
      return i < 0 ? RELATIONSHIP_GROUP_ORDER.length : i;
    };
    const best = (members: Ranked<ModelRelationship>[]): number => Math.min(...members.map((m) => m.rank));
    // Unfiltered: the CALM order of relationship types; filtered: groups with name/id matches first, then that order.
    const sorted = [...groupBy(relationships, relationshipGroupKey)].sort(([ka, a], [kb, b]) => (this.query ? best(a) - best(b) : 0) || order(ka) - order(kb));
    const groups = sorted.map(([kind, members]) => {
      const known = RELATIONSHIP_GROUP_ORDER.find((k) => k === kind);
      const group = this.entry(
        {
          id: ids.relationshipType(this.prefix, kind),
          kind: 'relationship-type',
          label: counted(kind, members.length),
          icon: relationshipIcon(known),
          problem: worst(members.map((m) => m.item.problem)),
          expanded: this.query !== undefined,
        },
        members.length,
        () => members.map((m) => this.relationshipEntry(m)),
      );
      return group;
    });
    this.relationshipsSectionEntry = this.section('relationships', 'Relationships', relationships.length, groups);
    return this.relationshipsSectionEntry;
  }

  private relationshipEntry({ item: rel, index }: Ranked<ModelRelationship>): TreeEntry {
    const label = relationshipLabel(rel, this.names);
    return this.entry(
      {
        id: ids.relationship(this.prefix, this.relationshipKey(index)),
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
      },
      0,
    );
  }

  private flowsSection(flows: Ranked<ModelFlow>[]): TreeEntry {
    const entries = flows.map((f) => this.flowEntry(f));
    this.flowsSectionEntry = this.section('flows', 'Flows', flows.length, entries);
    return this.flowsSectionEntry;
  }

  private flowEntry({ item: flow, index }: Ranked<ModelFlow>): TreeEntry {
    const key = this.flowKey(index);
    return this.entry(
      {
        id: ids.flow(this.prefix, key),
        kind: 'flow',
        label: flowLabel(flow),
        description: flow.name && flow.uniqueId !== flow.name ? flow.uniqueId : undefined,
        tooltip: () => flowTooltip(flow),
        icon: FLOW_ICON,
        element: { kind: 'flow', uniqueId: flow.uniqueId },
        range: flow.range,
        selectionRange: flow.selectionRange,
        expanded: this.query !== undefined,
      },
      flow.transitions.length,
      () => this.transitions(flow, key),
    );
  }

  private transitions(flow: ModelFlow, flowKey: string): TreeEntry[] {
    if (!this.relationshipsById) {
      this.relationshipsById = new Map();
      for (const r of this.model.relationships) if (r.uniqueId && !this.relationshipsById.has(r.uniqueId)) this.relationshipsById.set(r.uniqueId, r);
    }
    const byId = this.relationshipsById;
    // Sequence order; transitions without a number keep their place after the numbered ones.
    const ordered = flow.transitions
      .map((t, index) => ({ t, index }))
      .sort((a, b) => (a.t.sequenceNumber ?? Infinity) - (b.t.sequenceNumber ?? Infinity) || a.index - b.index);
    return ordered.map(({ t }, i) => {
      const step = i + 1;
      const rel = byId.get(t.relationshipId);
      const relText = rel ? relationshipLabel(rel, this.names, t.direction === 'destination-to-source') : t.relationshipId || '?';
      return this.entry(
        {
          id: ids.transition(this.prefix, flowKey, step),
          kind: 'transition',
          label: transitionLabel(t, step, relText),
          description: t.description ? relText : t.relationshipId || undefined,
          tooltip: () => transitionTooltip(t, relText),
          icon: TRANSITION_ICON,
          element: t.relationshipId ? { kind: 'relationship', uniqueId: t.relationshipId } : undefined,
          range: t.range,
          selectionRange: t.range,
          expanded: false,
        },
        0,
      );
    });
  }

  /** The entry of a model element: its first kept definition, building only the branch that holds it. */
  private locate(element: ElementRef): TreeEntry | undefined {
    const { nodes, relationships, flows } = this.model;
    const uid = element.uniqueId;
    switch (element.kind) {
      case 'node': {
        const i = nodes.findIndex((n) => n.uniqueId === uid && (!this.keptNodes || this.keptNodes.has(n)));
        return i < 0 ? undefined : this.nodeAt(i);
      }
      case 'interface': {
        for (let i = 0; i < nodes.length; i++) {
          const node = nodes[i]!;
          if (this.keptNodes && !this.keptNodes.has(node)) continue;
          if (!node.interfaces.some((iface) => iface.uniqueId === uid)) continue;
          return this.nodeAt(i)?.children.find((c) => c.element?.uniqueId === uid);
        }
        return undefined;
      }
      case 'relationship': {
        const i = relationships.findIndex((r) => r.uniqueId === uid && (!this.keptRelationships || this.keptRelationships.has(r)));
        if (i < 0) return undefined;
        const id = ids.relationship(this.prefix, this.relationshipKey(i));
        const groupId = ids.relationshipType(this.prefix, relationshipGroupKey(relationships[i]!));
        return child(child(this.relationshipsSectionEntry, groupId), id);
      }
      case 'flow': {
        const i = flows.findIndex((f) => f.uniqueId === uid && (!this.keptFlows || this.keptFlows.has(f)));
        if (i < 0) return undefined;
        const id = ids.flow(this.prefix, this.flowKey(i));
        return child(this.flowsSectionEntry, id);
      }
    }
  }

  private nodeAt(index: number): TreeEntry | undefined {
    const id = ids.node(this.prefix, this.nodeKey(index));
    const groupId = ids.nodeType(this.prefix, nodeGroupKey(this.model.nodes[index]!));
    return child(child(this.nodesSectionEntry, groupId), id);
  }
}

/** The tree for one document's model, filtered when `filter` holds search text. */
export function buildModelTree(model: CalmModelView, filter?: string): ModelTree {
  return new TreeBuilder(model, searchQuery(filter)).build();
}
