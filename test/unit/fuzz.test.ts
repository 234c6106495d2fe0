import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { validateText } from '../../server/src/calm/engine';
import { fuzz, REGRESSIONS_DIR } from '../fuzz/fuzz';

describe('fuzzing the engine', () => {
  test('a short seeded run finds no crash, hang or escaped exception', async () => {
    const report = await fuzz({ cases: 1000, seed: 7, hangMs: 2000, saveFailures: false });
    const summary = report.failures.slice(0, 3).map((f) => `${f.kind} in case ${f.caseIndex}: ${f.detail.split('\n')[0]}`);
    console.log(`fuzz (short): ${report.cases} cases, ${report.crashes} crashes, ${report.hangs} hangs, ${report.ruleExceptions} escaped exceptions, slowest ${report.slowestMs.toFixed(0)} ms`);
    assert.equal(report.cases, 1000);
    assert.deepEqual(summary, []);
  });

  test('every saved regression case validates without an exception', () => {
    const files = existsSync(REGRESSIONS_DIR) ? readdirSync(REGRESSIONS_DIR).filter((f) => f.endsWith('.txt')) : [];
    for (const file of files) {
      const result = validateText(readFileSync(join(REGRESSIONS_DIR, file), 'utf8'));
      assert.deepEqual(result.ruleFailures.map((f) => f.code), [], file);
    }
  });
});
