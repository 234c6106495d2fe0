/**
 * Measuring tools shared by benchmark sections: medians, in-process timings (wall and CPU), and
 * whole-process time, CPU time and peak memory. CPU time is reported beside wall time because a
 * busy machine stretches wall time and leaves CPU time nearly intact: on an idle machine, wall
 * time of single-threaded work is close to its CPU time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times; returns each measured wall time in ms. */
export function timeRuns(fn: () => unknown, runs: number, warmup = 1): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = nowMs();
    fn();
    times.push(nowMs() - t);
  }
  return times;
}

export interface Timing {
  readonly wallMs: number;
  /** User + system CPU time of this process (all its threads, so GC helpers count too). */
  readonly cpuMs: number;
}

export function timeOnce(fn: () => unknown): Timing {
  const cpu = process.cpuUsage();
  const wall = nowMs();
  fn();
  const wallMs = nowMs() - wall;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000 };
}

/** Runs `fn` `warmup` times unmeasured, then `runs` times; returns the median wall and CPU times. */
export function timeMedian(fn: () => unknown, runs: number, warmup = 1): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const times: Timing[] = [];
  for (let i = 0; i < runs; i++) times.push(timeOnce(fn));
  return { wallMs: median(times.map((t) => t.wallMs)), cpuMs: median(times.map((t) => t.cpuMs)) };
}

export interface ProcessRun {
  readonly wallMs: number;
  /** User + system CPU time of the child, read by the child itself as it exits. */
  readonly cpuMs: number;
  /** Peak resident set size of the child, in MB (1 MB = 2^20 bytes). */
  readonly peakMB: number;
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Preloaded into the measured node process: at exit it writes its own peak RSS and CPU time
 * (process.resourceUsage(): the same figures GNU time reads, with microsecond precision).
 */
const REPORTER = `const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  const u = process.resourceUsage();
  writeFileSync(process.env.CALM_BENCH_USAGE_FILE, JSON.stringify({ maxRSS: u.maxRSS, user: u.userCPUTime, system: u.systemCPUTime }));
});
`;

interface ReportedUsage {
  readonly maxRSS: number;
  readonly user: number;
  readonly system: number;
}

/** Runs `node ...args` once, timing the whole process (spawn to exit) and reading its CPU time and peak memory. */
export function runNode(args: readonly string[], cwd: string, env: Readonly<Record<string, string>> = {}): ProcessRun {
  const dir = mkdtempSync(join(tmpdir(), 'calm-bench-'));
  try {
    const preload = join(dir, 'usage.cjs');
    const usageFile = join(dir, 'usage.json');
    writeFileSync(preload, REPORTER);
    const t = nowMs();
    const r = spawnSync(process.execPath, ['--require', preload, ...args], {
      cwd,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      env: { ...process.env, ...env, CALM_BENCH_USAGE_FILE: usageFile },
    });
    const wallMs = nowMs() - t;
    const usage: ReportedUsage | undefined = existsSync(usageFile) ? (JSON.parse(readFileSync(usageFile, 'utf8')) as ReportedUsage) : undefined;
    return {
      wallMs,
      cpuMs: usage ? (usage.user + usage.system) / 1000 : NaN,
      peakMB: usage ? usage.maxRSS / 1024 : NaN,
      status: r.status,
      stdout: r.stdout,
      stderr: r.stderr,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface ProcessStats {
  readonly medianMs: number;
  readonly medianCpuMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  /** The highest peak RSS over the runs. */
  readonly peakMB: number;
  readonly runs: readonly ProcessRun[];
}

export function measureNode(args: readonly string[], runs: number, cwd: string, env: Readonly<Record<string, string>> = {}): ProcessStats {
  const all: ProcessRun[] = [];
  for (let i = 0; i < runs; i++) all.push(runNode(args, cwd, env));
  const times = all.map((r) => r.wallMs);
  return {
    medianMs: median(times),
    medianCpuMs: median(all.map((r) => r.cpuMs)),
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
    peakMB: Math.max(...all.map((r) => r.peakMB)),
    runs: all,
  };
}
