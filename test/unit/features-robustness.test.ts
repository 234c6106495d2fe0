/**
 * Every language feature answers, without throwing, at any position of broken or odd documents: the
 * corpus mutants, and the example truncated or spliced at seeded random offsets.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { codeActions } from '../../server/src/features/code-actions';
import { codeLenses, resolveCodeLens } from '../../server/src/features/code-lens';
import { completion } from '../../server/src/features/completion';
import { definition } from '../../server/src/features/definition';
import { documentSymbols } from '../../server/src/features/document-symbols';
import { foldingRanges } from '../../server/src/features/folding';
import { formatDocument } from '../../server/src/features/formatting';
import { documentHighlights } from '../../server/src/features/highlight';
import { hover } from '../../server/src/features/hover';
import { toRange } from '../../server/src/features/lsp-ranges';
import { references } from '../../server/src/features/references';
import { prepareRename, rename } from '../../server/src/features/rename';
import { selectionRanges } from '../../server/src/features/selection-ranges';
import { EXAMPLE_TEXT, SHARED_CALM, URI, validate } from './features-support';

/** A small seeded generator: the same cases on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function exercise(text: string, offsets: readonly number[]): void {
  const result = validate(text);
  const positions = offsets.map((o) => toRange(result.doc, { start: o, end: o }).start);
  for (const p of positions) {
    completion(result, p);
    hover(result, p);
    definition(result, URI, p);
    references(result, URI, p, true);
    documentHighlights(result, p);
    prepareRename(result, p);
    rename(result, URI, 1, p, 'renamed-id');
    codeActions(result, { uri: URI, version: 1, range: { start: p, end: p }, diagnostics: [] });
  }
  documentSymbols(result);
  foldingRanges(result);
  selectionRanges(result, positions);
  formatDocument(result, { tabSize: 2, insertSpaces: true });
  for (const lens of codeLenses(result, URI)) resolveCodeLens(result, lens);
}

test('features never throw on corpus mutants, truncations and splices', () => {
  const next = random(20261127);
  const texts: string[] = [];
  for (const dir of ['corpus/mutated', 'corpus/real']) {
    const folder = join(SHARED_CALM, dir);
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.json')).sort()) texts.push(readFileSync(join(folder, name), 'utf8'));
  }
  for (let i = 0; i < 30; i++) {
    const cut = Math.floor(next() * EXAMPLE_TEXT.length);
    texts.push(EXAMPLE_TEXT.slice(0, cut));
    const from = Math.floor(next() * EXAMPLE_TEXT.length);
    const to = Math.min(EXAMPLE_TEXT.length, from + Math.floor(next() * 200));
    texts.push(EXAMPLE_TEXT.slice(0, from) + EXAMPLE_TEXT.slice(to));
  }
  texts.push('', '   ', '[]', '{', '"nodes"', '{"nodes": {}}', '{"relationships": [1, "x", null]}', '{"nodes": [{"unique-id": 7}], "relationships": [{"relationship-type": {"connects": []}}]}');
  let cases = 0;
  for (const text of texts) {
    const offsets = [0, text.length, ...Array.from({ length: 6 }, () => Math.floor(next() * (text.length + 1)))];
    assert.doesNotThrow(() => exercise(text, offsets), text.slice(0, 80));
    cases++;
  }
  assert.ok(cases > 100, `${cases} documents exercised`);
});
