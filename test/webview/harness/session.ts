// The set-up every preview test file shares: one harness server and one Chromium for the file's tests,
// started before them and closed after, and a way to open a fresh preview page on them.
import { after, before } from 'node:test';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { PreviewPage, type PreviewPageOptions } from './preview-page';
import { startHarness, type HarnessServer } from './server';

export interface PreviewSession {
  open(options?: PreviewPageOptions): Promise<PreviewPage>;
}

export function previewSession(): PreviewSession {
  let browser: Browser | undefined;
  let server: HarnessServer | undefined;
  before(async () => {
    server = await startHarness();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    open(options) {
      if (!browser || !server) throw new Error('the preview session has not started: call previewSession() at the top of the test file');
      return PreviewPage.open(browser, server, options);
    },
  };
}
