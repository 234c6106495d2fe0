/**
 * The tables the architecture rules look things up in, read from the JSON tree with the reference's
 * JSONPath semantics (`[*]` runs over array elements and object values alike; any value type counts),
 * built once per document version so that each reference is checked in constant time.
 */
import type { CalmDocument } from '../../model';
import type { ValueNode } from '../../value-node';
import { identityOf } from './json-values';
import { ownMember } from '../../value-node';
import { forEachDescendantValue, member, rootOf, starChildren, starMember, starValues } from './tree';

export interface ArchitectureView {
  /** `$.nodes[*]`: the node elements. */
  readonly nodes: readonly ValueNode[];
  /** `$.nodes[*].unique-id` values. */
  readonly nodeIdValues: readonly ValueNode[];
  /** `$.relationships[*].unique-id` values. */
  readonly relationshipIdValues: readonly ValueNode[];
  /** `$.nodes[*].interfaces[*].unique-id` values. */
  readonly interfaceIdValues: readonly ValueNode[];
  /** Identities (see `identityOf`) of the values above, for `includes`-style membership. */
  readonly nodeIds: ReadonlySet<unknown>;
  readonly relationshipIds: ReadonlySet<unknown>;
  readonly interfaceIds: ReadonlySet<unknown>;
  /** `$.relationships[*].relationship-type` values. */
  readonly relationshipTypes: readonly ValueNode[];
  /** `$.relationships[*].relationship-type.*`: the body of each kind. */
  readonly typeBodies: readonly ValueNode[];
  /** `$.relationships[*].relationship-type.connects.*`: the ends of connects relationships (objects or bare ids). */
  readonly connectsEnds: readonly ValueNode[];
  /** `$.relationships[*].relationship-type..*@string()`: every string anywhere inside a relationship type. */
  readonly relationshipTypeStrings: ReadonlySet<string>;
  /** `$.flows[*].transitions` values. */
  readonly transitionLists: readonly ValueNode[];
  /** The first node element whose unique-id `==` the given text (the reference's JSONPath filter). */
  firstNodeMatching(idText: string): ValueNode | undefined;
  /** Identities of a node element's `interfaces[*].unique-id` (computed once per node). */
  interfaceIdsOf(node: ValueNode): ReadonlySet<unknown>;
}

function identities(values: readonly ValueNode[]): Set<unknown> {
  return new Set(values.map(identityOf));
}

function buildView(doc: CalmDocument): ArchitectureView {
  const root = rootOf(doc);
  const nodes = starChildren(member(root, 'nodes'));
  const relationships = starChildren(member(root, 'relationships'));

  const nodeIdValues: ValueNode[] = [];
  const interfaceIdValues: ValueNode[] = [];
  const byStringId = new Map<string, number>();
  const byNumberId = new Map<number, number>();
  nodes.forEach((element, position) => {
    const id = member(element, 'unique-id');
    if (id) {
      nodeIdValues.push(id);
      const value = id.value;
      if (typeof value === 'string' && !byStringId.has(value)) byStringId.set(value, position);
      if (typeof value === 'number' && !byNumberId.has(value)) byNumberId.set(value, position);
    }
    interfaceIdValues.push(...starMember(member(element, 'interfaces'), 'unique-id'));
  });

  const relationshipIdValues = starMember(member(root, 'relationships'), 'unique-id');
  const relationshipTypes = relationships.map((r) => member(r, 'relationship-type')).filter((t): t is ValueNode => t !== undefined);
  const relationshipTypeStrings = new Set<string>();
  const addString = (value: unknown): void => {
    if (typeof value === 'string') relationshipTypeStrings.add(value);
  };
  for (const type of relationshipTypes) forEachDescendantValue(type.value, addString);
  const typeBodies: ValueNode[] = [];
  const connectsEnds: ValueNode[] = [];
  for (const type of relationshipTypes) {
    for (const body of starChildren(type)) typeBodies.push(body);
    for (const end of starChildren(member(type, 'connects'))) connectsEnds.push(end);
  }
  const transitionLists = starMember(member(root, 'flows'), 'transitions');
  // Keyed by the node's plain value: every rule asking about one node element gets the same answer.
  const interfaceIdsByNode = new Map<unknown, Set<unknown>>();

  return {
    nodes,
    nodeIdValues,
    relationshipIdValues,
    interfaceIdValues,
    nodeIds: identities(nodeIdValues),
    relationshipIds: identities(relationshipIdValues),
    interfaceIds: identities(interfaceIdValues),
    relationshipTypes,
    typeBodies,
    connectsEnds,
    relationshipTypeStrings,
    transitionLists,
    firstNodeMatching(idText: string): ValueNode | undefined {
      // `@['unique-id'] == 'text'`: a string id must be equal; a number id equals Number(text).
      const asString = byStringId.get(idText);
      const asNumber = byNumberId.size > 0 ? byNumberId.get(Number(idText)) : undefined;
      const first = asString === undefined ? asNumber : asNumber === undefined ? asString : Math.min(asString, asNumber);
      return first === undefined ? undefined : nodes[first];
    },
    interfaceIdsOf(node: ValueNode): ReadonlySet<unknown> {
      let ids = interfaceIdsByNode.get(node.value);
      if (!ids) {
        // Plain values: this runs once per node named by a connects end, tens of thousands of times in large documents.
        ids = new Set();
        for (const item of starValues(ownMember(node.value, 'interfaces'))) {
          const id = ownMember(item, 'unique-id');
          if (id !== undefined) ids.add(id);
        }
        interfaceIdsByNode.set(node.value, ids);
      }
      return ids;
    },
  };
}

const cache = new WeakMap<CalmDocument, ArchitectureView>();

export function architectureView(doc: CalmDocument): ArchitectureView {
  let view = cache.get(doc);
  if (!view) {
    view = buildView(doc);
    cache.set(doc, view);
  }
  return view;
}
