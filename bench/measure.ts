/** Measuring tools shared by benchmark sections: medians, and whole-process time and peak memory. */
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

/** Runs `fn` `warmup` times unmeasured, then `runs` times; returns each measured duration in ms. */
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

export interface ProcessRun {
  readonly wallMs: number;
  /** Peak resident set size of the process, in MB (1 MB = 2^20 bytes). */
  readonly peakMB: number;
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export type MemoryProbe = 'gnu-time' | 'resource-usage';

const GNU_TIME = '/usr/bin/time';

/** How peak memory is read: GNU time's %M when installed, else the child's own process.resourceUsage() at exit. */
export function memoryProbe(): MemoryProbe {
  if (!existsSync(GNU_TIME)) return 'resource-usage';
  const probe = spawnSync(GNU_TIME, ['-f', '%M', 'true'], { encoding: 'utf8' });
  return probe.status === 0 && /^\d+\s*$/.test(probe.stderr.trim().split('\n').pop() ?? '') ? 'gnu-time' : 'resource-usage';
}

/** Preloaded into a node child when GNU time is missing: reports its own peak RSS when it exits. */
const REPORTER = `const { writeFileSync } = require('node:fs');
process.on('exit', () => writeFileSync(process.env.CALM_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS)));
`;

/** Runs `node ...args` once, timing the whole process (spawn to exit) and reading its peak memory. */
export function runNode(args: readonly string[], probe: MemoryProbe, cwd: string): ProcessRun {
  if (probe === 'gnu-time') {
    const marker = 'CALM_BENCH_PEAK_KB=';
    const t = nowMs();
    const r = spawnSync(GNU_TIME, ['-f', `${marker}%M`, process.execPath, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
    const wallMs = nowMs() - t;
    const lines = r.stderr.split('\n');
    const peakLine = [...lines].reverse().find((l) => l.startsWith(marker));
    const peakKB = peakLine ? Number(peakLine.slice(marker.length)) : NaN;
    const stderr = lines.filter((l) => !l.startsWith(marker) && !l.startsWith('Command exited with non-zero status')).join('\n');
    return { wallMs, peakMB: peakKB / 1024, status: r.status, stdout: r.stdout, stderr };
  }
  const dir = mkdtempSync(join(tmpdir(), 'calm-bench-'));
  try {
    const preload = join(dir, 'rss.cjs');
    const rssFile = join(dir, 'rss.txt');
    writeFileSync(preload, REPORTER);
    const t = nowMs();
    const r = spawnSync(process.execPath, ['--require', preload, ...args], {
      cwd,
      encoding: 'utf8',
      maxBuffer: 1 << 30,
      env: { ...process.env, CALM_BENCH_RSS_FILE: rssFile },
    });
    const wallMs = nowMs() - t;
    const peakKB = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) : NaN;
    return { wallMs, peakMB: peakKB / 1024, status: r.status, stdout: r.stdout, stderr: r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export interface ProcessStats {
  readonly medianMs: number;
  readonly minMs: number;
  readonly maxMs: number;
  /** The highest peak RSS over the runs. */
  readonly peakMB: number;
  readonly runs: readonly ProcessRun[];
}

export function measureNode(args: readonly string[], runs: number, probe: MemoryProbe, cwd: string): ProcessStats {
  const all: ProcessRun[] = [];
  for (let i = 0; i < runs; i++) all.push(runNode(args, probe, cwd));
  const times = all.map((r) => r.wallMs);
  return {
    medianMs: median(times),
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
    peakMB: Math.max(...all.map((r) => r.peakMB)),
    runs: all,
  };
}
