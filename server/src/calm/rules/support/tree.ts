/** Walking the positioned JSON tree the way the reference's JSONPath queries do. */
import type { Node as JsonNode } from 'jsonc-parser';
import { propertyNode } from '../../pointer';

/** `[*]` / `.*`: the elements of an array or the property values of an object; nothing for a primitive. */
export function starChildren(node: JsonNode | undefined): readonly JsonNode[] {
  if (!node) return [];
  // The tree's own array: no copy for the common case (callers only read it).
  if (node.type === 'array') return node.children ?? [];
  if (node.type === 'object') {
    const out: JsonNode[] = [];
    for (const prop of node.children ?? []) {
      const value = prop.children?.[1];
      if (value) out.push(value);
    }
    return out;
  }
  return [];
}

/** `.key` on an object (the last duplicate wins, as in JSON.parse); nothing on anything else. */
export function member(node: JsonNode | undefined, key: string): JsonNode | undefined {
  return propertyNode(node, key);
}

/** `[*]` followed by `.key`: the `key` values of every child that has one. */
export function starMember(node: JsonNode | undefined, key: string): JsonNode[] {
  const out: JsonNode[] = [];
  for (const child of starChildren(node)) {
    const value = member(child, key);
    if (value) out.push(value);
  }
  return out;
}

/** Every value below `root` (not `root` itself) in document order: the reference's `$..*`. */
export function descendantsOf(root: JsonNode): JsonNode[] {
  const out: JsonNode[] = [];
  visitBelow(root, (node) => {
    out.push(node);
  });
  return out;
}

/** Calls `visit` on every value below `root`, without building a list (for hot, repeated walks). */
export function forEachDescendant(root: JsonNode, visit: (node: JsonNode) => void): void {
  visitBelow(root, visit);
}

/**
 * Pre-order, so document order. Recursive, which is faster than an explicit stack and safe: the rules
 * only see trees that parsed without error, and parsing refuses nesting deeper than MAX_NESTING_DEPTH (512).
 */
function visitBelow(node: JsonNode, visit: (node: JsonNode) => void): void {
  const children = node.children;
  if (children === undefined) return;
  if (node.type === 'array') {
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      visit(child);
      visitBelow(child, visit);
    }
  } else if (node.type === 'object') {
    for (let i = 0; i < children.length; i++) {
      const pair = children[i].children;
      const child = pair === undefined ? undefined : pair[1];
      if (child) {
        visit(child);
        visitBelow(child, visit);
      }
    }
  }
}

/** The key node of the property whose value is `node`, if any. */
export function keyOf(node: JsonNode): JsonNode | undefined {
  const parent = node.parent;
  return parent?.type === 'property' && parent.children?.[1] === node ? parent.children[0] : undefined;
}

/**
 * A Spectral rule's `field` on a target: the member of an object (nothing on an array), or, on a
 * scalar, the scalar itself (Spectral lints the value in place when it cannot descend).
 */
export function fieldOf(node: JsonNode, key: string): JsonNode | undefined {
  if (node.type === 'object') return member(node, key);
  if (node.type === 'array') return undefined;
  return node;
}

/** The plain JSON pointer of a node (indexes and keys, no unique-id substitution), as JSONPath reports it. */
export function plainPointerOf(node: JsonNode): string {
  const segments: string[] = [];
  let current: JsonNode = node;
  while (current.parent) {
    const parent: JsonNode = current.parent;
    if (parent.type === 'property' && parent.parent) {
      segments.push(escapePointerSegment(String(parent.children?.[0]?.value)));
      current = parent.parent;
    } else {
      if (parent.type === 'array') segments.push(String(parent.children?.indexOf(current) ?? -1));
      current = parent;
    }
  }
  return '/' + segments.reverse().join('/');
}

export function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
