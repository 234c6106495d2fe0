/** One preview page in Chromium, and what the tests do with it: post messages in, read what it posted. */
import type { Browser, Page } from 'playwright-core';
import type { CalmModelView, ElementRef } from '../../../server/src/protocol';
import { toPreviewModel, type FromWebview, type RenderedInfo, type ToWebview } from '../../../webview/src/messages';
import type { HarnessServer } from './server';

export interface PreviewPageOptions {
  readonly deadlineMs?: number;
  readonly width?: number;
  readonly height?: number;
}

export class PreviewPage {
  private constructor(
    readonly page: Page,
    readonly errors: string[],
    private readonly server: HarnessServer,
  ) {}

  static async open(browser: Browser, server: HarnessServer, options: PreviewPageOptions = {}): Promise<PreviewPage> {
    const page = await browser.newPage({ viewport: { width: options.width ?? 1280, height: options.height ?? 860 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(server.pageUrl({ deadlineMs: options.deadlineMs }));
    const preview = new PreviewPage(page, errors, server);
    await preview.waitForPosted('ready');
    return preview;
  }

  async posted(): Promise<FromWebview[]> {
    return this.page.evaluate(() => (window as unknown as { __calmPosted: FromWebview[] }).__calmPosted);
  }

  /** Waits (each animation frame) until the page has posted a message of `type` with these field values, after the first `skip` messages. */
  async waitForPosted<K extends FromWebview['type']>(type: K, fields: Readonly<Record<string, unknown>> = {}, skip = 0): Promise<Extract<FromWebview, { type: K }>> {
    const handle = await this.page.waitForFunction(
      ({ type, fields, skip }) =>
        (window as unknown as { __calmPosted: Record<string, unknown>[] }).__calmPosted.slice(skip).find((m) => m.type === type && Object.entries(fields).every(([k, v]) => JSON.stringify(m[k]) === JSON.stringify(v))) ?? false,
      { type, fields, skip },
      { timeout: 60_000, polling: 'raf' },
    );
    return (await handle.jsonValue()) as Extract<FromWebview, { type: K }>;
  }

  /**
   * Posts a message in as VS Code would: as JSON text parsed in the page. The page fetches the text from
   * the test's server (Playwright's own argument transfer is slow for megabytes, which would be ours to blame).
   */
  async deliver(message: ToWebview): Promise<void> {
    const url = this.server.stash(JSON.stringify(message));
    await this.page.evaluate((u) => (window as unknown as { __calmDeliverFrom: (url: string) => Promise<void> }).__calmDeliverFrom(u), url);
  }

  /** Posts a model and waits for the page to report it drawn (the `rendered` message of that version). */
  async show(model: CalmModelView, uri = model.uri): Promise<RenderedInfo> {
    const before = (await this.posted()).length;
    await this.deliver({ type: 'model', uri, documentName: 'test.json', model: toPreviewModel(model) });
    const version = model.version;
    const handle = await this.page.waitForFunction(
      ({ before, version }) => (window as unknown as { __calmPosted: { type: string; version?: number }[] }).__calmPosted.slice(before).find((m) => (m.type === 'rendered' || m.type === 'layoutFailed') && m.version === version) ?? false,
      { before, version },
      { timeout: 60_000, polling: 'raf' },
    );
    const message = (await handle.jsonValue()) as FromWebview;
    if (message.type !== 'rendered') throw new Error(`not rendered: ${JSON.stringify(message)}`);
    return message;
  }

  async select(element: ElementRef | null): Promise<void> {
    await this.deliver({ type: 'select', element });
  }

  async close(): Promise<void> {
    await this.page.close();
  }
}
