/**
 * A value of the parsed document together with the way to it (its parent and its key or index).
 * The rules read the plain value `JSON.parse` gives, which is fast to build and small, through these
 * nodes; a node is made only for a value a rule looks at, never for the whole document. Where a value
 * stands in the text is found afterwards, and only for the values that findings name (see locate-text.ts).
 */
export type JsonType = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

export type Segment = string | number;

/** The JSON type of a value `JSON.parse` returned. */
export function jsonTypeOf(value: unknown): JsonType {
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'object':
      return value === null ? 'null' : Array.isArray(value) ? 'array' : 'object';
    default:
      // JSON has nothing else; a value that is not JSON reads as null rather than throwing.
      return 'null';
  }
}

/** A JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const hasOwn = Object.prototype.hasOwnProperty;

/** `object[key]` when it is the object's own member (so `toString` or `__proto__` are never inherited ones). */
export function ownMember(value: unknown, key: string): unknown {
  if (!isJsonObject(value) || !hasOwn.call(value, key)) return undefined;
  return value[key];
}

export class ValueNode {
  constructor(
    readonly value: unknown,
    readonly parent: ValueNode | undefined = undefined,
    /** The key in the parent object, or the index in the parent array; undefined for the root. */
    readonly key: Segment | undefined = undefined,
  ) {}

  get type(): JsonType {
    return jsonTypeOf(this.value);
  }

  /** The plain path from the root: keys and indexes. */
  segments(): Segment[] {
    const out: Segment[] = [];
    for (let node: ValueNode | undefined = this; node && node.parent; node = node.parent) out.push(node.key!);
    return out.reverse();
  }
}
