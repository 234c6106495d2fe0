// `npm run bench`: builds the product, runs every benchmark section, prints tables and
// targets (PASS/MISS), and saves the figures under bench-results/.
// A section is a file under bench/ whose default export is a BenchSection (bench/section.ts).
// To add one: write the file and add one line to SECTIONS. `node scripts/bench.mjs validate` runs one section.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem, type as osType, release } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const SECTIONS = [
  { name: 'validate', file: 'bench/validate.ts' },
  { name: 'tree', file: 'bench/tree.ts' },
  { name: 'features', file: 'bench/features.ts' },
  { name: 'diagram', file: 'bench/diagram.ts' },
];

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(repoRoot, 'out/bench');
const resultsDir = join(repoRoot, 'bench-results');

const asked = process.argv.slice(2);
const unknown = asked.filter((a) => !SECTIONS.some((s) => s.name === a));
if (unknown.length) {
  console.error(`bench: unknown section ${unknown.join(', ')} (known: ${SECTIONS.map((s) => s.name).join(', ')})`);
  process.exit(2);
}
const chosen = asked.length ? SECTIONS.filter((s) => asked.includes(s.name)) : SECTIONS;

const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repoRoot, stdio: ['ignore', 'ignore', 'inherit'] });
if (build.status !== 0) process.exit(build.status ?? 1);

// A folder of its own per run: two runs at once (two engineers, two sections) must not delete each other's files.
mkdirSync(outDir, { recursive: true });
const workDir = mkdtempSync(join(outDir, 'run-'));
mkdirSync(resultsDir, { recursive: true });

const machine = {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? 'unknown',
  memoryGB: Math.round(totalmem() / 2 ** 30),
  os: `${osType()} ${release()}`,
  node: process.version,
};
const date = new Date().toISOString();
console.log(`calm-lens benchmarks, ${date.slice(0, 10)}: ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGB} GB, ${machine.os}, Node ${machine.node}`);

// Timings mean little on a busy machine: say how busy it was, before and after.
function busyness() {
  const pressure = existsSync('/proc/pressure/cpu') ? /avg60=([\d.]+)/.exec(readFileSync('/proc/pressure/cpu', 'utf8'))?.[1] : undefined;
  return { loadavg1m: Number(loadavg()[0].toFixed(2)), cpuPressure60s: pressure === undefined ? null : Number(pressure) };
}
const describeBusy = (b) => `load average ${b.loadavg1m} on ${machine.cpus} cores${b.cpuPressure60s === null ? '' : `, CPU pressure ${b.cpuPressure60s}% (share of the last minute some task waited for a CPU)`}`;
const busyBefore = busyness();
console.log(`machine before: ${describeBusy(busyBefore)}\n`);

function printTable({ title, columns, rows }) {
  const cells = [columns, ...rows].map((row) => row.map((c) => String(c)));
  const widths = columns.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const numeric = columns.map((_, i) => rows.every((r) => typeof r[i] === 'number' || r[i] === ''));
  const line = (r) => r.map((c, i) => (numeric[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  if (title) console.log(title);
  console.log(line(cells[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of cells.slice(1)) console.log(line(r));
  console.log('');
}

const formatMeasure = (value, unit) => (unit === 'x' ? `${value.toFixed(1)}x` : `${value.toFixed(unit === 'ms' ? 0 : 1)} ${unit}`);

const require = createRequire(import.meta.url);
const report = { date, machine, busyBefore, busyAfter: null, sections: [] };
let misses = 0;
for (const section of chosen) {
  // Bundled like the product (dependencies stay in node_modules), so in-process figures measure the same code.
  const outfile = join(workDir, `${section.name}.cjs`);
  await esbuild.build({ entryPoints: [join(repoRoot, section.file)], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node20', packages: 'external', logLevel: 'error' });
  const run = require(outfile).default;
  const sectionWorkDir = join(workDir, section.name);
  mkdirSync(sectionWorkDir, { recursive: true });
  const result = await run({
    repoRoot,
    cliPath: join(repoRoot, 'dist/cli.js'),
    workDir: sectionWorkDir,
    log: (l) => console.error(`  ${l}`),
  });
  console.log(`== ${result.title} ==\n`);
  for (const table of result.tables) printTable(table);
  for (const note of result.notes) console.log(`  ${note}`);
  console.log('');
  for (const t of result.targets) {
    const pass = t.measured <= t.limit;
    if (!pass) misses++;
    console.log(`  ${pass ? 'PASS' : 'MISS'}  ${t.name}: ${formatMeasure(t.measured, t.unit)} (target <= ${formatMeasure(t.limit, t.unit)})${t.note ? `; ${t.note}` : ''}`);
  }
  console.log('');
  report.sections.push({ name: section.name, ...result, targets: result.targets.map((t) => ({ ...t, pass: t.measured <= t.limit })) });
}

rmSync(workDir, { recursive: true, force: true });
report.busyAfter = busyness();
console.log(`machine after: ${describeBusy(report.busyAfter)}`);
const stamp = date.replace(/[:.]/g, '-');
writeFileSync(join(resultsDir, `bench-${stamp}.json`), JSON.stringify(report, null, 2) + '\n');
// latest.json keeps the newest result of every section, whichever run produced it (runs of one section are common).
const latestFile = join(resultsDir, 'latest.json');
let previous = [];
try {
  previous = JSON.parse(readFileSync(latestFile, 'utf8')).sections ?? [];
} catch {
  // no earlier results, or unreadable ones: start afresh
}
const stamped = report.sections.map((s) => ({ ...s, date, machine, busyBefore: report.busyBefore, busyAfter: report.busyAfter }));
const latest = [...previous.filter((p) => !stamped.some((s) => s.name === p.name)), ...stamped];
writeFileSync(latestFile, JSON.stringify({ updated: date, sections: latest }, null, 2) + '\n');
console.log(`${misses === 0 ? 'all targets met' : `${misses} target(s) missed`}; figures saved to bench-results/bench-${stamp}.json and bench-results/latest.json`);
