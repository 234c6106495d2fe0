/**
 * Fuzzing through the running language server: a short seeded run of the LSP target on dist/server.js
 * finds nothing, and every saved regression case goes through the server cleanly. First, the target
 * itself is shown to catch each kind of failure, on a server made to fail.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { REGRESSIONS_DIR } from '../fuzz/fuzz';
import type { LspCase } from '../fuzz/lsp-case';
import { fuzzLsp } from '../fuzz/lsp-fuzz';
import { LspFuzzServer } from '../fuzz/lsp-target';
import { SUITE_TIMEOUT_MS } from './lsp-test-client';

const FAULTY_SERVER = resolve(__dirname, '../fuzz/lsp-faulty-server.ts');
const HANG_MS = 2000;

function plainCase(text: string, overrides: Partial<LspCase> = {}): LspCase {
  const positions = [0, 1, 2, 3, 4, 5].map((i) => ({ line: i, character: 3 * i }));
  return { text, languageId: 'calm', positions, newName: 'renamed', ...overrides };
}

describe('fuzzing through the language server', { timeout: SUITE_TIMEOUT_MS }, () => {
  test('the LSP target tells a crash, a hang, an error response and a logged error apart, and recovers from each', async () => {
    const server = await LspFuzzServer.start(1000, FAULTY_SERVER);
    try {
      const kinds: string[] = [];
      const details: string[] = [];
      for (const text of ['{}', 'FAULT_CRASH', '{}', 'FAULT_HANG', '{}', 'FAULT_THROW', 'FAULT_LOG', '{}']) {
        const outcome = await server.run(plainCase(text));
        kinds.push(outcome.kind);
        if (outcome.kind !== 'ok') details.push(outcome.detail);
      }
      assert.deepEqual(kinds, ['ok', 'crash', 'ok', 'hang', 'ok', 'escaped', 'escaped', 'ok']);
      assert.match(details[0], /server exited \(code 3/);
      assert.match(details[1], /^hover: no answer within 1000 ms/);
      assert.match(details[2], /^hover: error response -32603 .*FAULT_THROW/);
      assert.match(details[3], /^server log: validation failed: FAULT_LOG/);
      // Typed over an earlier text (incremental sync) the fault is seen the same way.
      const edited = await server.run(plainCase('{"a": "FAULT_THROW"}', { before: '{"a": "b"}' }));
      assert.equal(edited.kind, 'escaped');
    } finally {
      await server.close();
    }
  });

  test('a short seeded run through dist/server.js: 0 crashes, 0 hangs, 0 escaped exceptions', async () => {
    const report = await fuzzLsp({ cases: 300, seed: 11, hangMs: HANG_MS, saveFailures: false });
    const summary = report.failures.slice(0, 3).map((f) => `${f.kind} in case ${f.caseIndex}: ${f.detail.split('\n')[0]}`);
    console.log(
      `fuzz lsp (short): ${report.cases} cases, ${report.crashes} crashes, ${report.hangs} hangs, ` +
        `${report.escapedExceptions} escaped exceptions, slowest ${report.slowestMs.toFixed(0)} ms`,
    );
    assert.equal(report.cases, 300);
    assert.deepEqual(summary, []);
    assert.deepEqual([report.crashes, report.hangs, report.escapedExceptions], [0, 0, 0]);
  });

  test('every saved regression case goes through the server without a failure', async () => {
    const files = existsSync(REGRESSIONS_DIR) ? readdirSync(REGRESSIONS_DIR).filter((f) => f.endsWith('.txt')).sort() : [];
    assert.ok(files.length > 0, 'the regression folder has cases');
    const server = await LspFuzzServer.start(HANG_MS);
    try {
      for (const file of files) {
        const text = readFileSync(join(REGRESSIONS_DIR, file), 'utf8');
        // An LSP case was saved with its plan (positions, edit, new name); an engine case is asked at fixed positions.
        const planFile = join(REGRESSIONS_DIR, file.replace(/\.txt$/, '.case.json'));
        const plan = existsSync(planFile) ? (JSON.parse(readFileSync(planFile, 'utf8')) as Omit<LspCase, 'text'>) : undefined;
        const outcome = await server.run(plan ? { ...plan, text } : plainCase(text));
        assert.deepEqual(outcome.kind === 'ok' ? 'ok' : `${outcome.kind}: ${outcome.detail}`, 'ok', file);
      }
    } finally {
      await server.close();
    }
  });
});
