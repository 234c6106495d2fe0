import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { runCli, SHARED_CALM } from './cli-support';

/** One finding of the reference's `calm validate -f json`. */
interface ReferenceFinding {
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  readonly path: string;
  readonly schemaPath?: string;
  readonly line_start?: number;
  readonly line_end?: number;
  readonly character_start?: number;
  readonly character_end?: number;
  readonly source: string;
}

interface ReferenceOutput {
  readonly jsonSchemaValidationOutputs: readonly ReferenceFinding[];
  readonly spectralSchemaValidationOutputs: readonly ReferenceFinding[];
  readonly hasErrors: boolean;
  readonly hasWarnings: boolean;
}

const CORPUS = join(SHARED_CALM, 'corpus');
const EXPECTED = join(SHARED_CALM, 'expected');

/**
 * Files covering each bucket and shape of the reference's output: a clean file, rule findings,
 * schema findings (summaries flattened) placed on whole objects, whole-document findings of both
 * buckets, a pattern.
 * Excluded, as the corpus README says: network-dependent rows and the reference's crashes.
 */
const FILES = [
  'seed/ecommerce-platform.json',
  'mutated/claude__dup-node-unique-id.json',
  'mutated/seed__controls-legacy-naming.json',
  'mutated/seed__schema-timeline.json',
  'mutated/seed__top-missing-relationships.json',
  'mutated/seed__placeholder-boolean.json',
  'mutated/seed__iface-missing-unique-id.json',
  'mutated/seed__enum-unknown-relationship-type.json',
  'mutated/seed__metadata-array-of-strings.json',
  'mutated/seed__node-missing-unique-id.json',
  'mutated/seed__connects-source-missing-node.json',
  'mutated/refined__ref-orphan-node.json',
  'real/shared-spectral-examples__bad-rest-api.json',
  'real/shared-test_fixtures-command-validate-flows__flows-1.1-bad.json',
  'patterns/shared-test_fixtures__api-gateway-with-no-relationships.json',
];

/**
 * For a rule finding about the whole document, the reference's character_end comes from Spectral's
 * own re-serialised text, which we do not reproduce; every other field must be equal.
 */
function comparable(f: ReferenceFinding, bucket: string): string {
  const wholeDocumentRule = bucket === 'spectral' && f.path === '/';
  const { character_end, ...rest } = f;
  const kept = wholeDocumentRule ? rest : { ...rest, character_end };
  return JSON.stringify(Object.fromEntries(Object.entries({ bucket, ...kept }).sort(([a], [b]) => a.localeCompare(b))));
}

/** The output as a multiset of findings (ordering aside) plus the two flags. */
function normalised(output: ReferenceOutput): { findings: string[]; hasErrors: boolean; hasWarnings: boolean } {
  return {
    findings: [
      ...output.jsonSchemaValidationOutputs.map((f) => comparable(f, 'json-schema')),
      ...output.spectralSchemaValidationOutputs.map((f) => comparable(f, 'spectral')),
    ].sort(),
    hasErrors: output.hasErrors,
    hasWarnings: output.hasWarnings,
  };
}

function expectedOf(name: string): { output: ReferenceOutput; rc: number } {
  const base = join(EXPECTED, name.replace(/\.json$/, ''));
  return {
    output: JSON.parse(readFileSync(`${base}.json`, 'utf8')) as ReferenceOutput,
    rc: Number(readFileSync(`${base}.rc`, 'utf8').trim()),
  };
}

describe('calm-lens validate --format calm-json: the reference output, field for field', () => {
  test('one file: the bare reference object, byte-identical on the clean seed', async () => {
    const r = await runCli(['validate', '--format', 'calm-json', join(CORPUS, 'seed/ecommerce-platform.json')]);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, readFileSync(join(EXPECTED, 'seed/ecommerce-platform.json'), 'utf8'));
  });

  test('several files: an object keyed by file; each value equals the reference output modulo ordering, exit code as the reference', async () => {
    const r = await runCli(['validate', '--format', 'calm-json', ...FILES], { cwd: CORPUS });
    const outputs = JSON.parse(r.stdout) as Record<string, ReferenceOutput>;
    assert.deepEqual(Object.keys(outputs), FILES);
    for (const file of FILES) {
      assert.deepEqual(normalised(outputs[file]), normalised(expectedOf(file).output), file);
    }
    assert.equal(r.code, Math.max(...FILES.map((f) => expectedOf(f).rc)));
  });

  test('--pattern: an architecture checked against a pattern, as `calm validate -a -p`', async () => {
    for (const pair of ['api-gateway-spectral-fail', 'api-gateway-schema-mismatch']) {
      const dir = join(CORPUS, 'pairs', pair);
      const r = await runCli(['validate', '--format', 'calm-json', '--pattern', join(dir, 'pattern.json'), join(dir, 'architecture.json')]);
      const expected = expectedOf(`pairs/${pair}.json`);
      assert.deepEqual(normalised(JSON.parse(r.stdout) as ReferenceOutput), normalised(expected.output), pair);
      assert.equal(r.code, expected.rc, pair);
    }
  });
});
