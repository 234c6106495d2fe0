// Debian's Chromium driven by playwright-core, pointed at a code-server workbench.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { requireChromium, resultsDir } from './paths';
import { onExitCleanup } from './processes';

export interface Browser {
  readonly context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(options: { headless?: boolean } = {}): Promise<Browser> {
  const executablePath = requireChromium();
  const profile = mkdtempSync(join(tmpdir(), 'calm-lens-chromium-'));
  const removeProfile = (): void => rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  const exitCleanup = onExitCleanup(removeProfile);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: options.headless ?? true,
    viewport: { width: 1400, height: 900 },
    timeout: 60_000,
    // Chromium keeps crash reports and caches under XDG folders ($HOME otherwise).
    env: { ...process.env, XDG_CONFIG_HOME: join(profile, 'xdg-config'), XDG_CACHE_HOME: join(profile, 'xdg-cache') },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  let closed = false;
  return {
    context,
    async close() {
      if (closed) return;
      closed = true;
      await context.close().catch(() => undefined);
      removeProfile();
      exitCleanup.dispose();
    },
  };
}

/** The workbench URL with `folder` open, plus any extra query parameters (e.g. `payload`). */
export function workbenchUrl(origin: string, folder: string, extra: Readonly<Record<string, string>> = {}): string {
  const url = new URL(origin + '/');
  url.searchParams.set('folder', folder);
  for (const [k, v] of Object.entries(extra)) url.searchParams.set(k, v);
  return url.toString();
}

/**
 * Numbered screenshots of one scenario: `test-results/<scenario>/01-<step>.png`, … —
 * the evidence a person looks at.
 */
export class Steps {
  private count = 0;
  readonly dir: string;

  constructor(private readonly page: Page, scenario: string) {
    this.dir = join(resultsDir, scenario);
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
  }

  async shot(step: string): Promise<string> {
    this.count += 1;
    const file = join(this.dir, `${String(this.count).padStart(2, '0')}-${step}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }
}
