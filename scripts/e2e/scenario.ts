// One UI scenario: code-server with the packaged extension, Chromium on a scratch copy of examples/,
// and numbered screenshots of every step under test-results/<scenario>/ (also of a failing step).
import type { Page } from 'playwright-core';
import { launchBrowser, Steps, type Browser } from './browser';
import { startCodeServer, type CodeServer } from './code-server';
import { requireChromium, requireCodeServer, requireVsix } from './paths';
import { openWorkbench } from './workbench';
import { copyOfExamples, type ScratchWorkspace } from './workspace';

export class Scenario {
  private server: CodeServer | undefined;
  private browser: Browser | undefined;
  private workspace: ScratchWorkspace | undefined;
  private steps: Steps | undefined;
  private currentPage: Page | undefined;
  private passed = 0;
  private failed = 0;

  constructor(private readonly name: string) {}

  /** Starts everything; fails with the command to run when code-server, Chromium or the .vsix is missing. */
  async start(): Promise<Page> {
    requireCodeServer();
    requireChromium();
    const vsix = requireVsix();
    this.workspace = copyOfExamples();
    this.server = await startCodeServer({ vsix: [vsix] });
    this.browser = await launchBrowser();
    this.currentPage = await openWorkbench(this.browser, this.server.origin, this.workspace.dir);
    this.steps = new Steps(this.currentPage, this.name);
    return this.currentPage;
  }

  get page(): Page {
    if (!this.currentPage) throw new Error('the scenario has not started');
    return this.currentPage;
  }

  get workspaceDir(): string {
    if (!this.workspace) throw new Error('the scenario has not started');
    return this.workspace.dir;
  }

  /** Runs one step and saves a screenshot of how it ended, pass or fail. */
  async step(name: string, body: (page: Page) => Promise<void>): Promise<void> {
    try {
      await body(this.page);
      this.passed += 1;
    } catch (error) {
      this.failed += 1;
      throw error;
    } finally {
      await this.steps?.shot(name).catch(() => undefined);
    }
  }

  /** Stops everything it started and prints the step counts. */
  async stop(): Promise<void> {
    console.log(`${this.name}: ${this.passed} passed, ${this.failed} failed (screenshots: ${this.steps?.dir ?? 'none'})`);
    await this.browser?.close();
    await this.server?.stop();
    this.workspace?.dispose();
  }
}
