// The CALM tutorial as a person does it, in a real VS Code (code-server 1.100) with the packaged
// .vsix installed, driven through Chromium. Screenshots of every step: test-results/ui-tutorial/.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Scenario } from '../../scripts/e2e/scenario';
import { cursorStatus, errorSquiggles, explorerRows, focusEditor, goToLine, openFile, problems, sidebar, tabLabels, waitForLanguageMode, webview } from '../../scripts/e2e/workbench';

const FILE = 'ecommerce-platform.json';
const MISSING_NODE_MESSAGE = "'order-svc' does not refer to the unique-id of an existing node.";

/** Line and column (1-based) just after `order-service` in the first connects destination. */
function destinationEnd(text: string): { line: number; column: number } {
  const lines = text.split('\n');
  const destination = lines.findIndex((l) => l.includes('"destination"'));
  const line = lines.findIndex((l, i) => i > destination && l.includes('"node": "order-service"'));
  assert.ok(destination >= 0 && line > destination, 'the example has no connects destination naming order-service');
  return { line: line + 1, column: lines[line].indexOf('order-service') + 'order-service'.length + 1 };
}

/** Line and column (1-based) where the value of `"name": "<name>"` starts. */
function nameValue(text: string, name: string): { line: number; column: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes(`"name": "${name}"`));
  assert.ok(line >= 0, `the example has no node named ${name}`);
  return { line: line + 1, column: lines[line].indexOf(`"${name}"`) + 2 };
}

/** Line and column (1-based) of the `order-service` value of the node's own unique-id. */
function orderServiceDefinition(text: string): { line: number; column: number } {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('"unique-id": "order-service"'));
  assert.ok(line >= 0, 'the example does not define order-service');
  return { line: line + 1, column: lines[line].indexOf('"order-service"') + 1 };
}

describe('the tutorial in VS Code', { timeout: 300_000 }, () => {
  const scenario = new Scenario('ui-tutorial');

  before(async () => {
    await scenario.start();
  });
  after(async () => {
    await scenario.stop();
  });

  test('the workspace examples/ is open', async () => {
    await scenario.step('workspace-open', async (page) => {
      assert.ok((await explorerRows(page)).includes(FILE), `the explorer does not list ${FILE}`);
      await page.locator('.explorer-folders-view .monaco-list-row', { hasText: FILE }).waitFor();
    });
  });

  test('opening the e-commerce architecture: no problems', async () => {
    await scenario.step('file-open-no-problems', async (page) => {
      await openFile(page, FILE);
      // CALM Lens recognised the file: its language server switched it to the CALM language mode.
      await waitForLanguageMode(page, 'CALM');
      await problems.open(page);
      await problems.waitForNone(page);
    });
  });

  test('renaming a connects end to order-svc: a squiggle and a Problems entry', async () => {
    await scenario.step('rename-order-svc', async (page) => {
      const { line, column } = destinationEnd(readFileSync(join(scenario.workspaceDir, FILE), 'utf8'));
      await focusEditor(page);
      await goToLine(page, line, column);
      // Selects "service" of "order-service" and types over it, as a person would.
      await page.keyboard.press('Control+Shift+ArrowLeft');
      await page.keyboard.type('svc');
      // Word completions pop up while typing; a person dismisses them.
      await page.keyboard.press('Escape');
      const editedLine = page.locator('.editor-group-container.active .view-line', { hasText: '"node": "order-svc",' });
      await editedLine.waitFor();
      await problems.waitForRow(page, MISSING_NODE_MESSAGE);
      await errorSquiggles(page).first().waitFor();
      // One squiggle, drawn on the edited line, under the value (right of the "node" key).
      assert.equal(await errorSquiggles(page).count(), 1);
      const squiggle = await errorSquiggles(page).first().boundingBox();
      const lineBox = await editedLine.boundingBox();
      const key = await editedLine.locator('span', { hasText: /^"node"$/ }).first().boundingBox();
      assert.ok(squiggle && lineBox && key, 'the squiggle, the line and the key are on screen');
      const middle = squiggle.y + squiggle.height / 2;
      assert.ok(middle >= lineBox.y && middle <= lineBox.y + lineBox.height + 2, `squiggle at y=${squiggle.y}, line at y=${lineBox.y}`);
      assert.ok(squiggle.x > key.x + key.width, 'the squiggle is under the value, not the key');
      const rows = await problems.rows(page);
      assert.ok(rows.some((r) => r.includes(MISSING_NODE_MESSAGE)), `Problems: ${JSON.stringify(rows)}`);
    });
  });

  test('undo: the squiggle and the Problems entry are gone', async () => {
    await scenario.step('undo', async (page) => {
      await focusEditor(page);
      await page.keyboard.press('Control+Z');
      await page.locator('.editor-group-container.active .view-line', { hasText: '"node": "order-service",' }).first().waitFor();
      await problems.waitForNone(page);
      assert.equal(await errorSquiggles(page).count(), 0);
    });
  });

  test('Ctrl+Shift+C: the diagram shows the 9 nodes', async () => {
    await scenario.step('preview', async (page) => {
      await focusEditor(page);
      await page.keyboard.press('Control+Shift+C');
      await page.locator('.tabs-container .tab', { hasText: `Diagram: ${FILE}` }).waitFor();
      const nodes = webview(page).locator('svg.calm-diagram g.calm-node');
      await nodes.first().waitFor();
      assert.equal(await nodes.count(), 9);
      assert.ok((await tabLabels(page)).some((l) => l.startsWith(FILE)), 'the editor is still open beside the diagram');
    });
  });

  test('renaming Inventory Service and saving: the diagram shows the new name', async () => {
    await scenario.step('rename-node-save', async (page) => {
      const { line, column } = nameValue(readFileSync(join(scenario.workspaceDir, FILE), 'utf8'), 'Inventory Service');
      await page.locator('.tabs-container .tab', { hasText: FILE }).first().click();
      await focusEditor(page);
      await goToLine(page, line, column);
      // "Inventory Service" is two words: select both, type the new name, save.
      await page.keyboard.press('Control+Shift+ArrowRight');
      await page.keyboard.press('Control+Shift+ArrowRight');
      await page.keyboard.type('Warehouse');
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+S');
      await page.locator('.tabs-container .tab.active.dirty').waitFor({ state: 'detached' });
      const name = webview(page).locator('svg.calm-diagram g.calm-node[data-id="inventory-service"] .calm-name');
      await name.filter({ hasText: 'Warehouse' }).waitFor();
      assert.equal((await name.textContent())?.trim(), 'Warehouse');
      assert.equal(await webview(page).locator('svg.calm-diagram g.calm-node').count(), 9);
    });
  });

  test('the CALM sidebar lists 9 nodes and 8 relationships', async () => {
    await scenario.step('sidebar', async (page) => {
      await sidebar.open(page, 'CALM');
      await sidebar.rows(page).filter({ hasText: 'Nodes (9)' }).first().waitFor();
      const labels = await sidebar.rowLabels(page);
      assert.ok(labels.includes('Nodes (9)') && labels.includes('Relationships (8)'), JSON.stringify(labels));
    });
  });

  test('searching "order" shows Order Service and Order Database', async () => {
    await scenario.step('search-order', async (page) => {
      await sidebar.viewAction(page, 'Search Model Elements');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor();
      await input.fill('order');
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
      await sidebar.rows(page).filter({ hasText: "Filtered by 'order'" }).first().waitFor();
      await sidebar.rows(page).filter({ hasText: 'Order Service' }).first().waitFor();
      const labels = await sidebar.rowLabels(page);
      assert.ok(labels.includes('Order Service') && labels.includes('Order Database'), JSON.stringify(labels));
      assert.ok(!labels.includes('Payment Service') && !labels.includes('API Gateway'), JSON.stringify(labels));
    });
  });

  test('clicking Order Service highlights it in the diagram and selects its definition in the editor', async () => {
    await scenario.step('click-order-service', async (page) => {
      const { line, column } = orderServiceDefinition(readFileSync(join(scenario.workspaceDir, FILE), 'utf8'));
      await sidebar.rows(page).filter({ hasText: 'Order Service' }).first().click();
      await webview(page).locator('svg.calm-diagram g.calm-node.calm-selected[data-id="order-service"]').waitFor();
      assert.equal(await webview(page).locator('svg.calm-diagram .calm-selected').count(), 1, 'only Order Service is highlighted');
      const status = page.locator('.statusbar-item[id="status.editor.selection"]', { hasText: `Ln ${line}, Col ` });
      await status.waitFor();
      const text = await cursorStatus(page);
      // The selection is the unique-id value "order-service", quotes included; the cursor at its end.
      assert.equal(text, `Ln ${line}, Col ${column + 15} (15 selected)`);
    });
  });

  test('the three views side by side: tree, editor and diagram agree on Order Service', async () => {
    await scenario.step('overview', async (page) => {
      await page.locator('.markers-panel').waitFor();
      await page.keyboard.press('Control+J');
      await page.locator('.markers-panel').waitFor({ state: 'hidden' });
      await sidebar.rows(page).filter({ hasText: 'Order Service' }).first().waitFor();
      await page.locator('.editor-group-container .view-line', { hasText: '"unique-id": "order-service"' }).first().waitFor();
      await webview(page).locator('svg.calm-diagram g.calm-node.calm-selected[data-id="order-service"]').waitFor();
    });
  });
});
