/**
 * The tables the architecture rules look things up in, read from the JSON tree with the reference's
 * JSONPath semantics (`[*]` runs over array elements and object values alike; any value type counts),
 * built once per document version so that each reference is checked in constant time.
 */
import type { Node as JsonNode } from 'jsonc-parser';
import type { CalmDocument } from '../../model';
import { identityOf } from './json-values';
import { forEachDescendant, member, starChildren, starMember } from './tree';

export interface ArchitectureView {
  /** `$.nodes[*]`: the node elements. */
  readonly nodes: readonly JsonNode[];
  /** `$.nodes[*].unique-id` values. */
  readonly nodeIdValues: readonly JsonNode[];
  /** `$.relationships[*].unique-id` values. */
  readonly relationshipIdValues: readonly JsonNode[];
  /** `$.nodes[*].interfaces[*].unique-id` values. */
  readonly interfaceIdValues: readonly JsonNode[];
  /** Identities (see `identityOf`) of the values above, for `includes`-style membership. */
  readonly nodeIds: ReadonlySet<unknown>;
  readonly relationshipIds: ReadonlySet<unknown>;
  readonly interfaceIds: ReadonlySet<unknown>;
  /** `$.relationships[*].relationship-type` values. */
  readonly relationshipTypes: readonly JsonNode[];
  /** `$.relationships[*].relationship-type.*`: the body of each kind. */
  readonly typeBodies: readonly JsonNode[];
  /** `$.relationships[*].relationship-type.connects.*`: the ends of connects relationships (objects or bare ids). */
  readonly connectsEnds: readonly JsonNode[];
  /** `$.relationships[*].relationship-type..*@string()`: every string anywhere inside a relationship type. */
  readonly relationshipTypeStrings: ReadonlySet<string>;
  /** `$.flows[*].transitions` values. */
  readonly transitionLists: readonly JsonNode[];
  /** The first node element whose unique-id `==` the given text (the reference's JSONPath filter). */
  firstNodeMatching(idText: string): JsonNode | undefined;
  /** Identities of a node element's `interfaces[*].unique-id` (computed once per node). */
  interfaceIdsOf(node: JsonNode): ReadonlySet<unknown>;
}

function identities(values: readonly JsonNode[]): Set<unknown> {
  return new Set(values.map(identityOf));
}

function buildView(doc: CalmDocument): ArchitectureView {
  const root = doc.root;
  const nodes = starChildren(member(root, 'nodes'));
  const relationships = starChildren(member(root, 'relationships'));

  const nodeIdValues: JsonNode[] = [];
  const interfaceIdValues: JsonNode[] = [];
  const byStringId = new Map<string, number>();
  const byNumberId = new Map<number, number>();
  nodes.forEach((element, position) => {
    const id = member(element, 'unique-id');
    if (id) {
      nodeIdValues.push(id);
      if (id.type === 'string' && !byStringId.has(id.value)) byStringId.set(id.value, position);
      if (id.type === 'number' && !byNumberId.has(id.value)) byNumberId.set(id.value, position);
    }
    interfaceIdValues.push(...starMember(member(element, 'interfaces'), 'unique-id'));
  });

  const relationshipIdValues = starMember(member(root, 'relationships'), 'unique-id');
  const relationshipTypes = relationships.map((r) => member(r, 'relationship-type')).filter((t): t is JsonNode => t !== undefined);
  const relationshipTypeStrings = new Set<string>();
  const addString = (value: JsonNode): void => {
    if (value.type === 'string') relationshipTypeStrings.add(value.value as string);
  };
  for (const type of relationshipTypes) forEachDescendant(type, addString);
  const typeBodies: JsonNode[] = [];
  const connectsEnds: JsonNode[] = [];
  for (const type of relationshipTypes) {
    for (const body of starChildren(type)) typeBodies.push(body);
    for (const end of starChildren(member(type, 'connects'))) connectsEnds.push(end);
  }
  const transitionLists = starMember(member(root, 'flows'), 'transitions');
  const interfaceIdsByNode = new Map<JsonNode, Set<unknown>>();

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
    firstNodeMatching(idText: string): JsonNode | undefined {
      // `@['unique-id'] == 'text'`: a string id must be equal; a number id equals Number(text).
      const asString = byStringId.get(idText);
      const asNumber = byNumberId.size > 0 ? byNumberId.get(Number(idText)) : undefined;
      const first = asString === undefined ? asNumber : asNumber === undefined ? asString : Math.min(asString, asNumber);
      return first === undefined ? undefined : nodes[first];
    },
    interfaceIdsOf(node: JsonNode): ReadonlySet<unknown> {
      let ids = interfaceIdsByNode.get(node);
      if (!ids) {
        ids = identities(starMember(member(node, 'interfaces'), 'unique-id'));
        interfaceIdsByNode.set(node, ids);
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
