// Stands in for the VS Code executable that @vscode/test-electron's runTests() launches:
// `runTests({ vscodeExecutablePath: 'scripts/e2e/vscode-via-code-server.sh', ... })` runs the same
// extension-host suite inside code-server on machines where desktop VS Code cannot be downloaded.
// It reads the arguments runTests passes (--extensionDevelopmentPath=, --extensionTestsPath=,
// a folder) and ignores the desktop-only ones (--no-sandbox, --user-data-dir=, ...).
import { resolve } from 'node:path';
import { runExtensionHostTests } from './extension-host';

interface LaunchArgs {
  extensionDevelopmentPath: string;
  extensionTestsPath: string;
  folder: string;
}

function parseArgs(argv: readonly string[]): LaunchArgs {
  let extensionDevelopmentPath: string | undefined;
  let extensionTestsPath: string | undefined;
  let folder: string | undefined;
  for (const arg of argv) {
    const [name, value] = arg.split(/=(.*)/s, 2);
    if (name === '--extensionDevelopmentPath' && value) extensionDevelopmentPath = resolve(value);
    else if (name === '--extensionTestsPath' && value) extensionTestsPath = resolve(value);
    else if (!arg.startsWith('-')) folder = resolve(arg);
  }
  if (!extensionDevelopmentPath || !extensionTestsPath || !folder) {
    throw new Error('usage: vscode-via-code-server <folder> --extensionDevelopmentPath=DIR --extensionTestsPath=FILE');
  }
  return { extensionDevelopmentPath, extensionTestsPath, folder };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const run = await runExtensionHostTests(args);
  return run.exitCode;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
