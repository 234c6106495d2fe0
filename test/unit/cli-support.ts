/** Runs the BUILT CLI (`dist/cli.js`) as a child process, as users and CI do. */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../..');
export const CLI = join(REPO_ROOT, 'dist/cli.js');
/** The reference material beside the repository (tests may read it; the product never does). */
export const SHARED_CALM = resolve(REPO_ROOT, '../shared/calm');
export const EXAMPLE = join(REPO_ROOT, 'examples/ecommerce-platform.json');

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The CLI keeps a V8 code cache in the user's cache folder; tests give it one of their own. */
let testCacheHome: string | undefined;

export function runCli(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliRun> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build first (node esbuild.mjs, or node scripts/test.mjs unit)`);
  testCacheHome ??= tempDir('cache-home');
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: options.cwd ?? REPO_ROOT,
      env: { ...process.env, XDG_CACHE_HOME: testCacheHome, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code, stdout, stderr }));
  });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `calm-lens-${prefix}-`));
}

export function exampleText(): string {
  return readFileSync(EXAMPLE, 'utf8');
}

/** 1-based line and column of `offset` in `text` (LF line ends). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 };
}

/** The text with exactly one occurrence of `from` replaced; throws if `from` is not there exactly once. */
export function replaceOnce(text: string, from: string, to: string): string {
  const first = text.indexOf(from);
  if (first < 0 || text.indexOf(from, first + 1) >= 0) throw new Error(`expected exactly one ${JSON.stringify(from)}`);
  return text.slice(0, first) + to + text.slice(first + from.length);
}
