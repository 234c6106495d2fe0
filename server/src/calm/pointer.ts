/** JSON pointers over the jsonc-parser tree, in the reference's style (unique-ids in place of indexes). */
import type { Node as JsonNode } from 'jsonc-parser';

export function escapeSegment(segment: string | number): string {
  return String(segment).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Splits `/a/0/b` into `['a', 0, 'b']` (numeric segments become numbers). */
export function parsePointer(pointer: string): (string | number)[] {
  if (pointer === '' || pointer === '/') return pointer === '/' ? [''] : [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => (/^(0|[1-9]\d*)$/.test(s) ? Number(s) : unescapeSegment(s)));
}

/** The property value node of `key` in an object node, or undefined. Last duplicate wins, as in JSON.parse. */
export function propertyNode(object: JsonNode | undefined, key: string): JsonNode | undefined {
  if (!object || object.type !== 'object') return undefined;
  const properties = object.children;
  if (!properties) return undefined;
  // From the end: the first match there is the last duplicate. An indexed loop: this is the rules' hottest lookup.
  for (let i = properties.length - 1; i >= 0; i--) {
    const pair = properties[i].children;
    if (pair !== undefined && pair[0] !== undefined && pair[0].value === key) return pair[1];
  }
  return undefined;
}

/** The string value of `key` in an object node, if it is a string. */
export function stringProperty(object: JsonNode | undefined, key: string): string | undefined {
  const v = propertyNode(object, key);
  return v && v.type === 'string' ? (v.value as string) : undefined;
}

// Position of each element in its array, filled once per array: a linear `indexOf` per lookup would make
// paths of many findings in one big array quadratic.
const elementIndexes = new WeakMap<JsonNode, Map<JsonNode, number>>();

function indexInArray(array: JsonNode, element: JsonNode): number {
  let indexes = elementIndexes.get(array);
  if (!indexes) {
    indexes = new Map();
    (array.children ?? []).forEach((child, i) => indexes!.set(child, i));
    elementIndexes.set(array, indexes);
  }
  return indexes.get(element) ?? -1;
}

/** The segment naming `node` inside its parent: the key, the element's unique-id, or its index. */
function segmentOf(node: JsonNode): string | undefined {
  const parent = node.parent;
  if (!parent) return undefined;
  if (parent.type === 'property') return escapeSegment(String(parent.children?.[0]?.value));
  if (parent.type === 'array') {
    const index = indexInArray(parent, node);
    const id = node.type === 'object' ? stringProperty(node, 'unique-id') : undefined;
    return escapeSegment(id ?? index);
  }
  return undefined;
}

/** The reference-style pointer of a value node: array indexes of elements with a unique-id replaced by it. */
export function idPathOf(node: JsonNode): string {
  const parts: string[] = [];
  let current: JsonNode | undefined = node;
  while (current && current.parent) {
    if (current.parent.type === 'property') {
      parts.push(segmentOf(current)!);
      current = current.parent.parent;
    } else {
      const seg = segmentOf(current);
      if (seg !== undefined) parts.push(seg);
      current = current.parent;
    }
  }
  return parts.length === 0 ? '' : '/' + parts.reverse().join('/');
}
