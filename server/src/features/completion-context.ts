/**
 * Where the cursor stands for completion, read from the engine's tolerant JSON tree (no re-scan of the
 * text, so it stays fast on large documents): in a property name, in a value, or in the blank space of
 * an object or array, with the JSON path there and the text range a completion should replace.
 */
import { getNodePath, type JSONPath, type Node as JsonNode } from 'jsonc-parser';
import type { OffsetRange } from '../calm/findings';
import type { CalmDocument } from '../calm/model';

/** Commas a completion inserted into blank space needs to stay valid JSON. */
export interface Separators {
  readonly before: boolean;
  readonly after: boolean;
  /** Right after a `:`: the value gets a space before it, as the formatter would write it. */
  readonly space?: boolean;
}

export type CompletionContext =
  /** The text holds no JSON value at all. */
  | { readonly kind: 'empty'; readonly range: OffsetRange }
  /** A property name: inside a key string, or in the blank space of an object. */
  | {
      readonly kind: 'property';
      readonly object: JsonNode;
      readonly path: JSONPath;
      /** The key string to replace, or an empty range at the cursor. */
      readonly range: OffsetRange;
      /** Keys the object already has (without the one being edited). */
      readonly existingKeys: ReadonlySet<string>;
      /** Whether a `:` already follows the key being edited (then only the name is inserted). */
      readonly hasColon: boolean;
      readonly separators: Separators;
    }
  /** A value: an existing scalar, the missing value after a `:`, or a new item in the blank space of an array. */
  | {
      readonly kind: 'value';
      readonly path: JSONPath;
      readonly range: OffsetRange;
      /** The value being replaced, if there is one. */
      readonly node?: JsonNode;
      /** The array the value is (or will be) an item of. */
      readonly array?: JsonNode;
      readonly separators: Separators;
    };

const NO_SEPARATORS: Separators = { before: false, after: false };

function isUnterminatedString(doc: CalmDocument, node: JsonNode): boolean {
  return node.type === 'string' && (node.length < 2 || doc.text.charCodeAt(node.offset + node.length - 1) !== 34);
}

/** The innermost node containing the offset; an unterminated string also contains its end. */
function innermost(doc: CalmDocument, node: JsonNode, offset: number): JsonNode {
  let current = node;
  for (;;) {
    const next = current.children?.find((c) => (offset >= c.offset && offset < c.offset + c.length) || (offset === c.offset + c.length && isUnterminatedString(doc, c)));
    if (!next) return current;
    current = next;
  }
}

function previousSignificant(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i--;
  return i;
}

function nextSignificant(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  return i;
}

/** Commas needed around text inserted at `offset` in the blank space of a container. */
function separatorsAt(text: string, offset: number, open: string): Separators {
  const prev = text[previousSignificant(text, offset)];
  const next = text[nextSignificant(text, offset)];
  return {
    before: prev !== undefined && prev !== open && prev !== ',',
    after: next !== undefined && next !== '}' && next !== ']' && next !== ',',
  };
}

function keysOf(object: JsonNode, except?: JsonNode): Set<string> {
  const keys = new Set<string>();
  for (const prop of object.children ?? []) {
    const key = prop.children?.[0];
    if (key && key !== except && typeof key.value === 'string') keys.add(key.value);
  }
  return keys;
}

function propertyValueContext(doc: CalmDocument, property: JsonNode, offset: number): CompletionContext | undefined {
  const key = property.children?.[0];
  const object = property.parent;
  if (!key || !object || typeof key.value !== 'string') return undefined;
  const value = property.children?.[1];
  return {
    kind: 'value',
    path: [...getNodePath(object), key.value],
    range: { start: offset, end: offset },
    node: value,
    // A missing value followed by the next property (no comma yet) needs one after the inserted value.
    separators: { before: false, after: !value && doc.text[nextSignificant(doc.text, offset)] === '"', space: doc.text[offset - 1] === ':' },
  };
}

export function completionContext(doc: CalmDocument, offset: number): CompletionContext | undefined {
  const root = doc.root;
  if (!root) return { kind: 'empty', range: { start: 0, end: doc.text.length } };
  if (offset < root.offset || offset > root.offset + root.length) return undefined;
  const node = innermost(doc, root, offset);
  const closed = (n: JsonNode, close: string) => doc.text[n.offset + n.length - 1] === close;
  if ((node.type === 'object' && closed(node, '}')) || (node.type === 'array' && closed(node, ']'))) {
    if (offset >= node.offset + node.length) return undefined;
  }
  const parent = node.parent;
  const nodeRange = { start: node.offset, end: node.offset + node.length };

  if (node.type === 'string' && parent?.type === 'property' && parent.children?.[0] === node) {
    const object = parent.parent;
    if (!object) return undefined;
    return {
      kind: 'property',
      object,
      path: getNodePath(object),
      range: nodeRange,
      existingKeys: keysOf(object, node),
      hasColon: parent.colonOffset !== undefined,
      separators: NO_SEPARATORS,
    };
  }
  if (node.type === 'string' || node.type === 'number' || node.type === 'boolean' || node.type === 'null') {
    // Right after a closing quote or a finished scalar, the value is complete: nothing to propose.
    if (offset === node.offset + node.length && !isUnterminatedString(doc, node)) return undefined;
    return { kind: 'value', path: getNodePath(node), range: nodeRange, node, array: parent?.type === 'array' ? parent : undefined, separators: NO_SEPARATORS };
  }
  if (node.type === 'property') {
    if (node.colonOffset !== undefined && offset > node.colonOffset) return propertyValueContext(doc, node, offset);
    return undefined;
  }
  if (node.type === 'object') {
    if (offset <= node.offset) return undefined;
    const prev = previousSignificant(doc.text, offset);
    if (doc.text[prev] === ':') {
      const property = node.children?.find((p) => p.colonOffset === prev);
      return property ? propertyValueContext(doc, property, offset) : undefined;
    }
    return {
      kind: 'property',
      object: node,
      path: getNodePath(node),
      range: { start: offset, end: offset },
      existingKeys: keysOf(node),
      hasColon: false,
      separators: separatorsAt(doc.text, offset, '{'),
    };
  }
  if (node.type === 'array') {
    if (offset <= node.offset) return undefined;
    const index = (node.children ?? []).filter((c) => c.offset + c.length <= offset).length;
    return {
      kind: 'value',
      path: [...getNodePath(node), index],
      range: { start: offset, end: offset },
      array: node,
      separators: separatorsAt(doc.text, offset, '['),
    };
  }
  return undefined;
}
