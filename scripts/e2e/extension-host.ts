// Runs an extension-host test module (the kind @vscode/test-electron runs in desktop VS Code)
// inside code-server: the browser workbench accepts extensionDevelopmentPath/extensionTestsPath
// in its `payload` URL parameter, and reports the run through two functions the page calls.
import { format } from 'node:util';
import { launchBrowser, workbenchUrl } from './browser';
import { startCodeServer } from './code-server';
import { START_MARKER } from '../../test/extension-host/protocol';

export interface ExtensionHostTestOptions {
  /** Folder of the extension under test (its package.json). */
  extensionDevelopmentPath: string;
  /** The compiled test module exporting `run(): Promise<void>`. */
  extensionTestsPath: string;
  /** Workspace folder opened for the tests. */
  folder: string;
  /** Environment for the extension host (code-server passes its own on). */
  env?: Readonly<Record<string, string>>;
  timeoutMs?: number;
  /**
   * Receives each line logged from the moment the test module starts; defaults to this
   * process's stdout. The workbench's start-up chatter before it is kept in `lines` only.
   */
  onLog?: (line: string) => void;
}

export interface ExtensionHostTestRun {
  /** 0 when the test module's run() resolved. */
  exitCode: number;
  lines: string[];
}

export async function runExtensionHostTests(options: ExtensionHostTestOptions): Promise<ExtensionHostTestRun> {
  const timeoutMs = options.timeoutMs ?? 180_000;
  const onLog = options.onLog ?? ((line: string) => process.stdout.write(line + '\n'));
  const lines: string[] = [];
  let started = false;
  const server = await startCodeServer({ env: options.env });
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    browser = await launchBrowser();
    const page = await browser.context.newPage();
    const exit = new Promise<number>((resolve, reject) => {
      page.exposeFunction('codeAutomationExit', (code: unknown) => resolve(typeof code === 'number' ? code : 1)).catch(reject);
      timer = setTimeout(() => reject(new Error(`the extension-host tests did not finish within ${timeoutMs} ms`)), timeoutMs);
      page.once('crash', () => reject(new Error('the workbench page crashed')));
    });
    await page.exposeFunction('codeAutomationLog', (_type: unknown, args: unknown) => {
      const text = Array.isArray(args) ? format(...(args as unknown[])) : format(args);
      for (const line of text.replace(/\n$/, '').split('\n')) {
        lines.push(line);
        if (line === START_MARKER) started = true;
        else if (started) onLog(line);
      }
    });
    const remote = (path: string): string => `vscode-remote://${server.authority}${path}`;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', remote(options.extensionDevelopmentPath)],
      ['extensionTestsPath', remote(options.extensionTestsPath)],
    ]);
    await page.goto(workbenchUrl(server.origin, options.folder, { payload }));
    const exitCode = await exit;
    // A run that never reached the test module (e.g. it failed to load) shows everything.
    if (!started) for (const line of lines) onLog(line);
    return { exitCode, lines };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}\n--- code-server log ---\n${server.log()}`);
  } finally {
    clearTimeout(timer);
    await browser?.close();
    await server.stop();
  }
}
