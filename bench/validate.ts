/**
 * `calm-lens validate` speed and memory: the tutorial seed and synthetic architectures of
 * 100, 1,000 and 5,000 nodes. Whole process (spawn to exit, as CI pays it), peak memory, and
 * in-process validation against a bare JSON.parse of the same text, measured in the same run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { validateText } from '../server/src/calm/engine';
import { generateArchitectureText } from './generate-architecture';
import { measureNode, median, memoryProbe, nowMs, timeRuns, type ProcessStats } from './measure';
import type { BenchContext, BenchSection, BenchTarget, SectionResult } from './section';

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
  readonly exitCode: number | null;
  readonly summary: string;
  /** The very first validation in this process: includes compiling the schemas. */
  readonly inProcessColdMs: number;
  readonly inProcessMedianMs: number;
  readonly jsonParseMedianMs: number;
  readonly ratioToJsonParse: number;
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
  const probe = memoryProbe();
  ctx.log(`validate: peak memory via ${probe === 'gnu-time' ? '/usr/bin/time' : 'process.resourceUsage() in the child'}`);
  const baseline = measureNode(['-e', ''], PROCESS_RUNS, probe, ctx.repoRoot);
  const results: CaseResult[] = [];
  for (const input of inputs(ctx)) {
    ctx.log(`validate: ${input.label}`);
    const whole = measureNode([ctx.cliPath, 'validate', input.file], PROCESS_RUNS, probe, ctx.repoRoot);
    const text = readFileSync(input.file, 'utf8');
    const t = nowMs();
    const first = validateText(text);
    const coldMs = nowMs() - t;
    const validateMs = median(timeRuns(() => validateText(text), IN_PROCESS_RUNS));
    const parseMs = median(timeRuns(() => JSON.parse(text), IN_PROCESS_RUNS));
    const { runs: _runs, ...processStats } = whole;
    results.push({
      ...input,
      file: relative(ctx.repoRoot, input.file),
      process: processStats,
      exitCode: whole.runs[0].status,
      summary: lastLine(whole.runs[0].stdout) || lastLine(whole.runs[0].stderr),
      inProcessColdMs: coldMs,
      inProcessMedianMs: validateMs,
      jsonParseMedianMs: parseMs,
      ratioToJsonParse: validateMs / parseMs,
      findings: first.findings.length,
    });
  }

  const byLabel = (label: string) => {
    const r = results.find((x) => x.label === label);
    if (!r) throw new Error(`no result for ${label}`);
    return r;
  };
  const targets: BenchTarget[] = [
    { name: 'seed: whole process', limit: 250, unit: 'ms', measured: byLabel('seed (tutorial)').process.medianMs },
    { name: '1,000 nodes: whole process', limit: 500, unit: 'ms', measured: byLabel('synthetic 1000').process.medianMs },
    { name: '5,000 nodes: whole process', limit: 1500, unit: 'ms', measured: byLabel('synthetic 5000').process.medianMs },
    { name: '5,000 nodes: peak memory', limit: 250, unit: 'MB', measured: byLabel('synthetic 5000').process.peakMB },
    ...SIZES.map((n): BenchTarget => ({ name: `${n.toLocaleString('en-US')} nodes: in-process / JSON.parse`, limit: 10, unit: 'x', measured: byLabel(`synthetic ${n}`).ratioToJsonParse })),
  ];

  const result: SectionResult = {
    title: 'calm-lens validate',
    tables: [
      {
        columns: ['input', 'nodes', 'rels', 'KB', 'process ms (median)', 'peak MB', 'in-process ms', 'first call ms', 'JSON.parse ms', 'ratio', 'exit', 'CLI says'],
        rows: [
          ['node -e \'\' (start-up)', '', '', '', round(baseline.medianMs), round(baseline.peakMB), '', '', '', '', '', ''],
          ...results.map((r) => [
            r.label,
            r.nodes,
            r.relationships,
            round(r.bytes / 1024, 0),
            round(r.process.medianMs),
            round(r.process.peakMB),
            round(r.inProcessMedianMs, 2),
            round(r.inProcessColdMs, 1),
            round(r.jsonParseMedianMs, 2),
            `${round(r.ratioToJsonParse)}x`,
            r.exitCode ?? 'killed',
            r.summary,
          ]),
        ],
      },
    ],
    targets,
    notes: [
      `process: \`node dist/cli.js validate FILE\`, spawn to exit, median of ${PROCESS_RUNS}; peak MB: highest peak RSS of those runs.`,
      `in-process: validateText(text) in this process after one warm-up call, median of ${IN_PROCESS_RUNS}; JSON.parse of the same text likewise; first call: the cold call (schema compilation included).`,
      'nodes counts actors too; synthetic files: bench/generate-architecture.ts (2 interfaces per node, 2 connects per node, seed 1).',
    ],
    data: { probe, baseline: (({ runs: _r, ...s }) => s)(baseline), results },
  };
  return result;
};

export default run;
