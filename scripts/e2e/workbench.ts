// What a person does in the VS Code workbench, as Playwright steps against code-server 1.100's DOM.
// Every helper waits for what it expects to see, with the locator's time-out, never for a fixed time.
import type { Page } from 'playwright-core';
import type { Browser } from './browser';
import { workbenchUrl } from './browser';

/** Opens the workbench on `folder` and waits until the explorer lists its files. */
export async function openWorkbench(browser: Browser, origin: string, folder: string): Promise<Page> {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  // Generous: on a busy 2-core machine the workbench's first steps can take many seconds.
  page.setDefaultTimeout(60_000);
  await page.goto(workbenchUrl(origin, folder));
  await page.locator('.monaco-workbench .part.editor').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  return page;
}

/** Names of the rows the explorer shows. */
export async function explorerRows(page: Page): Promise<string[]> {
  return page.locator('.explorer-folders-view .monaco-list-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? ''));
}

/** Opens a workspace file by name through Quick Open (Ctrl+P), as a person does. */
export async function openFile(page: Page, fileName: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(fileName);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: fileName }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab.active[data-resource-name="${fileName}"]`).waitFor();
  await focusEditor(page);
}

/** Puts the keyboard focus in the active text editor (View: Focus First Editor Group, Ctrl+1). */
export async function focusEditor(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+1');
  await page.locator('.editor-group-container.active .monaco-editor.focused').waitFor();
}

/** Runs a command by its title through the command palette (F1). */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** Moves the cursor of the active editor to a 1-based line and column (Ctrl+G). */
export async function goToLine(page: Page, line: number, column = 1): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  await page.locator('.statusbar-item[id="status.editor.selection"]', { hasText: `Ln ${line}, Col ${column}` }).waitFor();
}

/** The "Ln X, Col Y" (and selection) text of the status bar. */
export async function cursorStatus(page: Page): Promise<string> {
  return (await page.locator('.statusbar-item[id="status.editor.selection"]').innerText()).trim();
}

export const problems = {
  /** Opens the Problems panel (Ctrl+Shift+M) and waits for it. */
  async open(page: Page): Promise<void> {
    if (!(await page.locator('.markers-panel').isVisible())) await page.keyboard.press('Control+Shift+M');
    await page.locator('.markers-panel').waitFor();
  },
  /** The problem rows as the panel reads them (aria-labels: message, source, position). */
  async rows(page: Page): Promise<string[]> {
    return page.locator('.markers-panel .monaco-list-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('aria-label') ?? r.textContent ?? ''));
  },
  /** Waits until a problem row contains `text`. */
  async waitForRow(page: Page, text: string): Promise<void> {
    await page.locator('.markers-panel .monaco-list-row', { hasText: text }).first().waitFor();
  },
  /** Waits until the panel says the workspace has no problems. */
  async waitForNone(page: Page): Promise<void> {
    await page.locator('.markers-panel .monaco-list-row').first().waitFor({ state: 'detached' });
    await page.locator('.markers-panel .message-box-container', { hasText: 'No problems' }).waitFor();
  },
};

/** Error squiggles currently drawn in the active editor. */
export function errorSquiggles(page: Page) {
  return page.locator('.editor-group-container.active .monaco-editor .squiggly-error');
}

/** The language mode the status bar shows for the active editor (e.g. `JSON`, `CALM`). */
export function languageStatus(page: Page) {
  return page.locator('.statusbar-item[id="status.editor.mode"]');
}

/** Waits until the status bar shows `mode` as the active editor's language. */
export async function waitForLanguageMode(page: Page, mode: string): Promise<void> {
  await page.locator('.statusbar-item[id="status.editor.mode"]', { hasText: new RegExp(`^\\s*${mode}\\s*$`) }).waitFor();
}

export const sidebar = {
  /** Opens a view container from the activity bar by its title (e.g. `CALM`), as a click does. */
  async open(page: Page, title: string): Promise<void> {
    const item = page.locator(`.activitybar .action-item a[aria-label^="${title}"]`).first();
    await item.click();
    await page.locator(`.sidebar .composite.title h2`, { hasText: new RegExp(`^\\s*${title}`, 'i') }).first().waitFor();
  },
  /** The rows of the sidebar's trees, in screen order, as their labels read. */
  rows(page: Page) {
    return page.locator('.sidebar .pane-body .monaco-list-row');
  },
  async rowLabels(page: Page): Promise<string[]> {
    return page.locator('.sidebar .pane-body .monaco-list-row').evaluateAll((rows) =>
      rows.map((r) => (r.querySelector('.label-name')?.textContent ?? r.textContent ?? '').trim()),
    );
  },
  /** Clicks a title-bar action of a sidebar view by its title (e.g. `Search Model Elements`). */
  async viewAction(page: Page, title: string): Promise<void> {
    await page.locator(`.sidebar .pane-header .actions a[aria-label^="${title}"], .sidebar .title-actions a[aria-label^="${title}"]`).first().click();
  },
};

/**
 * The page inside a webview panel: VS Code nests it two iframes deep. With `title`, the webview of the
 * editor tab whose label starts with it.
 */
export function webview(page: Page) {
  return page.frameLocator('iframe.webview.ready').first().frameLocator('#active-frame');
}

/** The editor tabs' labels, in order. */
export async function tabLabels(page: Page): Promise<string[]> {
  return page.locator('.tabs-container .tab').evaluateAll((tabs) => tabs.map((t) => t.getAttribute('aria-label') ?? ''));
}
