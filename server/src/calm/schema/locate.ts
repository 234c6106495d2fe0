/** Where a schema error stands in the text: the reference-style path, and what to underline. */
import type { Node as JsonNode } from 'jsonc-parser';
import type { OffsetRange } from '../findings';
import type { CalmDocument } from '../model';
import { escapeSegment, idPathOf, keyNodeOf, nodeAtPointer, parsePointer } from '../pointer';

export interface Location {
  /** The reference's path: a JSON pointer with unique-ids for array indexes; `/` for the root. */
  readonly path: string;
  readonly range: OffsetRange;
  /** The value node the error is about (or its nearest existing ancestor). */
  readonly node: JsonNode;
}

/** The value node at an Ajv instance path, or its nearest ancestor that exists (and the segments left over). */
function nearestNode(root: JsonNode, instancePath: string): { node: JsonNode; rest: (string | number)[] } {
  const exact = nodeAtPointer(root, instancePath);
  if (exact) return { node: exact, rest: [] };
  const segments = parsePointer(instancePath);
  for (let n = segments.length - 1; n >= 0; n--) {
    const prefix = segments.slice(0, n).map((s) => '/' + escapeSegment(s)).join('');
    const node = nodeAtPointer(root, prefix);
    if (node) return { node, rest: segments.slice(n) };
  }
  return { node: root, rest: segments };
}

function sameLine(doc: CalmDocument, a: number, b: number): boolean {
  return doc.lines.positionAt(a).line === doc.lines.positionAt(b).line;
}

/**
 * What to underline for an error about `node`. It starts on the line where the value starts (the
 * line the reference reports). A scalar or a one-line value is underlined whole. A multi-line object
 * or array is not: its key is underlined when it stands on that line, else its opening bracket.
 */
export function underline(doc: CalmDocument, node: JsonNode): OffsetRange {
  const start = node.offset;
  const end = node.offset + node.length;
  const container = node.type === 'object' || node.type === 'array';
  if (!container || sameLine(doc, start, end)) return { start, end };
  const key = keyNodeOf(node);
  if (key && sameLine(doc, key.offset, start)) return { start: key.offset, end: key.offset + key.length };
  return { start, end: start + 1 };
}

export function locate(doc: CalmDocument, instancePath: string): Location | undefined {
  if (!doc.root) return undefined;
  const { node, rest } = nearestNode(doc.root, instancePath);
  const base = idPathOf(node);
  const path = base + rest.map((s) => '/' + escapeSegment(s)).join('');
  return { path: path === '' ? '/' : path, range: underline(doc, node), node };
}

/** The range of the key of property `name` in an object node, if the object has it. */
export function keyRange(objectNode: JsonNode, name: string): OffsetRange | undefined {
  for (const prop of objectNode.type === 'object' ? objectNode.children ?? [] : []) {
    const key = prop.children?.[0];
    if (key && key.value === name) return { start: key.offset, end: key.offset + key.length };
  }
  return undefined;
}
