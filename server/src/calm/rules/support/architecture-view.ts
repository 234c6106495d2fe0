/**
 * The tables the architecture rules look things up in, read from the JSON tree with the reference's
 * JSONPath semantics (`[*]` runs over array elements and object values alike; any value type counts),
 * built once per document version so that each reference is checked in constant time.
 */
import type { CalmDocument } from '../../model';
import type { ValueNode } from '../../value-node';
import { identityOf } from './json-values';
import { ownMember } from '../../value-node';
import { member, rootOf, starChildren, starMember, starValues } from './tree';

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
  /** Where in `nodes` the first node element stands whose unique-id `==` the given text (the reference's JSONPath filter). */
  firstNodeMatching(idText: string): number | undefined;
  /** The `interfaces[*].unique-id` values of the node element at that position in `nodes` (read once per node). */
  interfaceIdsOf(position: number): readonly unknown[];
}

/** Every string below `value` (not `value` itself), into `into`. Recursion is safe: nesting is capped at 512. */
function addStringsBelow(value: unknown, into: Set<string>): void {
  if (typeof value !== 'object' || value === null) return;
  const items = Array.isArray(value) ? value : Object.values(value);
  for (let i = 0; i < items.length; i++) {
    const item: unknown = items[i];
    if (typeof item === 'string') into.add(item);
    else addStringsBelow(item, into);
  }
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
  const typeBodies: ValueNode[] = [];
  const connectsEnds: ValueNode[] = [];
  for (const type of relationshipTypes) {
    for (const body of starChildren(type)) typeBodies.push(body);
    for (const end of starChildren(member(type, 'connects'))) connectsEnds.push(end);
  }
  const transitionLists = starMember(member(root, 'flows'), 'transitions');
  let relationshipTypeStrings: Set<string> | undefined;
  const interfaceIdsByPosition: (unknown[] | undefined)[] = new Array(nodes.length);

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
    // Read by one rule only: gathered when it first asks.
    get relationshipTypeStrings(): ReadonlySet<string> {
      if (!relationshipTypeStrings) {
        relationshipTypeStrings = new Set();
        for (const type of relationshipTypes) addStringsBelow(type.value, relationshipTypeStrings);
      }
      return relationshipTypeStrings;
    },
    transitionLists,
    firstNodeMatching(idText: string): number | undefined {
      // `@['unique-id'] == 'text'`: a string id must be equal; a number id equals Number(text).
      const asString = byStringId.get(idText);
      const asNumber = byNumberId.size > 0 ? byNumberId.get(Number(idText)) : undefined;
      const first = asString === undefined ? asNumber : asNumber === undefined ? asString : Math.min(asString, asNumber);
      return first;
    },
    interfaceIdsOf(position: number): readonly unknown[] {
      let ids = interfaceIdsByPosition[position];
      if (!ids) {
        // Plain values, and a short list rather than a set: this runs once per node a connects end names,
        // tens of thousands of times in large documents, and a node has a handful of interfaces.
        ids = [];
        for (const item of starValues(ownMember(nodes[position].value, 'interfaces'))) {
          const id = ownMember(item, 'unique-id');
          if (id !== undefined) ids.push(id);
        }
        interfaceIdsByPosition[position] = ids;
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
