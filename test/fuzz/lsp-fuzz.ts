/**
 * The fuzz harness's LSP target: seeded cases (mutated corpus documents, positions, a new name) through the
 * running language server. Library entry (`fuzzLsp(options)`) for the short run in the LSP suite; the CLI
 * is run.ts (`npm run fuzz -- --target lsp`).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REGRESSIONS_DIR, seedTexts } from './fuzz';
import { makeLspCase, type LspCase } from './lsp-case';
import { LspFuzzServer } from './lsp-target';
import { Rng } from './rng';

export interface LspFuzzOptions {
  readonly cases: number;
  readonly seed: number;
  /** A step (open, edit, a request) taking longer than this is a hang. */
  readonly hangMs: number;
  /** Save failing cases as regression fixtures. */
  readonly saveFailures: boolean;
  readonly onProgress?: (done: number) => void;
  /** The server bundle to run (default dist/server.js). */
  readonly serverBundle?: string;
}

export interface LspFuzzFailure {
  readonly kind: 'crash' | 'hang' | 'escaped';
  readonly caseIndex: number;
  readonly detail: string;
  readonly savedAs?: string;
}

export interface LspFuzzReport {
  readonly seed: number;
  readonly cases: number;
  readonly crashes: number;
  readonly hangs: number;
  readonly escapedExceptions: number;
  readonly slowestMs: number;
  readonly seconds: number;
  readonly failures: LspFuzzFailure[];
}

/** The text is what the engine regression test replays; the case beside it is what reproduces it through the server. */
function save(c: LspCase, seed: number, index: number): string {
  mkdirSync(REGRESSIONS_DIR, { recursive: true });
  const file = join(REGRESSIONS_DIR, `lsp-seed${seed}-case${index}.txt`);
  writeFileSync(file, c.text);
  writeFileSync(file.replace(/\.txt$/, '.case.json'), JSON.stringify({ languageId: c.languageId, before: c.before, positions: c.positions, newName: c.newName }, null, 2));
  return file;
}

export async function fuzzLsp(options: LspFuzzOptions): Promise<LspFuzzReport> {
  const seeds = seedTexts();
  if (seeds.length === 0) throw new Error('no seed documents found (../shared/calm/corpus, examples/)');
  const rng = new Rng(options.seed);
  const server = await LspFuzzServer.start(options.hangMs, options.serverBundle);
  const failures: LspFuzzFailure[] = [];
  const counts = { crash: 0, hang: 0, escaped: 0 };
  let slowestMs = 0;
  const t0 = performance.now();
  try {
    for (let i = 0; i < options.cases; i++) {
      const c = makeLspCase(seeds, rng);
      const outcome = await server.run(c);
      if (outcome.kind === 'ok') {
        slowestMs = Math.max(slowestMs, outcome.ms);
      } else {
        counts[outcome.kind]++;
        failures.push({ kind: outcome.kind, caseIndex: i, detail: outcome.detail, savedAs: options.saveFailures ? save(c, options.seed, i) : undefined });
      }
      if (options.onProgress && (i + 1) % 100 === 0) options.onProgress(i + 1);
    }
  } finally {
    await server.close();
  }
  return {
    seed: options.seed,
    cases: options.cases,
    crashes: counts.crash,
    hangs: counts.hang,
    escapedExceptions: counts.escaped,
    slowestMs,
    seconds: (performance.now() - t0) / 1000,
    failures,
  };
}
