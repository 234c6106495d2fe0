/** `npm run fuzz -- [--cases N] [--seed S] [--hang-ms MS]`: prints the figures, exits 1 on any failure. */
import { fuzz } from './fuzz';

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

async function main(): Promise<void> {
  const cases = flag('cases', 10_000);
  const seed = flag('seed', 20261127);
  const hangMs = flag('hang-ms', 2000);
  console.log(`fuzz: ${cases} cases, seed ${seed}, hang threshold ${hangMs} ms`);
  const report = await fuzz({ cases, seed, hangMs, saveFailures: true, onProgress: (n) => process.stdout.write(`\r${n} cases`) });
  process.stdout.write('\n');
  for (const f of report.failures.slice(0, 20)) console.log(`- case ${f.caseIndex} ${f.kind}: ${f.detail.split('\n')[0]}${f.savedAs ? ` (saved ${f.savedAs})` : ''}`);
  console.log(
    `fuzz: ${report.cases} cases in ${report.seconds.toFixed(1)} s; ${report.crashes} crashes, ${report.hangs} hangs, ` +
      `${report.ruleExceptions} escaped exceptions; slowest case ${report.slowestMs.toFixed(0)} ms`,
  );
  process.exit(report.crashes + report.hangs + report.ruleExceptions > 0 ? 1 : 0);
}

void main();
