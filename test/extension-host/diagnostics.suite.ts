// Diagnostics in VS Code are the engine's findings: the same codes, messages, severities and exact
// ranges as `validateText` computes here, in the test, from the same text; and they follow edits
// as the user types, without saving.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { BROKEN_FILE, brokenExampleText } from './broken-example';
import { engineFacts, sameFacts } from './engine-facts';
import { calmDiagnostics, facts, openCalmEditor, waitForCalmDiagnostics, writeWorkspaceFile } from './helpers';

export function diagnosticsSuite(): void {
  suite('diagnostics', () => {
    let uri: vscode.Uri;

    suiteSetup(async () => {
      uri = await writeWorkspaceFile(BROKEN_FILE, await brokenExampleText());
    });

    test('a broken example gets exactly the findings the engine computes', async () => {
      const editor = await openCalmEditor(uri);
      const expected = engineFacts(editor.document);
      assert.ok(expected.length >= 3, `the engine found only ${JSON.stringify(expected)}`);
      assert.ok(expected.some((f) => f.message === "'order-svc' does not refer to the unique-id of an existing node."));
      const shown = await waitForCalmDiagnostics(uri, (ds) => sameFacts(ds.map(facts), expected), `diagnostics equal to the engine's ${JSON.stringify(expected)}`);
      assert.equal(shown.length, expected.length);
    });

    test('fixing the reference while typing removes its diagnostic, without saving', async () => {
      const editor = await openCalmEditor(uri);
      const text = editor.document.getText();
      const at = text.indexOf('"order-svc"');
      const range = new vscode.Range(editor.document.positionAt(at + 1), editor.document.positionAt(at + 1 + 'order-svc'.length));
      assert.ok(await editor.edit((edit) => edit.replace(range, 'order-service')));
      assert.equal(editor.document.isDirty, true);
      const expected = engineFacts(editor.document);
      assert.ok(!expected.some((f) => f.message.includes('order-svc')));
      await waitForCalmDiagnostics(uri, (ds) => sameFacts(ds.map(facts), expected), 'the diagnostics of the edited text');
      assert.ok(!calmDiagnostics(uri).some((d) => d.message.includes('order-svc')));
      // Back to the file's text, and to its diagnostics, for the suites after this one.
      await vscode.commands.executeCommand('workbench.action.files.revert');
      const reverted = engineFacts(editor.document);
      await waitForCalmDiagnostics(uri, (ds) => sameFacts(ds.map(facts), reverted), 'the diagnostics of the reverted file');
    });
  });
}
