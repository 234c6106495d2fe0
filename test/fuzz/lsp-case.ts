/**
 * One fuzz case for the running language server, drawn from the seeded RNG: the mutated text, how it
 * reaches the server (opened as is, or typed over an earlier text as an incremental edit), and where in
 * it each request is made. The same seed gives the same cases on every machine.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { makeCase } from './mutate';
import type { Rng } from './rng';

export interface LspPosition {
  readonly line: number;
  readonly character: number;
}

export interface LspEdit {
  readonly range: { readonly start: LspPosition; readonly end: LspPosition };
  readonly text: string;
}

export interface LspCase {
  readonly text: string;
  /** `calm` (always served) or `json` (served only when the server detects CALM). */
  readonly languageId: 'calm' | 'json';
  /** When set, the document is opened with this text and then edited into `text` (incremental sync). */
  readonly before?: string;
  /** Where completion, hover, definition, references, prepareRename and rename are asked. */
  readonly positions: readonly LspPosition[];
  readonly newName: string;
}

const NEW_NAMES = ['renamed-node', '', ' ', 'a b', '__proto__', 'constructor', '"', '\\', '\u202Eevil', 'x'.repeat(1000), 'ok-id', '😀'];

/** A position in the text, or (rarely) one past its end, which a client may send for a stale document. */
function randomPosition(document: TextDocument, rng: Rng): LspPosition {
  if (rng.chance(0.05)) return { line: document.lineCount + rng.int(3), character: rng.int(10_000) };
  const text = document.getText();
  // Ids, keys and values start at a quote: aim there half the time, where the features have the most to do.
  if (rng.chance(0.5)) {
    const from = rng.int(text.length + 1);
    const quote = text.indexOf('"', from);
    if (quote >= 0) return document.positionAt(quote + 1 + rng.int(4));
  }
  return document.positionAt(rng.int(text.length + 1));
}

/** The smallest single edit turning `before` into `after` (common prefix and suffix kept), as an editor sends it. */
export function editBetween(before: string, after: string): LspEdit {
  const document = TextDocument.create('file:///edit', 'json', 1, before);
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (end < shorter - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++;
  // A position cannot fall between '\r' and '\n' (both sides see one line break there): widen the edit past it.
  if (start > 0 && before[start - 1] === '\r' && before[start] === '\n') start--;
  if (end > 0 && before[before.length - end - 1] === '\r' && before[before.length - end] === '\n') end--;
  return {
    range: { start: document.positionAt(start), end: document.positionAt(before.length - end) },
    text: after.slice(start, after.length - end),
  };
}

export function makeLspCase(seeds: readonly string[], rng: Rng): LspCase {
  const seed = rng.pick(seeds);
  const text = makeCase(seed, rng).text;
  const languageId = rng.chance(0.8) ? 'calm' : 'json';
  // Typing over the seed exercises incremental sync and the per-version caches; only `calm` documents are
  // always validated, so only they give a published version to wait for after the edit.
  const before = languageId === 'calm' && rng.chance(0.5) ? seed : undefined;
  const document = TextDocument.create('file:///case', languageId, 1, text);
  const positions = Array.from({ length: 6 }, () => randomPosition(document, rng));
  return { text, languageId, before, positions, newName: rng.pick(NEW_NAMES) };
}
