// Runs the test suites with Node's test runner: `node scripts/test.mjs [suite...]`.
// Suites are folders of test/: unit, lsp, webview, e2e. With no argument: build, then every suite.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
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

// The browser suites need Chromium and code-server: install them if missing (idempotent, instant when present),
// so that `npm test` alone runs every test on a fresh machine.
if (suites.includes('webview') || suites.includes('e2e')) {
  const install = spawnSync('bash', ['scripts/e2e/install.sh'], { stdio: 'inherit' });
  if (install.status !== 0) process.exit(install.status ?? 1);
}

const build = spawnSync('node', ['esbuild.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const files = suites.flatMap((s) => testFiles(join('test', s))).sort();
if (files.length === 0) {
  console.error(`no test files in ${suites.map((s) => 'test/' + s).join(', ')}`);
  process.exit(1);
}
// Each run also writes TAP to a file, so that one closing line can count every suite together. The file is
// named after this process (two test runs at once do not count each other's tests) and removed once counted.
const totals = { passed: 0, failed: 0 };
let runIndex = 0;
function runFiles(list) {
  mkdirSync('test-results', { recursive: true });
  const tapFile = join('test-results', `node-test-${process.pid}-${runIndex++}.tap`);
  const run = spawnSync(
    'node',
    ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tapFile}`, '--test-concurrency=1', ...list],
    { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.CI ? '0' : process.env.FORCE_COLOR } },
  );
  const tap = existsSync(tapFile) ? readFileSync(tapFile, 'utf8') : '';
  rmSync(tapFile, { force: true });
  const count = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(tap)?.[1] ?? 0);
  totals.passed += count('pass');
  totals.failed += count('fail') + count('cancelled');
  return run.status ?? 1;
}

// The e2e suite drives the packaged .vsix (the production bundles that ship), so it runs last,
// after `npm run package`; the other suites run first against the development build.
const isE2e = (f) => f.startsWith(join('test', 'e2e') + '/');
const others = files.filter((f) => !isE2e(f));
const e2e = files.filter(isE2e);
let status = others.length ? runFiles(others) : 0;
if (e2e.length) {
  const pack = spawnSync('npm', ['run', '--silent', 'package'], { stdio: 'inherit' });
  status = pack.status !== 0 ? pack.status ?? 1 : runFiles(e2e) || status;
}
console.log(`\n${totals.passed} passed, ${totals.failed} failed`);
process.exit(status || (totals.failed > 0 ? 1 : 0));
