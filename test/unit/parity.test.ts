/**
 * Parity with the reference validator (FINOS `calm validate`, CLI 1.56.0) on the shared corpus: for every
 * file it produced an output for, the same (code, path) pairs, the same severities, the same first lines.
 * Where it produced none (invalid JSON, its crashes), our own correct finding is asserted instead.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { validateText, type ValidationResult } from '../../server/src/calm/engine';
import { flattenFindings, type Finding } from '../../server/src/calm/findings';
import type { SchemaLoader } from '../../server/src/calm/schema';

const SHARED = resolve(__dirname, '../../../shared/calm');
const CORPUS = join(SHARED, 'corpus');
const EXPECTED = join(SHARED, 'expected');

/** Their results depend on fetching or on the reference's working directory (see shared/calm/README.md). */
const NOT_COMPARED_CODES = new Set(['control-requirement-validation', 'node-details-validation']);

interface ReferenceFinding {
  readonly code: string;
  readonly severity: string;
  readonly path: string;
  readonly message: string;
  readonly line_start?: number;
}

interface ReferenceOutput {
  readonly jsonSchemaValidationOutputs: readonly ReferenceFinding[];
  readonly spectralSchemaValidationOutputs: readonly ReferenceFinding[];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : name.endsWith('.json') ? [path] : [];
    })
    .sort();
}

/** SUMMARY.tsv: the `notes` column of each file (e.g. NETWORK_FETCH_ATTEMPTED). */
function summaryNotes(): Map<string, string> {
  const [header, ...rows] = readFileSync(join(EXPECTED, 'SUMMARY.tsv'), 'utf8').split('\n').filter(Boolean);
  const columns = header.split('\t');
  const fileAt = columns.indexOf('file');
  const notesAt = columns.indexOf('notes');
  return new Map(rows.map((row) => row.split('\t')).map((cells) => [cells[fileAt], cells[notesAt] ?? '']));
}

/** Reads patterns from files beside the document, as the reference did; the network is never asked. */
function fileLoader(baseDir: string): SchemaLoader {
  return (ref) => {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref)) return { ok: false, message: `not fetched in tests: ${ref}` };
    const path = resolve(baseDir, ref);
    if (!existsSync(path)) return { ok: false, message: `no such file: ${ref}` };
    return { ok: true, schema: JSON.parse(readFileSync(path, 'utf8')), source: path };
  };
}

interface Case {
  /** Relative to expected/ (and, but for pairs, to corpus/). */
  readonly name: string;
  readonly document: string;
  /** Pairs were run with `-a architecture.json -p pattern.json`. */
  readonly pattern?: string;
}

function caseOf(expectedPath: string): Case {
  const name = relative(EXPECTED, expectedPath);
  if (name.startsWith('pairs/')) {
    const dir = join(CORPUS, name.slice(0, -'.json'.length));
    return { name, document: join(dir, 'architecture.json'), pattern: 'pattern.json' };
  }
  return { name, document: join(CORPUS, name) };
}

function validateCase(c: Case): ValidationResult {
  return validateText(readFileSync(c.document, 'utf8'), { loadSchema: fileLoader(dirname(c.document)), patternRef: c.pattern });
}

/** The reference writes the root as `/`. */
function normalPath(path: string): string {
  return path === '' ? '/' : path;
}

function key(code: string, path: string): string {
  return `${code} ${normalPath(path)}`;
}

/** Differences between our findings and the reference's on one file; empty when they agree. */
function compare(result: ValidationResult, reference: ReferenceOutput): string[] {
  const ours = flattenFindings(result.findings).filter((f) => !NOT_COMPARED_CODES.has(f.code));
  const theirs = [...reference.jsonSchemaValidationOutputs, ...reference.spectralSchemaValidationOutputs].filter((f) => !NOT_COMPARED_CODES.has(f.code));
  const ourByKey = new Map<string, Finding[]>();
  for (const f of ours) ourByKey.set(key(f.code, f.path), [...(ourByKey.get(key(f.code, f.path)) ?? []), f]);
  const theirKeys = new Set(theirs.map((f) => key(f.code, f.path)));
  const problems: string[] = [];
  for (const k of theirKeys) if (!ourByKey.has(k)) problems.push(`missing ${k}`);
  for (const k of ourByKey.keys()) if (!theirKeys.has(k)) problems.push(`extra ${k}`);
  for (const f of theirs) {
    const mine = ourByKey.get(key(f.code, f.path));
    if (!mine) continue;
    const severity = f.severity === 'warn' ? 'warning' : f.severity;
    if (!mine.some((m) => m.severity === severity)) problems.push(`${key(f.code, f.path)}: severity ${mine[0].severity}, reference ${severity}`);
    // Without a line (schema findings on the root) there is nothing to compare; line 0 is how the
    // reference writes a whole-document finding, whose path `/` has been compared already.
    if (f.line_start === undefined || f.line_start === 0) continue;
    const lines = mine.map((m) => result.doc.lines.positionAt(m.range.start).line + 1);
    if (!lines.includes(f.line_start)) problems.push(`${key(f.code, f.path)}: line ${f.line_start} in the reference, ours ${lines.join(',')}`);
  }
  return problems;
}

const notes = summaryNotes();
const cases = filesUnder(EXPECTED).map((path) => ({ ...caseOf(path), output: readFileSync(path, 'utf8') }));
const networkDependent = cases.filter((c) => (notes.get(c.name) ?? '').includes('NETWORK_FETCH_ATTEMPTED'));
const compared = cases.filter((c) => c.output.trim() !== '' && !networkDependent.includes(c));
const failedInReference = cases.filter((c) => c.output.trim() === '' && !networkDependent.includes(c));

describe('parity with the reference calm validate', () => {
  test('the corpus is there and large', () => {
    assert.ok(compared.length >= 140, `${compared.length} files compared`);
    assert.ok(existsSync(join(CORPUS, 'seed/ecommerce-platform.json')));
  });

  test('every file the reference has an output for: same (code, path) pairs, severities and lines', () => {
    const mismatches: string[] = [];
    for (const c of compared) {
      const result = validateCase(c);
      const problems = [...result.ruleFailures.map((f) => `rule ${f.code} threw: ${String(f.error)}`), ...compare(result, JSON.parse(c.output) as ReferenceOutput)];
      if (problems.length > 0) mismatches.push(`${c.name}:\n    ${problems.join('\n    ')}`);
    }
    console.log(
      `parity: ${compared.length - mismatches.length}/${compared.length} files match` +
        ` (${networkDependent.length} network-dependent files not compared, ${failedInReference.length} where the reference failed checked below)`,
    );
    assert.deepEqual(mismatches, []);
  });
});

/** What we say where the reference says nothing (or only "Not a valid absolute URL"). */
interface OwnExpectation {
  /** Every finding we report: code, path, 1-based line of the range start; in order. */
  readonly findings?: readonly { code: string; path: string; line: number; message?: RegExp }[];
  /** Only the first finding (for inputs whose every error is reported). */
  readonly first?: { code: string; line: number; message: RegExp };
}

const OWN_EXPECTATIONS: Record<string, OwnExpectation> = {
  // Invalid JSON: the reference's "Not a valid absolute URL: <file>"; ours says what is wrong, where.
  'mutated/seed__syntax-bom.json': { findings: [{ code: 'json-syntax', path: '', line: 1, message: /byte order mark/ }] },
  'mutated/seed__syntax-empty-file.json': { findings: [{ code: 'json-syntax', path: '', line: 1, message: /empty/ }] },
  'mutated/seed__syntax-trailing-comma.json': { findings: [{ code: 'json-syntax', path: '', line: 306, message: /^Trailing comma/ }] },
  'mutated/seed__syntax-truncated.json': { first: { code: 'json-syntax', line: 155, message: /Unterminated string/ } },
  'mutated/seed__syntax-single-quotes.json': { first: { code: 'json-syntax', line: 2, message: /not valid JSON/ } },
  // Its crashes: `relationships.filter is not a function`, and "reading 'nodes'" on any options relationship.
  'mutated/seed__type-relationships-object.json': { findings: [{ code: 'json-schema', path: '/relationships', line: 146, message: /must be array/ }] },
  'mutated/seed__options-relationship.json': { findings: [] },
  'real/calm-release-1.0-rc1-prototype-multiple-choices__architecture.json': { findings: [] },
  'real/calm-release-1.0-rc2-prototype-multiple-choices__architecture.json': { findings: [] },
  // `$schema` it could not use (its own failures, not the network's): we point at `$schema`.
  'mutated/seed__schema-number.json': { findings: [{ code: 'json-schema', path: '/$schema', line: 2 }] },
  'mutated/seed__schema-relative-missing.json': { findings: [{ code: 'json-schema', path: '/$schema', line: 2 }] },
  'real/cli-test_fixtures-template-model__document-system.json': { findings: [{ code: 'json-schema', path: '/$schema', line: 2 }] },
};

describe('where the reference fails, our findings', () => {
  test('every such file has an expectation here', () => {
    assert.deepEqual(failedInReference.map((c) => c.name).sort(), Object.keys(OWN_EXPECTATIONS).sort());
  });

  for (const c of failedInReference) {
    test(c.name, () => {
      const expectation = OWN_EXPECTATIONS[c.name];
      assert.ok(expectation, 'no expectation written for this file');
      const result = validateCase(c);
      assert.deepEqual(result.ruleFailures, []);
      const ours = flattenFindings(result.findings);
      const lineOf = (f: Finding): number => result.doc.lines.positionAt(f.range.start).line + 1;
      if (expectation.findings) {
        assert.deepEqual(
          ours.map((f) => ({ code: f.code, path: f.path, line: lineOf(f) })),
          expectation.findings.map(({ code, path, line }) => ({ code, path, line })),
        );
        expectation.findings.forEach((e, i) => {
          if (e.message) assert.match(ours[i].message, e.message);
        });
      }
      if (expectation.first) {
        assert.ok(ours.length > 0);
        assert.equal(ours[0].code, expectation.first.code);
        assert.equal(lineOf(ours[0]), expectation.first.line);
        assert.match(ours[0].message, expectation.first.message);
        // Broken JSON gets syntax findings only: schema and rule findings on a guessed tree would mislead.
        assert.ok(ours.every((f) => f.code === 'json-syntax'));
      }
    });
  }
});
