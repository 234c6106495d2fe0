// The diagram preview: `calm.openPreview` opens one panel per document, and its page (running under
// VS Code's webview CSP) reports what it drew. Counts come from the page's `rendered` message.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { calmLens, openCalmEditor, workspaceFile, writeWorkspaceFile } from './helpers';

const SMALL_ARCHITECTURE = JSON.stringify(
  {
    $schema: 'https://calm.finos.org/release/1.1/meta/calm.json',
    nodes: [
      { 'unique-id': 'shop', 'node-type': 'service', name: 'Shop', description: 'The shop' },
      { 'unique-id': 'db', 'node-type': 'database', name: 'Database', description: 'Its data' },
    ],
    relationships: [{ 'unique-id': 'shop-db', 'relationship-type': { connects: { source: { node: 'shop' }, destination: { node: 'db' } } } }],
  },
  null,
  2,
);

export function previewSuite(): void {
  suite('diagram preview', () => {
    suiteTeardown(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    test('calm.openPreview opens a panel that draws the 9 nodes of the example', async () => {
      const api = await calmLens();
      const uri = workspaceFile('ecommerce-platform.json');
      await openCalmEditor(uri);
      await vscode.commands.executeCommand('calm.openPreview');
      const rendered = await api.preview.whenRendered(uri.toString());
      assert.equal(rendered.nodes, 9);
      assert.equal(rendered.stale, false);
      const panels = api.preview.panels().filter((p) => p.uri === uri.toString());
      assert.equal(panels.length, 1);
    });

    test('opening it again for the same document keeps one panel', async () => {
      const api = await calmLens();
      const uri = workspaceFile('ecommerce-platform.json');
      await openCalmEditor(uri);
      await vscode.commands.executeCommand('calm.openPreview');
      await vscode.commands.executeCommand('calm.openPreview', uri);
      assert.equal(api.preview.panels().filter((p) => p.uri === uri.toString()).length, 1);
    });

    test('the "Show in diagram" lens command opens the diagram and selects that node', async () => {
      const api = await calmLens();
      const uri = workspaceFile('ecommerce-platform.json');
      await openCalmEditor(uri);
      await vscode.commands.executeCommand('calm.showInDiagram', 'order-database', uri.toString());
      await api.preview.whenRendered(uri.toString());
      assert.equal(api.preview.panels().filter((p) => p.uri === uri.toString()).length, 1);
      assert.deepEqual(api.selection.current?.element, { kind: 'node', uniqueId: 'order-database' });
    });

    test('another document gets a panel of its own', async () => {
      const api = await calmLens();
      const first = workspaceFile('ecommerce-platform.json');
      const second = await writeWorkspaceFile('small.calm.json', SMALL_ARCHITECTURE);
      await openCalmEditor(second);
      await vscode.commands.executeCommand('calm.openPreview');
      const rendered = await api.preview.whenRendered(second.toString());
      assert.equal(rendered.nodes, 2);
      const uris = api.preview.panels().map((p) => p.uri).sort();
      assert.deepEqual(uris, [first.toString(), second.toString()].sort());
    });
  });
}
