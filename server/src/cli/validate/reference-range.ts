/**
 * Where the reference places a finding: the whole JSON value its `path` names (an object from its
 * `{` to its `}`), whereas our findings underline a narrower part for editors (a key, an opening brace).
 */
import { findNodeAtOffset, type Node as JsonNode } from 'jsonc-parser';
import type { Finding, OffsetRange } from '../../calm/findings';
import type { CalmDocument } from '../../calm/model';
import { idPathOf, parsePointer, propertyNode, stringProperty } from '../../calm/pointer';

function rangeOf(node: JsonNode): OffsetRange {
  return { start: node.offset, end: node.offset + node.length };
}

/** The value a key names, when `node` is a property's key. */
function valueOfKey(node: JsonNode): JsonNode | undefined {
  const property = node.parent;
  return property?.type === 'property' && property.children?.[0] === node ? property.children[1] : undefined;
}

/** Walks an id-path (unique-ids in place of array indexes) from the root. */
function nodeAtIdPath(root: JsonNode, path: string): JsonNode | undefined {
  let current: JsonNode | undefined = root;
  for (const segment of parsePointer(path)) {
    if (!current) return undefined;
    if (current.type === 'object') current = propertyNode(current, String(segment));
    else if (current.type === 'array') {
      const children: JsonNode[] = current.children ?? [];
      current = children.find((c) => c.type === 'object' && stringProperty(c, 'unique-id') === String(segment)) ?? (typeof segment === 'number' ? children[segment] : undefined);
    } else return undefined;
  }
  return current;
}

/** The range of the value at the finding's path; the finding's own range when that value cannot be found. */
export function referenceRange(doc: CalmDocument, f: Finding): OffsetRange {
  const root = doc.root;
  if (!root) return f.range;
  const path = f.path === '/' ? '' : f.path;
  // Prefer the value around our own range: with duplicate unique-ids, the path alone is ambiguous.
  const at = findNodeAtOffset(root, f.range.start);
  const candidates: JsonNode[] = [];
  for (let n: JsonNode | undefined = at; n; n = n.parent) {
    const value = valueOfKey(n);
    if (value) candidates.push(value);
    if (n.type !== 'property') candidates.push(n);
  }
  const found = candidates.find((c) => idPathOf(c) === path) ?? nodeAtIdPath(root, path);
  return found ? rangeOf(found) : f.range;
}
