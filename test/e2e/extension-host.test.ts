// Runs the whole extension-host suite (test/extension-host/, mocha against the `vscode` API)
// inside a real VS Code 1.100 (code-server), launched through @vscode/test-electron's runTests()
// exactly as on a desktop, with scripts/e2e/vscode-via-code-server.sh standing in for the
// VS Code executable that cannot be downloaded here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { repoRoot, requireChromium, requireCodeServer } from '../../scripts/e2e/paths';
import { runExtensionHostSuite } from '../extension-host/launch';

const launcher = join(repoRoot, 'scripts', 'e2e', 'vscode-via-code-server.sh');

test('the extension-host suite passes inside VS Code 1.100 (code-server)', { timeout: 300_000 }, async () => {
  requireCodeServer();
  requireChromium();
  const results = await runExtensionHostSuite({ vscodeExecutablePath: launcher });
  console.log(`extension-host suite: ${results.passed} passed, ${results.failed} failed, ${results.pending} pending`);
  assert.deepEqual(results.failures, [], 'extension-host tests failed');
  assert.equal(results.failed, 0);
  assert.equal(results.pending, 0, 'no extension-host test may be skipped');
  assert.ok(results.passed > 0, 'the extension-host suite ran no test');
});
