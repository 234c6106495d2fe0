// The one way the extension-host suite is launched, whichever VS Code runs it: @vscode/test-electron's
// runTests() with a scratch copy of examples/ as the workspace. Without `vscodeExecutablePath` it
// downloads desktop VS Code (where the network allows); the e2e suite passes the code-server stand-in.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { repoRoot, resultsDir } from '../../scripts/e2e/paths';
import { copyOfExamples } from '../../scripts/e2e/workspace';
import { RESULTS_FILE_ENV, type ExtensionHostResults } from './protocol';

export const testsModule = join(repoRoot, 'out', 'test', 'extension-host', 'index.js');

export async function runExtensionHostSuite(options: { vscodeExecutablePath?: string; version?: string } = {}): Promise<ExtensionHostResults> {
  if (!existsSync(testsModule)) throw new Error(`${testsModule} is missing: run \`npm run build\` first`);
  const resultsFile = join(resultsDir, 'extension-host', 'results.json');
  rmSync(resultsFile, { force: true });
  const workspace = copyOfExamples();
  try {
    await runTests({
      vscodeExecutablePath: options.vscodeExecutablePath,
      version: options.version,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: testsModule,
      // An empty extensions folder: only the extension under development runs.
      launchArgs: [workspace.dir, '--disable-extensions'],
      extensionTestsEnv: { [RESULTS_FILE_ENV]: resultsFile },
    });
  } catch (error) {
    // A failing suite still wrote its counts and failures; they say more than the exit code.
    if (!existsSync(resultsFile)) throw error;
  } finally {
    workspace.dispose();
  }
  return JSON.parse(readFileSync(resultsFile, 'utf8')) as ExtensionHostResults;
}
