// `npm run demo`: the product as a person meets it. Installs code-server if needed, builds and
// packages the extension, installs the .vsix into a fresh code-server (a real VS Code 1.100 in the
// browser), opens examples/ with the e-commerce architecture in the editor, and prints the URL.
// Ctrl+C stops everything. Options: --port N (default: a free port), --no-build (reuse the .vsix).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { startCodeServer } from './e2e/code-server';
import { examplesDir, repoRoot, requireVsix } from './e2e/paths';

const DEMO_FILE = 'ecommerce-platform.json';

interface DemoOptions {
  port?: number;
  build: boolean;
}

function parseArgs(argv: readonly string[]): DemoOptions {
  const options: DemoOptions = { build: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-build') options.build = false;
    else if (arg === '--port') options.port = Number(argv[++i]);
    else throw new Error(`unknown option ${arg}; usage: npm run demo -- [--port N] [--no-build]`);
  }
  if (options.port !== undefined && !(Number.isInteger(options.port) && options.port > 0 && options.port < 65536)) {
    throw new Error('--port needs a port number');
  }
  return options;
}

function step(title: string, command: string, args: readonly string[]): void {
  console.log(`\n[demo] ${title}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${title} failed (${result.status ?? result.signal})`);
}

/** The workbench URL that opens examples/ and shows the e-commerce architecture in the editor. */
export function demoUrl(origin: string, authority: string): string {
  const payload = JSON.stringify([['openFile', `vscode-remote://${authority}${join(examplesDir, DEMO_FILE)}`]]);
  // The folder stays readable; the payload (quotes, brackets) must be encoded to survive a terminal.
  return `${origin}/?folder=${encodeURI(examplesDir)}&payload=${encodeURIComponent(payload)}`;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  step('installing code-server and Chromium if missing', 'bash', ['scripts/e2e/install.sh']);
  if (options.build) step('building and packaging the extension', 'npm', ['run', '--silent', 'package']);
  const vsix = requireVsix();

  console.log(`\n[demo] starting VS Code (code-server) with ${vsix} installed`);
  const server = await startCodeServer({
    vsix: [vsix],
    folder: examplesDir,
    port: options.port,
    // examples/ lies inside this repository: no prompt to open the repository in its parent folder.
    settings: { 'git.openRepositoryInParentFolders': 'never' },
  });
  const url = demoUrl(server.origin, server.authority);
  console.log(`\n[demo] VS Code with CALM Lens is ready. Open this URL in a browser:\n\n  ${url}\n`);
  console.log(`[demo] (${server.origin}/ opens examples/ too.) Press Ctrl+C to stop.`);

  const shutdown = (): void => {
    console.log('\n[demo] stopping');
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(`[demo] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
