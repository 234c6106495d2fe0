/**
 * The tables the architecture rules look things up in, read with the reference's JSONPath semantics
 * (`[*]` runs over array elements and object values alike; any value type counts), built once per
 * document version so that each reference is checked in constant time.
 *
 * Ids are gathered as plain values: rules check those, and nodes (for findings) are made only when a
 * rule has something to report about them. The relationship parts stay nodes, since findings name them.
 */
import type { CalmDocument } from '../../model';
import { ownMember, ValueNode } from '../../value-node';
import { member, rootOf, starChildren, starMember, starValues } from './tree';

export interface ArchitectureView {
  /** `$.nodes[*]`: the node elements, plain. */
  readonly nodes: readonly unknown[];
  /** `$.nodes[*].unique-id`, `$.relationships[*].unique-id`, `$.nodes[*].interfaces[*].unique-id`: plain, in document order. */
  readonly nodeIdList: readonly unknown[];
  readonly relationshipIdList: readonly unknown[];
  readonly interfaceIdList: readonly unknown[];
  /** The same ids as nodes, made on first use (for findings about them). */
  readonly nodeIdValues: readonly ValueNode[];
  readonly relationshipIdValues: readonly ValueNode[];
  readonly interfaceIdValues: readonly ValueNode[];
  /** The ids above, for `includes`-style membership (scalars by value, objects and arrays by identity). */
  readonly nodeIds: ReadonlySet<unknown>;
  readonly relationshipIds: ReadonlySet<unknown>;
  readonly interfaceIds: ReadonlySet<unknown>;
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
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'string') into.add(item);
      else if (typeof item === 'object' && item !== null) addStringsBelow(item, into);
    }
  } else if (typeof value === 'object' && value !== null) {
    const object = value as Record<string, unknown>;
    for (const key in object) {
      const item = object[key];
      if (typeof item === 'string') into.add(item);
      else if (typeof item === 'object' && item !== null) addStringsBelow(item, into);
    }
  }
}

/** A value computed on first use. */
function once<T>(compute: () => T): () => T {
  let value: T | undefined;
  let done = false;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value as T;
  };
}

function buildView(doc: CalmDocument): ArchitectureView {
  const root = rootOf(doc);
  const nodes = starValues(ownMember(doc.value, 'nodes'));
  const relationshipsValue = ownMember(doc.value, 'relationships');

  const nodeIdList: unknown[] = [];
  const interfaceIdList: unknown[] = [];
  const byStringId = new Map<string, number>();
  const byNumberId = new Map<number, number>();
  for (let position = 0; position < nodes.length; position++) {
    const element = nodes[position];
    const id = ownMember(element, 'unique-id');
    if (id !== undefined) {
      nodeIdList.push(id);
      if (typeof id === 'string' && !byStringId.has(id)) byStringId.set(id, position);
      if (typeof id === 'number' && !byNumberId.has(id)) byNumberId.set(id, position);
    }
    for (const item of starValues(ownMember(element, 'interfaces'))) {
      const interfaceId = ownMember(item, 'unique-id');
      if (interfaceId !== undefined) interfaceIdList.push(interfaceId);
    }
  }
  const relationshipIdList: unknown[] = [];
  for (const relationship of starValues(relationshipsValue)) {
    const id = ownMember(relationship, 'unique-id');
    if (id !== undefined) relationshipIdList.push(id);
  }

  const relationshipTypes = starChildren(member(root, 'relationships'))
    .map((r) => member(r, 'relationship-type'))
    .filter((t): t is ValueNode => t !== undefined);
  const typeBodies: ValueNode[] = [];
  const connectsEnds: ValueNode[] = [];
  for (const type of relationshipTypes) {
    for (const body of starChildren(type)) {
      typeBodies.push(body);
      if (body.key === 'connects') for (const end of starChildren(body)) connectsEnds.push(end);
    }
  }
  const nodesNode = once(() => member(root, 'nodes'));
  const nodeIdValues = once(() => starMember(nodesNode(), 'unique-id'));
  const interfaceIdValues = once(() => starChildren(nodesNode()).flatMap((node) => starMember(member(node, 'interfaces'), 'unique-id')));
  const relationshipIdValues = once(() => starMember(member(root, 'relationships'), 'unique-id'));
  const relationshipTypeStrings = once(() => {
    const strings = new Set<string>();
    for (const type of relationshipTypes) addStringsBelow(type.value, strings);
    return strings;
  });
  const transitionLists = starMember(member(root, 'flows'), 'transitions');
  const interfaceIdsByPosition: (unknown[] | undefined)[] = new Array(nodes.length);

  return {
    nodes,
    nodeIdList,
    relationshipIdList,
    interfaceIdList,
    get nodeIdValues() {
      return nodeIdValues();
    },
    get relationshipIdValues() {
      return relationshipIdValues();
    },
    get interfaceIdValues() {
      return interfaceIdValues();
    },
    nodeIds: new Set(nodeIdList),
    relationshipIds: new Set(relationshipIdList),
    interfaceIds: new Set(interfaceIdList),
    typeBodies,
    connectsEnds,
    // Read by one rule only: gathered when it first asks.
    get relationshipTypeStrings() {
      return relationshipTypeStrings();
    },
    transitionLists,
    firstNodeMatching(idText: string): number | undefined {
      // `@['unique-id'] == 'text'`: a string id must be equal; a number id equals Number(text).
      const asString = byStringId.get(idText);
      const asNumber = byNumberId.size > 0 ? byNumberId.get(Number(idText)) : undefined;
      return asString === undefined ? asNumber : asNumber === undefined ? asString : Math.min(asString, asNumber);
    },
    interfaceIdsOf(position: number): readonly unknown[] {
      let ids = interfaceIdsByPosition[position];
      if (!ids) {
        // Plain values, and a short list rather than a set: this runs once per node a connects end names,
        // tens of thousands of times in large documents, and a node has a handful of interfaces.
        ids = [];
        for (const item of starValues(ownMember(nodes[position], 'interfaces'))) {
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
