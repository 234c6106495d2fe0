// Renders images/icon.svg to images/icon.png (128x128, the Marketplace icon) with the same Chromium
// the UI tests use: `node --import tsx scripts/render-icon.ts`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from './e2e/browser';
import { repoRoot } from './e2e/paths';

async function main(): Promise<void> {
  const svg = readFileSync(join(repoRoot, 'images', 'icon.svg'), 'utf8');
  const browser = await launchBrowser();
  try {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 128, height: 128 });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg}</body></html>`);
    await page.locator('svg').screenshot({ path: join(repoRoot, 'images', 'icon.png'), omitBackground: true });
  } finally {
    await browser.close();
  }
}

void main();
