/** Walking the document's values the way the reference's JSONPath queries do. */
import { escapeSegment } from '../../pointer';
import { isJsonObject, ownMember, ValueNode } from '../../value-node';

/** `[*]` / `.*`: the elements of an array or the property values of an object; nothing for a primitive. */
export function starChildren(node: ValueNode | undefined): ValueNode[] {
  if (!node) return [];
  const value = node.value;
  if (Array.isArray(value)) {
    const out = new Array<ValueNode>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = new ValueNode(value[i], node, i);
    return out;
  }
  if (isJsonObject(value)) {
    const out: ValueNode[] = [];
    for (const key of Object.keys(value)) out.push(new ValueNode(value[key], node, key));
    return out;
  }
  return [];
}

/** `[*]` on a plain value: an array's elements, an object's property values, nothing for a scalar. */
export function starValues(value: unknown): readonly unknown[] {
  if (Array.isArray(value)) return value;
  return isJsonObject(value) ? Object.values(value) : [];
}

/** `.key` on an object (its own member; the last duplicate, as JSON.parse keeps); nothing on anything else. */
export function member(node: ValueNode | undefined, key: string): ValueNode | undefined {
  if (!node) return undefined;
  const value = ownMember(node.value, key);
  return value === undefined ? undefined : new ValueNode(value, node, key);
}

/** `[*]` followed by `.key`: the `key` values of every child that has one. */
export function starMember(node: ValueNode | undefined, key: string): ValueNode[] {
  const out: ValueNode[] = [];
  for (const child of starChildren(node)) {
    const value = member(child, key);
    if (value) out.push(value);
  }
  return out;
}

/** Every value below `node` (not `node` itself), parents before children: the reference's `$..*`. */
export function descendantsOf(node: ValueNode): ValueNode[] {
  const out: ValueNode[] = [];
  const visit = (parent: ValueNode): void => {
    for (const child of starChildren(parent)) {
      out.push(child);
      visit(child);
    }
  };
  // Recursion is safe: documents nested deeper than MAX_NESTING_DEPTH (512) never reach the rules.
  visit(node);
  return out;
}

/**
 * A Spectral rule's `field` on a target: the member of an object (nothing on an array), or, on a
 * scalar, the scalar itself (Spectral lints the value in place when it cannot descend).
 */
export function fieldOf(node: ValueNode, key: string): ValueNode | undefined {
  const type = node.type;
  if (type === 'object') return member(node, key);
  if (type === 'array') return undefined;
  return node;
}

/** `fieldOf` on a plain value: makes no node, for checks that usually find nothing to report. */
export function fieldValueOf(value: unknown, key: string): unknown {
  if (Array.isArray(value)) return undefined;
  return isJsonObject(value) ? ownMember(value, key) : value;
}

/** The plain JSON pointer of a value (indexes and keys, no unique-id substitution), as JSONPath reports it. */
export function plainPointerOf(node: ValueNode): string {
  return '/' + node.segments().map(escapeSegment).join('/');
}

/** The number of elements of an array value (0 for anything else). */
export function lengthOf(node: ValueNode | undefined): number {
  return node !== undefined && Array.isArray(node.value) ? node.value.length : 0;
}

/** The document's root value as a node (the start of every walk). */
export function rootOf(doc: { readonly value: unknown }): ValueNode {
  return new ValueNode(doc.value);
}
