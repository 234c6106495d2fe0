// The extension-host test module: what @vscode/test-electron (desktop VS Code) and the payload URL
// of code-server (scripts/e2e/extension-host.ts) both load and call `run()` on.
// Suites are bundled into this one file, so they register through functions rather than by
// mocha loading files; `pre-require` gives them mocha's TDD globals (suite, test, setup, ...).
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';
import { RESULTS_FILE_ENV, START_MARKER, type ExtensionHostResults } from './protocol';
import { suites } from './suites';

export function run(): Promise<void> {
  // The extension host forwards console.log to the launcher; mocha's reporter writes through
  // Base.consoleLog with printf-style arguments that arrive unformatted unless joined here.
  Mocha.reporters.Base.consoleLog = (...args: unknown[]) => console.log(format(...args));
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, reporter: 'spec' });
  mocha.suite.emit('pre-require', globalThis, 'extension-host', mocha);
  for (const register of suites) register();

  console.log(START_MARKER);
  return new Promise((resolve, reject) => {
    const results: ExtensionHostResults = { passed: 0, failed: 0, pending: 0, failures: [] };
    const runner = mocha.run((failures) => {
      const file = process.env[RESULTS_FILE_ENV];
      if (file) {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, JSON.stringify(results, null, 2));
      }
      console.log(`extension-host: ${results.passed} passed, ${results.failed} failed, ${results.pending} pending`);
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
    runner.on('pass', () => (results.passed += 1));
    runner.on('pending', () => (results.pending += 1));
    runner.on('fail', (t, error: unknown) => {
      results.failed += 1;
      results.failures.push({ title: t.fullTitle(), error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    });
  });
}
