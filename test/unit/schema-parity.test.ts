import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { flattenFindings, type Finding } from '../../server/src/calm/findings';
import type { CalmDocument } from '../../server/src/calm/model';
import { parseCalm } from '../../server/src/calm/parse';
import { schemaFindings, type SchemaLoader } from '../../server/src/calm/schema';
import { CORPUS, EXPECTED, filesUnder } from './schema-support';

interface ReferenceFinding {
  code: string;
  path: string;
  line_start?: number;
}

/** Loads patterns from files next to the document, as a host would; the network is never asked. */
function fileLoader(baseDir: string): SchemaLoader {
  return (ref) => {
    if (/^[a-z]+:\/\//i.test(ref)) return { ok: false, message: `no network access here (${ref})` };
    const path = resolve(baseDir, ref);
    if (!existsSync(path)) return { ok: false, message: `no such file: ${path}` };
    return { ok: true, schema: JSON.parse(readFileSync(path, 'utf8')), source: path };
  };
}

/** The corpus file an expected output belongs to, and the pattern it was checked against (pairs). */
function caseOf(expectedPath: string): { doc: string; pattern?: string } {
  const name = relative(EXPECTED, expectedPath);
  if (name.startsWith('pairs/')) {
    const dir = join(CORPUS, 'pairs', name.slice('pairs/'.length, -'.json'.length));
    return { doc: join(dir, 'architecture.json'), pattern: join(dir, 'pattern.json') };
  }
  return { doc: join(CORPUS, name) };
}

function ourSchemaFindings(docPath: string, pattern?: string): { doc: CalmDocument; findings: Finding[] } {
  const doc = parseCalm(readFileSync(docPath, 'utf8'));
  return { doc, findings: schemaFindings(doc, { loadSchema: fileLoader(dirname(docPath)), patternRef: pattern }) };
}

describe('json-schema findings against the reference outputs', () => {
  const cases = filesUnder(EXPECTED).flatMap((expectedPath) => {
    const text = readFileSync(expectedPath, 'utf8');
    if (text.trim() === '') return []; // the reference crashed or failed: no output to compare with
    const { doc, pattern } = caseOf(expectedPath);
    if (!existsSync(doc)) return [];
    const output = JSON.parse(text) as { jsonSchemaValidationOutputs: ReferenceFinding[] };
    return [{ name: relative(EXPECTED, expectedPath), doc, pattern, expected: output.jsonSchemaValidationOutputs.filter((f) => f.code === 'json-schema') }];
  });

  test('there are cases to compare, many of them with schema errors', () => {
    assert.ok(cases.length >= 140, `${cases.length} cases`);
    assert.ok(cases.filter((c) => c.expected.length > 0).length >= 30);
  });

  test('the set of json-schema paths and their first lines match on every file', () => {
    const mismatches: string[] = [];
    let matching = 0;
    for (const c of cases) {
      const { doc, findings } = ourSchemaFindings(c.doc, c.pattern);
      const ours = flattenFindings(findings);
      const ourPaths = [...new Set(ours.map((f) => f.path))].sort();
      const theirPaths = [...new Set(c.expected.map((f) => f.path))].sort();
      const problems: string[] = [];
      if (JSON.stringify(ourPaths) !== JSON.stringify(theirPaths)) problems.push(`paths: ours ${JSON.stringify(ourPaths)} vs reference ${JSON.stringify(theirPaths)}`);
      for (const f of c.expected) {
        if (f.line_start === undefined) continue;
        const lines = ours.filter((o) => o.path === f.path).map((o) => doc.lines.positionAt(o.range.start).line + 1);
        if (!lines.includes(f.line_start)) problems.push(`${f.path}: line ${f.line_start} expected, ours ${JSON.stringify(lines)}`);
      }
      // What the editor underlines: something, on one line (never 0:0, never a whole multi-line object).
      for (const f of [...findings, ...ours]) {
        const start = doc.lines.positionAt(f.range.start);
        const end = doc.lines.positionAt(f.range.end);
        if (f.range.end <= f.range.start || start.line !== end.line) problems.push(`${f.path}: range ${JSON.stringify([start, end])}`);
      }
      if (problems.length === 0) matching++;
      else mismatches.push(`${c.name}: ${[...new Set(problems)].join('; ')}`);
    }
    console.log(`json-schema parity: ${matching}/${cases.length} files`);
    assert.deepEqual(mismatches, []);
  });
});
