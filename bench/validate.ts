/**
 * `calm-lens validate` speed and memory: the tutorial seed and synthetic architectures of
 * 100, 1,000 and 5,000 nodes. Whole process (spawn to exit, as CI pays it), peak memory, and
 * in-process validation against a bare JSON.parse of the same text, measured in the same run.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { validateText } from '../server/src/calm/engine';
import { generateArchitectureText } from './generate-architecture';
import { measureNode, timeMedian, timeOnce, type ProcessStats } from './measure';
import type { BenchContext, BenchSection, BenchTable, BenchTarget, SectionResult } from './section';
import { stageBreakdown, type StageTime } from './validate-stages';

const PROCESS_RUNS = 5;
const IN_PROCESS_RUNS = 5;
const SIZES = [100, 1000, 5000] as const;

interface InputCase {
  readonly label: string;
  readonly file: string;
  readonly nodes: number;
  readonly relationships: number;
  readonly bytes: number;
}

interface CaseResult extends InputCase {
  readonly process: Omit<ProcessStats, 'runs'>;
  /** The first of the runs: the CLI's code cache (code-cache.ts) did not exist yet. */
  readonly coldProcessMs: number;
  readonly coldProcessCpuMs: number;
  readonly exitCode: number | null;
  readonly summary: string;
  /** The very first validation in this process: includes compiling the schemas. */
  readonly inProcessColdMs: number;
  readonly inProcessMedianMs: number;
  readonly inProcessMedianCpuMs: number;
  readonly jsonParseMedianMs: number;
  readonly jsonParseMedianCpuMs: number;
  readonly ratioToJsonParse: number;
  readonly cpuRatioToJsonParse: number;
  readonly findings: number;
}

function describeInput(label: string, file: string): InputCase {
  const text = readFileSync(file, 'utf8');
  const value: unknown = JSON.parse(text);
  const count = (key: string) => {
    const v = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
    return Array.isArray(v) ? v.length : 0;
  };
  return { label, file, nodes: count('nodes'), relationships: count('relationships'), bytes: Buffer.byteLength(text) };
}

function inputs(ctx: BenchContext): InputCase[] {
  const cases = [describeInput('seed (tutorial)', join(ctx.repoRoot, 'examples/ecommerce-platform.json'))];
  for (const n of SIZES) {
    const file = join(ctx.workDir, `synthetic-${n}.json`);
    writeFileSync(file, generateArchitectureText({ nodes: n }));
    cases.push(describeInput(`synthetic ${n}`, file));
  }
  return cases;
}

function lastLine(text: string): string {
  return text.trim().split('\n').pop() ?? '';
}

const round = (n: number, digits = 1) => Number(n.toFixed(digits));

const run: BenchSection = async (ctx) => {
  const baseline = measureNode(['-e', ''], PROCESS_RUNS, ctx.repoRoot);
  const results: CaseResult[] = [];
  for (const input of inputs(ctx)) {
    ctx.log(`validate: ${input.label}`);
    // A fresh cache folder per input: the first run is what a first-time user (or a clean CI machine) pays.
    const cacheHome = mkdtempSync(join(ctx.workDir, 'cache-'));
    const whole = measureNode([ctx.cliPath, 'validate', input.file], PROCESS_RUNS, ctx.repoRoot, { XDG_CACHE_HOME: cacheHome });
    const text = readFileSync(input.file, 'utf8');
    let findings = 0;
    const cold = timeOnce(() => (findings = validateText(text).findings.length));
    const validate = timeMedian(() => validateText(text), IN_PROCESS_RUNS);
    const parse = timeMedian(() => JSON.parse(text), IN_PROCESS_RUNS);
    const { runs: _runs, ...processStats } = whole;
    results.push({
      ...input,
      file: relative(ctx.repoRoot, input.file),
      process: processStats,
      coldProcessMs: whole.runs[0].wallMs,
      coldProcessCpuMs: whole.runs[0].cpuMs,
      exitCode: whole.runs[0].status,
      summary: lastLine(whole.runs[0].stdout) || lastLine(whole.runs[0].stderr),
      inProcessColdMs: cold.wallMs,
      inProcessMedianMs: validate.wallMs,
      inProcessMedianCpuMs: validate.cpuMs,
      jsonParseMedianMs: parse.wallMs,
      jsonParseMedianCpuMs: parse.cpuMs,
      ratioToJsonParse: validate.wallMs / parse.wallMs,
      cpuRatioToJsonParse: validate.cpuMs / parse.cpuMs,
      findings,
    });
  }

  // Where the in-process time goes, for the sizes that carry the ratio targets.
  const stages: Record<string, StageTime[]> = {};
  for (const n of [1000, 5000]) {
    ctx.log(`validate: stage breakdown at ${n} nodes`);
    stages[n] = stageBreakdown(readFileSync(join(ctx.workDir, `synthetic-${n}.json`), 'utf8'), IN_PROCESS_RUNS);
  }
  const stageTable = (n: number): BenchTable => ({
    title: `In-process stages at ${n.toLocaleString('en-US')} nodes (median of ${IN_PROCESS_RUNS} after a warm-up; a rule alone, on a document whose shared views are already built)`,
    columns: ['stage', 'wall ms', 'x JSON.parse', 'CPU ms', 'x JSON.parse (CPU)'],
    rows: stages[n].map((s) => [s.stage, round(s.wallMs, 1), round(s.wallRatio, 2), round(s.cpuMs, 1), round(s.cpuRatio, 2)]),
  });

  const byLabel = (label: string) => {
    const r = results.find((x) => x.label === label);
    if (!r) throw new Error(`no result for ${label}`);
    return r;
  };
  const cpuNote = (r: CaseResult) => `on CPU: ${round(r.process.medianCpuMs, 0)} ms`;
  const seed = byLabel('seed (tutorial)');
  const n1000 = byLabel('synthetic 1000');
  const n5000 = byLabel('synthetic 5000');
  const targets: BenchTarget[] = [
    { name: 'seed: whole process', limit: 250, unit: 'ms', measured: seed.process.medianMs, note: cpuNote(seed) },
    { name: '1,000 nodes: whole process', limit: 500, unit: 'ms', measured: n1000.process.medianMs, note: cpuNote(n1000) },
    { name: '5,000 nodes: whole process', limit: 1500, unit: 'ms', measured: n5000.process.medianMs, note: cpuNote(n5000) },
    { name: '5,000 nodes: peak memory', limit: 250, unit: 'MB', measured: n5000.process.peakMB },
    ...SIZES.map((n): BenchTarget => {
      const r = byLabel(`synthetic ${n}`);
      return { name: `${n.toLocaleString('en-US')} nodes: in-process / JSON.parse`, limit: 10, unit: 'x', measured: r.ratioToJsonParse, note: `on CPU: ${round(r.cpuRatioToJsonParse)}x` };
    }),
  ];

  const result: SectionResult = {
    title: 'calm-lens validate',
    tables: [
      {
        columns: ['input', 'nodes', 'rels', 'KB', 'process ms', 'CPU ms', 'first run ms', 'peak MB', 'in-process ms', 'first call ms', 'JSON.parse ms', 'ratio', 'CPU ratio', 'exit', 'CLI says'],
        rows: [
          ['node -e \'\' (start-up)', '', '', '', round(baseline.medianMs), round(baseline.medianCpuMs), '', round(baseline.peakMB), '', '', '', '', '', '', ''],
          ...results.map((r) => [
            r.label,
            r.nodes,
            r.relationships,
            round(r.bytes / 1024, 0),
            round(r.process.medianMs),
            round(r.process.medianCpuMs),
            round(r.coldProcessMs),
            round(r.process.peakMB),
            round(r.inProcessMedianMs, 2),
            round(r.inProcessColdMs, 1),
            round(r.jsonParseMedianMs, 2),
            `${round(r.ratioToJsonParse)}x`,
            `${round(r.cpuRatioToJsonParse)}x`,
            r.exitCode ?? 'killed',
            r.summary,
          ]),
        ],
      },
      stageTable(1000),
      stageTable(5000),
    ],
    targets,
    notes: [
      'first run: the first of those runs, before the CLI had its V8 code cache (a first-time user, a clean CI machine).',
      `process: \`node dist/cli.js validate FILE\`, spawn to exit, median of ${PROCESS_RUNS}; CPU: its user + system time (median); peak MB: highest peak RSS of those runs.`,
      'CPU figures stand beside wall-clock ones because a busy machine stretches wall time only; on an idle machine the two nearly agree.',
      `in-process: validateText(text) in this process after one warm-up call, median of ${IN_PROCESS_RUNS}; JSON.parse of the same text likewise; first call: the cold call (schema compilation included).`,
      'nodes counts actors too; synthetic files: bench/generate-architecture.ts (2 interfaces per node, 2 connects per node, seed 1).',
    ],
    data: { baseline: (({ runs: _r, ...s }) => s)(baseline), results, stages },
  };
  return result;
};

export default run;
