/** Helpers for the language-feature tests: the example, positions by text search, applying LSP edits, expanding snippets. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Position, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { validateText, type ValidationResult } from '../../server/src/calm/engine';
import { LineIndex } from '../../server/src/calm/lines';

export const REPO_ROOT = resolve(__dirname, '../..');
export const EXAMPLE_TEXT = readFileSync(resolve(REPO_ROOT, 'examples/ecommerce-platform.json'), 'utf8');
export const SHARED_CALM = resolve(REPO_ROOT, '../shared/calm');
export const URI = 'file:///workspace/ecommerce-platform.json';

export function validate(text: string): ValidationResult {
  return validateText(text);
}

/** The position `delta` characters after the start of the `occurrence`-th (0-based) match of `needle`. */
export function positionOf(text: string, needle: string, delta = 0, occurrence = 0): Position {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`'${needle}' occurs fewer than ${occurrence + 1} times`);
  }
  const p = new LineIndex(text).positionAt(at + delta);
  return { line: p.line, character: p.character };
}

/** Offset of the same, for range assertions. */
export function offsetOf(text: string, needle: string, occurrence = 0): number {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`'${needle}' occurs fewer than ${occurrence + 1} times`);
  }
  return at;
}

/** The LSP range of the `occurrence`-th match of `needle`. */
export function rangeOf(text: string, needle: string, occurrence = 0): { start: Position; end: Position } {
  const start = offsetOf(text, needle, occurrence);
  const lines = new LineIndex(text);
  const s = lines.positionAt(start);
  const e = lines.positionAt(start + needle.length);
  return { start: { line: s.line, character: s.character }, end: { line: e.line, character: e.character } };
}

/** Applies non-overlapping LSP text edits to a text. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const resolved = edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of resolved) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** The edits a workspace edit makes to one document (documentChanges or changes). */
export function editsFor(edit: WorkspaceEdit, uri: string): TextEdit[] {
  const out: TextEdit[] = [];
  for (const change of edit.documentChanges ?? []) {
    if ('textDocument' in change && change.textDocument.uri === uri) out.push(...change.edits.filter((e): e is TextEdit => 'range' in e && 'newText' in e));
  }
  out.push(...(edit.changes?.[uri] ?? []));
  return out;
}

/**
 * Snippet text as the editor inserts it when the user accepts every default: `${1:x}` -> x, `${1|a,b|}` -> a,
 * `$1` / `${1}` -> the text that tabstop took elsewhere (or nothing), escapes removed.
 */
export function expandSnippet(snippet: string): string {
  const values = new Map<string, string>();
  const unescape = (s: string) => s.replace(/\\([\\$}|,])/g, '$1');
  // Defaults first (a mirror may stand before the placeholder it copies).
  for (const m of snippet.matchAll(/\$\{(\d+):((?:\\.|[^\\}])*)\}/g)) values.set(m[1], unescape(m[2]));
  for (const m of snippet.matchAll(/\$\{(\d+)\|((?:\\.|[^\\|])*)\|\}/g)) values.set(m[1], unescape(m[2].split(/(?<!\\),/)[0]));
  return snippet
    .replace(/\$\{(\d+):((?:\\.|[^\\}])*)\}/g, (_, n: string) => values.get(n) ?? '')
    .replace(/\$\{(\d+)\|((?:\\.|[^\\|])*)\|\}/g, (_, n: string) => values.get(n) ?? '')
    .replace(/\$\{(\d+)\}|\$(\d+)/g, (_, a: string | undefined, b: string | undefined) => values.get(a ?? b ?? '') ?? '')
    .replace(/\\([\\$}])/g, '$1');
}
