// Runs the test suites with Node's test runner: `node scripts/test.mjs [suite...]`.
// Suites are folders of test/: unit, lsp, webview, e2e. With no argument: build, then every suite.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';

const ALL = ['unit', 'lsp', 'webview', 'e2e'];
const asked = process.argv.slice(2);
const suites = asked.length ? asked : ALL;

function testFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return testFiles(p);
    return /\.test\.(ts|mjs)$/.test(name) ? [p] : [];
  });
}

const build = spawnSync('node', ['esbuild.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const files = suites.flatMap((s) => testFiles(join('test', s))).sort();
if (files.length === 0) {
  console.error(`no test files in ${suites.map((s) => 'test/' + s).join(', ')}`);
  process.exit(1);
}
const run = spawnSync('node', ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', ...files], {
  stdio: 'inherit',
  env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : process.env.FORCE_COLOR },
});
process.exit(run.status ?? 1);
