// The selection hub in a real VS Code: the editor cursor publishes the element it is in (through the
// server's calm/elementAt), and revealInEditor selects an element's definition without taking focus.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CalmSelection } from '../../client/src/selection-hub';
import { calmLens, openInEditor, waitFor, workspaceFile } from './helpers';

function positionOf(document: vscode.TextDocument, snippet: string, after = 0): vscode.Position {
  const at = document.getText().indexOf(snippet, after);
  assert.ok(at >= 0, `${snippet} is not in ${document.uri.toString()}`);
  return document.positionAt(at + 1);
}

function rangeOf(document: vscode.TextDocument, snippet: string): vscode.Range {
  const at = document.getText().indexOf(snippet);
  return new vscode.Range(document.positionAt(at), document.positionAt(at + snippet.length));
}

export function selectionSuite(): void {
  suite('selection hub', () => {
    const uri = workspaceFile('ecommerce-platform.json');

    test('moving the cursor into a node publishes it, with origin editor', async () => {
      const api = await calmLens();
      const editor = await openInEditor(uri);
      await api.ready;
      await waitFor(api.calmContext.onDidChange, () => (api.calmContext.isCalm(uri.toString()) ? true : undefined), 'the example to be recognised as CALM');
      const published = waitFor(
        api.selection.onDidSelect,
        () => {
          const current = api.selection.current;
          return current?.element.uniqueId === 'order-service' ? current : undefined;
        },
        'the cursor to select order-service',
      );
      const position = positionOf(editor.document, '"name": "Order Service"');
      editor.selection = new vscode.Selection(position, position);
      const selection = await published;
      assert.deepEqual(selection, { uri: uri.toString(), element: { kind: 'node', uniqueId: 'order-service' }, origin: 'editor' });
      assert.deepEqual(api.selection.current, selection);
    });

    test('revealInEditor selects the unique-id of the definition', async () => {
      const api = await calmLens();
      const editor = await openInEditor(uri);
      const revealed = await api.selection.revealInEditor(uri.toString(), { kind: 'relationship', uniqueId: 'gateway-to-orders' }, { preserveFocus: true });
      assert.equal(revealed, true);
      const active = vscode.window.activeTextEditor;
      assert.equal(active?.document.uri.toString(), uri.toString());
      assert.ok(active?.selection.isEqual(rangeOf(editor.document, '"gateway-to-orders"')), `selection is ${JSON.stringify(active?.selection)}`);

      assert.equal(await api.selection.revealInEditor(uri.toString(), { kind: 'interface', uniqueId: 'order-api' }), true);
      assert.ok(vscode.window.activeTextEditor?.selection.isEqual(rangeOf(editor.document, '"order-api"')));

      assert.equal(await api.selection.revealInEditor(uri.toString(), { kind: 'node', uniqueId: 'no-such-node' }), false);
    });

    test('a selection from another view reaches every subscriber as published', async () => {
      const api = await calmLens();
      const sent: CalmSelection = { uri: uri.toString(), element: { kind: 'flow', uniqueId: 'checkout' }, origin: 'diagram' };
      const received = new Promise<CalmSelection>((resolve) => {
        const sub = api.selection.onDidSelect((s) => {
          sub.dispose();
          resolve(s);
        });
      });
      api.selection.select(sent);
      assert.deepEqual(await received, sent);
    });
  });
}
