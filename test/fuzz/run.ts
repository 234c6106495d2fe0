/**
 * `npm run fuzz -- [--target engine|lsp|both] [--cases N] [--seed S] [--hang-ms MS]`: prints the figures
 * per target, exits 1 on any failure. The LSP target runs the bundle (`npm run build` first), or the
 * server bundle given with `--server PATH`.
 */
import { fuzz } from './fuzz';
import { fuzzLsp } from './lsp-fuzz';

type Target = 'engine' | 'lsp' | 'both';

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isFinite(v) || v < 0) {
    console.error(`--${name} takes a number`);
    process.exit(2);
  }
  return v;
}

function targetFlag(): Target {
  const i = process.argv.indexOf('--target');
  if (i < 0) return 'both';
  const v = process.argv[i + 1];
  if (v === 'engine' || v === 'lsp' || v === 'both') return v;
  console.error('--target takes engine, lsp or both');
  process.exit(2);
}

interface Summary {
  readonly cases: number;
  readonly seconds: number;
  readonly crashes: number;
  readonly hangs: number;
  readonly escaped: number;
  readonly slowestMs: number;
  readonly failures: readonly { caseIndex: number; kind: string; detail: string; savedAs?: string }[];
}

function print(target: string, seed: number, r: Summary): void {
  process.stdout.write('\n');
  for (const f of r.failures.slice(0, 20)) console.log(`- ${target} case ${f.caseIndex} ${f.kind}: ${f.detail.split('\n')[0]}${f.savedAs ? ` (saved ${f.savedAs})` : ''}`);
  console.log(
    `fuzz ${target}: ${r.cases} cases in ${r.seconds.toFixed(1)} s (seed ${seed}); ${r.crashes} crashes, ${r.hangs} hangs, ` +
      `${r.escaped} escaped exceptions; slowest case ${r.slowestMs.toFixed(0)} ms`,
  );
}

async function main(): Promise<void> {
  const target = targetFlag();
  const cases = flag('cases', 10_000);
  const seed = flag('seed', 20261127);
  const hangMs = flag('hang-ms', 2000);
  console.log(`fuzz: ${cases} cases per target (${target}), seed ${seed}, hang threshold ${hangMs} ms, on ${new Date().toISOString().slice(0, 10)}`);
  let failed = 0;
  if (target !== 'lsp') {
    const r = await fuzz({ cases, seed, hangMs, saveFailures: true, onProgress: (n) => process.stdout.write(`\rengine: ${n} cases`) });
    print('engine', seed, { ...r, escaped: r.ruleExceptions });
    failed += r.crashes + r.hangs + r.ruleExceptions;
  }
  if (target !== 'engine') {
    const serverAt = process.argv.indexOf('--server');
    const serverBundle = serverAt >= 0 ? process.argv[serverAt + 1] : undefined;
    const r = await fuzzLsp({ cases, seed, hangMs, serverBundle, saveFailures: true, onProgress: (n) => process.stdout.write(`\rlsp: ${n} cases`) });
    print('lsp', seed, { ...r, escaped: r.escapedExceptions });
    failed += r.crashes + r.hangs + r.escapedExceptions;
  }
  process.exit(failed > 0 ? 1 : 0);
}

void main();
