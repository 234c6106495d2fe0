/**
 * Text edits that add to a JSON document in its own layout: a new array item or object member, indented
 * like its siblings, with the commas JSON needs. Built on the engine's tree (no re-parse of large texts).
 */
import type { Node as JsonNode } from 'jsonc-parser';
import type { TextEdit } from 'vscode-languageserver-types';
import type { CalmDocument } from '../../calm/model';
import { toRange } from '../lsp-ranges';

function lineStart(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

/** The leading whitespace of the line holding `offset`. */
function indentOfLine(text: string, offset: number): string {
  const start = lineStart(text, offset);
  return /^[ \t]*/.exec(text.slice(start, offset))?.[0] ?? '';
}

/** Whether `node` is the first thing on its line (so its line's indent is its own). */
function startsLine(text: string, node: JsonNode): boolean {
  return text.slice(lineStart(text, node.offset), node.offset).trim() === '';
}

function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** One level of indentation as the document writes it (from its first indented member), else two spaces. */
export function indentUnit(doc: CalmDocument): string {
  const first = doc.root?.children?.[0];
  if (first && startsLine(doc.text, first)) {
    const indent = indentOfLine(doc.text, first.offset);
    if (indent.length > 0) return indent;
  }
  return '  ';
}

/** `value` as JSON laid out with `unit`, every line after the first indented by `base`. */
function layout(value: unknown, unit: string, base: string, eol: string): string {
  return JSON.stringify(value, null, unit)
    .split('\n')
    .map((line, i) => (i === 0 ? line : base + line))
    .join(eol);
}

/** The indent for members of `container`: that of an existing member, else one unit deeper than its line. */
function memberIndent(doc: CalmDocument, container: JsonNode, unit: string): string {
  const first = container.children?.[0];
  if (first && startsLine(doc.text, first)) return indentOfLine(doc.text, first.offset);
  return indentOfLine(doc.text, container.offset) + unit;
}

function insertMember(doc: CalmDocument, container: JsonNode, memberText: (indent: string, unit: string, eol: string) => string): TextEdit {
  const unit = indentUnit(doc);
  const eol = eolOf(doc.text);
  const indent = memberIndent(doc, container, unit);
  const children = container.children ?? [];
  const last = children[children.length - 1];
  if (last) {
    const at = last.offset + last.length;
    return { range: toRange(doc, { start: at, end: at }), newText: `,${eol}${indent}${memberText(indent, unit, eol)}` };
  }
  // An empty container: lay out its inside afresh, closing bracket on its own line.
  const closing = indentOfLine(doc.text, container.offset);
  const inside = { start: container.offset + 1, end: container.offset + container.length - 1 };
  return { range: toRange(doc, inside), newText: `${eol}${indent}${memberText(indent, unit, eol)}${eol}${closing}` };
}

/** Appends `value` as the last item of `array`. */
export function appendItem(doc: CalmDocument, array: JsonNode, value: unknown): TextEdit {
  return insertMember(doc, array, (indent, unit, eol) => layout(value, unit, indent, eol));
}

/** Adds `"key": value` as the last member of `object` (the caller knows the key is absent). */
export function addMember(doc: CalmDocument, object: JsonNode, key: string, value: unknown): TextEdit {
  return insertMember(doc, object, (indent, unit, eol) => `${JSON.stringify(key)}: ${layout(value, unit, indent, eol)}`);
}
