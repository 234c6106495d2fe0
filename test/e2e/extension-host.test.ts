// Runs the whole extension-host suite (test/extension-host/, mocha against the `vscode` API)
// inside a real VS Code 1.100 (code-server), launched through @vscode/test-electron's runTests()
// exactly as on a desktop, with scripts/e2e/vscode-via-code-server.sh standing in for the
// VS Code executable that cannot be downloaded here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { repoRoot, requireChromium, requireCodeServer, resultsDir } from '../../scripts/e2e/paths';
import { copyOfExamples } from '../../scripts/e2e/workspace';
import { RESULTS_FILE_ENV, type ExtensionHostResults } from '../extension-host/protocol';

const testsModule = join(repoRoot, 'out', 'test', 'extension-host', 'index.js');
const launcher = join(repoRoot, 'scripts', 'e2e', 'vscode-via-code-server.sh');

test('the extension-host suite passes inside VS Code 1.100 (code-server)', { timeout: 300_000 }, async () => {
  requireCodeServer();
  requireChromium();
  assert.ok(existsSync(testsModule), `${testsModule} is missing: run \`npm run build\``);
  const resultsFile = join(resultsDir, 'extension-host', 'results.json');
  rmSync(resultsFile, { force: true });
  const workspace = copyOfExamples();
  try {
    const exitCode = await runTests({
      vscodeExecutablePath: launcher,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: testsModule,
      launchArgs: [workspace.dir],
      extensionTestsEnv: { [RESULTS_FILE_ENV]: resultsFile },
    }).catch((error: unknown) => {
      const detail = existsSync(resultsFile) ? readFileSync(resultsFile, 'utf8') : '(no results file written)';
      throw new Error(`${error instanceof Error ? error.message : String(error)}\n${detail}`);
    });
    assert.equal(exitCode, 0);
  } finally {
    workspace.dispose();
  }
  const results = JSON.parse(readFileSync(resultsFile, 'utf8')) as ExtensionHostResults;
  console.log(`extension-host suite: ${results.passed} passed, ${results.failed} failed, ${results.pending} pending`);
  assert.deepEqual(results.failures, []);
  assert.equal(results.pending, 0, 'no extension-host test may be skipped');
  assert.ok(results.passed > 0, 'the extension-host suite ran no test');
});
