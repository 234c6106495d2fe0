/**
 * The fuzz harness: seeded, reproducible mutations of the CALM corpus and the examples through the engine.
 * Library entry (`fuzz(options)`) for the short run inside `npm test`; CLI in run.ts for `npm run fuzz`.
 */
import { readdirSync, readFileSync, statSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { makeCase, type FuzzCase } from './mutate';
import { Rng } from './rng';
import type { CaseReply } from './worker';

export const REPO_ROOT = resolve(__dirname, '../..');
export const REGRESSIONS_DIR = join(REPO_ROOT, 'test/fuzz/regressions');

export interface FuzzOptions {
  readonly cases: number;
  readonly seed: number;
  /** A case taking longer than this is a hang. */
  readonly hangMs: number;
  /** Save failing cases as regression fixtures. */
  readonly saveFailures: boolean;
  readonly onProgress?: (done: number) => void;
}

export interface FuzzFailure {
  readonly kind: 'crash' | 'hang' | 'rule-exception';
  readonly caseIndex: number;
  readonly detail: string;
  readonly savedAs?: string;
}

export interface FuzzReport {
  readonly seed: number;
  readonly cases: number;
  readonly crashes: number;
  readonly hangs: number;
  readonly ruleExceptions: number;
  readonly slowestMs: number;
  readonly seconds: number;
  readonly failures: FuzzFailure[];
}

function jsonFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? jsonFiles(p) : name.endsWith('.json') ? [p] : [];
  });
}

/** Seed documents: the shared CALM corpus (test data beside the repo) and our examples. */
export function seedTexts(): string[] {
  const files = [...jsonFiles(resolve(REPO_ROOT, '../shared/calm/corpus')), ...jsonFiles(join(REPO_ROOT, 'examples'))];
  return files.sort().map((f) => readFileSync(f, 'utf8'));
}

function save(c: FuzzCase, seed: number, index: number): string {
  mkdirSync(REGRESSIONS_DIR, { recursive: true });
  const file = join(REGRESSIONS_DIR, `seed${seed}-case${index}.txt`);
  writeFileSync(file, c.text);
  return file;
}

class CaseRunner {
  private worker!: Worker;
  private pending: ((r: CaseReply) => void) | undefined;
  private ready!: Promise<void>;

  constructor() {
    this.start();
  }

  private start(): void {
    let markReady!: () => void;
    this.ready = new Promise((r) => (markReady = r));
    // Workers do not inherit tsx's loader hooks: register its CommonJS hook inside the worker, then load the TS module.
    const bootstrap = `require('tsx/cjs'); require(${JSON.stringify(join(__dirname, 'worker.ts'))});`;
    this.worker = new Worker(bootstrap, { eval: true });
    this.worker.on('message', (r: CaseReply | 'ready') => (r === 'ready' ? markReady() : this.pending?.(r)));
  }

  /** Resolves with the reply, or with 'hang' after `hangMs` (the worker is then replaced). */
  async run(id: number, text: string, hangMs: number): Promise<CaseReply | 'hang'> {
    await this.ready;
    return new Promise((resolveCase) => {
      const timer = setTimeout(async () => {
        this.pending = undefined;
        await this.worker.terminate();
        this.start();
        resolveCase('hang');
      }, hangMs);
      this.pending = (r) => {
        clearTimeout(timer);
        this.pending = undefined;
        resolveCase(r);
      };
      this.worker.postMessage({ id, text });
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const seeds = seedTexts();
  if (seeds.length === 0) throw new Error('no seed documents found (../shared/calm/corpus, examples/)');
  const rng = new Rng(options.seed);
  const runner = new CaseRunner();
  const failures: FuzzFailure[] = [];
  let crashes = 0;
  let hangs = 0;
  let ruleExceptions = 0;
  let slowestMs = 0;
  const t0 = performance.now();
  try {
    for (let i = 0; i < options.cases; i++) {
      const c = makeCase(rng.pick(seeds), rng);
      const reply = await runner.run(i, c.text, options.hangMs);
      const fail = (kind: FuzzFailure['kind'], detail: string): void => {
        failures.push({ kind, caseIndex: i, detail, savedAs: options.saveFailures ? save(c, options.seed, i) : undefined });
      };
      if (reply === 'hang') {
        hangs++;
        fail('hang', `no answer within ${options.hangMs} ms`);
      } else {
        slowestMs = Math.max(slowestMs, reply.ms);
        if (reply.crash) {
          crashes++;
          fail('crash', reply.crash);
        } else if (reply.ruleFailures.length > 0) {
          ruleExceptions++;
          fail('rule-exception', reply.ruleFailures.join('\n'));
        }
      }
      if (options.onProgress && (i + 1) % 1000 === 0) options.onProgress(i + 1);
    }
  } finally {
    await runner.close();
  }
  return { seed: options.seed, cases: options.cases, crashes, hangs, ruleExceptions, slowestMs, seconds: (performance.now() - t0) / 1000, failures };
}
