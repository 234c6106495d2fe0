// The extension activates for JSON files but starts its language server, and treats a document as
// CALM, only when the document is CALM. Runs first: it needs a host where no CALM file was opened yet.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, calmLens, openInEditor, waitFor, workspaceFile, writeWorkspaceFile } from './helpers';

export function activationSuite(): void {
  suite('activation', () => {
    test('the extension is installed in this VS Code', () => {
      const ext = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(ext, `${EXTENSION_ID} is not among ${vscode.extensions.all.map((e) => e.id).join(', ')}`);
    });

    test('an unrelated JSON file does not start the language server', async () => {
      const uri = await writeWorkspaceFile('package-sample.json', '{ "name": "shop", "version": "1.0.0", "dependencies": { "express": "^4.0.0" } }\n');
      const editor = await openInEditor(uri);
      assert.equal(editor.document.languageId, 'json');
      const api = await calmLens();
      assert.equal(api.languageClient, undefined, 'the language server started for a JSON file that is not CALM');
      assert.equal(api.calmContext.isCalm(uri.toString()), false);
      assert.equal(await api.getModel(uri), null);
    });

    test('a CALM file starts the language server, which recognises it as CALM', async () => {
      const api = await calmLens();
      const uri = workspaceFile('ecommerce-platform.json');
      const recognised = waitFor(api.calmContext.onDidChange, () => (api.calmContext.isCalm(uri.toString()) ? true : undefined), 'the document to be recognised as CALM');
      await openInEditor(uri);
      await api.ready;
      assert.ok(api.languageClient, 'no language client after ready');
      assert.equal(await recognised, true);
      assert.equal(api.calmContext.activeCalmEditor?.document.uri.toString(), uri.toString());
    });

    test('the model of the e-commerce example has its 9 nodes and 8 relationships', async () => {
      const api = await calmLens();
      const model = await api.getModel(workspaceFile('ecommerce-platform.json'));
      assert.ok(model, 'no model');
      assert.equal(model.kind, 'architecture');
      assert.equal(model.nodes.length, 9);
      assert.equal(model.relationships.length, 8);
      assert.ok(model.nodes.some((n) => n.uniqueId === 'order-service' && n.name === 'Order Service'));
    });
  });
}
