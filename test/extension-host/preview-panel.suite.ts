// The diagram preview panel in a real VS Code (preview.suite.ts covers one panel per document): it opens
// beside the editor without taking the focus, its page reports what it drew (through the API), a click in the
// diagram selects the definition in the editor, unknown messages are ignored, it redraws on save
// (or on change), reuses the layout when only names change, and exports.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RenderedInfo } from '../../webview/src/messages';
import { calmLens, openCalmEditor, setSetting, waitFor, workspaceFile } from './helpers';

function rangeOf(document: vscode.TextDocument, snippet: string): vscode.Range {
  const at = document.getText().indexOf(snippet);
  assert.ok(at >= 0, `${snippet} is not in the document`);
  return new vscode.Range(document.positionAt(at), document.positionAt(at + snippet.length));
}

async function closePreviews(): Promise<void> {
  const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('calm.preview'));
  await vscode.window.tabGroups.close(tabs);
}

async function replaceInDocument(editor: vscode.TextEditor, from: string, to: string): Promise<void> {
  const ok = await editor.edit((edit) => edit.replace(rangeOf(editor.document, from), to));
  assert.ok(ok, `could not replace ${from}`);
}

export function previewPanelSuite(): void {
  suite('diagram preview panel', () => {
    const uri = () => workspaceFile('ecommerce-platform.json');

    // The workspace is shared with the suites that follow: the example goes back to what it was.
    let original = '';
    suiteSetup(async () => {
      original = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri()));
    });

    suiteTeardown(async () => {
      await setSetting('calm.preview', 'updateOn', undefined);
      await closePreviews();
      const document = await vscode.workspace.openTextDocument(uri());
      if (document.getText() !== original) {
        const edit = new vscode.WorkspaceEdit();
        edit.replace(uri(), new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), original);
        await vscode.workspace.applyEdit(edit);
      }
      if (document.isDirty) await document.save();
      await vscode.workspace.fs.delete(workspaceFile('ecommerce-platform.svg')).then(undefined, () => undefined);
    });

    test('Open Preview draws the example beside the editor, keeps the focus in the editor, and a second call reuses the panel', async () => {
      const api = await calmLens();
      const editor = await openCalmEditor(uri());
      const key = uri().toString();
      const rendered = api.preview.whenRendered(key);
      await vscode.commands.executeCommand('calm.openPreview');
      const first = await rendered;
      assert.deepEqual([first.nodes, first.edges, first.containers, first.strategy, first.stale], [9, 7, 1, 'layered', false]);
      const panels = api.preview.panels().filter((p) => p.uri === key);
      assert.equal(panels.length, 1);
      assert.ok(panels[0].viewColumn !== undefined && editor.viewColumn !== undefined && panels[0].viewColumn > editor.viewColumn, 'the diagram is not beside the editor');
      assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), key, 'the diagram took the focus');

      await vscode.commands.executeCommand('calm.openPreview', uri());
      assert.equal(api.preview.panels().filter((p) => p.uri === key).length, 1, 'a second Open Preview opened a second panel');
    });

    test('a click in the diagram selects the definition in the editor, and messages that are not ours do nothing', async () => {
      const api = await calmLens();
      const editor = await openCalmEditor(uri());
      const key = uri().toString();
      await api.preview.whenRendered(key);
      editor.selection = new vscode.Selection(0, 0, 0, 0);
      const selected = waitFor(
        vscode.window.onDidChangeTextEditorSelection,
        () => {
          const active = vscode.window.activeTextEditor;
          return active?.document.uri.toString() === key && !active.selection.isEmpty ? active.document.getText(active.selection) : undefined;
        },
        'a selection in the editor',
      );
      // None of these may move the selection: the first selection seen must be the valid reveal's.
      await api.preview.receive(key, { type: 'reveal', element: { kind: 'node', uniqueId: 'no-such-node' } });
      await api.preview.receive(key, { type: 'reveal', element: { kind: 'file', uniqueId: '/etc/passwd' } });
      await api.preview.receive(key, { type: 'runCommand', command: 'workbench.action.closeWindow' });
      await api.preview.receive(key, { type: 'reveal', element: { kind: 'node', uniqueId: 'order-database' } });
      assert.equal(await selected, '"order-database"');
      assert.deepEqual(api.selection.current, { uri: key, element: { kind: 'node', uniqueId: 'order-database' }, origin: 'diagram' });
    });

    test('with updateOn "save" an edit redraws when saved; a name change reuses the layout, a new node does not', async () => {
      const api = await calmLens();
      const editor = await openCalmEditor(uri());
      const key = uri().toString();
      const before = await api.preview.whenRendered(key);
      await replaceInDocument(editor, '"name": "Order Service"', '"name": "Orders"');
      const afterSave = api.preview.whenRendered(key, (r: RenderedInfo) => r.version > before.version);
      await editor.document.save();
      const renamed = await afterSave;
      assert.equal(renamed.relaidOut, false, 'a name change laid the diagram out again');

      await setSetting('calm.preview', 'updateOn', 'change');
      const onChange = api.preview.whenRendered(key, (r: RenderedInfo) => r.version > renamed.version && r.nodes === 10);
      await replaceInDocument(editor, '"nodes": [', '"nodes": [\n    { "unique-id": "audit-log", "node-type": "database", "name": "Audit Log" },');
      const grown = await onChange;
      assert.equal(grown.relaidOut, true);
      assert.equal(editor.document.isDirty, true, 'the redraw came from a save, not from the change');
    });

    test('Export writes a standalone SVG of the diagram', async () => {
      const api = await calmLens();
      await openCalmEditor(uri());
      const key = uri().toString();
      await api.preview.whenRendered(key);
      const target = workspaceFile('ecommerce-platform.svg');
      await api.preview.exportDiagram(key, 'svg', target);
      const svg = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
      assert.match(svg, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg /);
      assert.ok(!svg.includes('var(--'), 'the export depends on the theme variables of the page');
      assert.ok((svg.match(/<g class="calm-node /g)?.length ?? 0) >= 9);
    });
  });
}
