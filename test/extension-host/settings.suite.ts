// `calm.*` settings take effect in the running extension without a reload.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { BROKEN_FILE, brokenExampleText } from './broken-example';
import { engineFacts, sameFacts } from './engine-facts';
import { facts, openCalmEditor, setSetting, waitForCalmDiagnostics, workspaceFile, writeWorkspaceFile } from './helpers';

export function settingsSuite(): void {
  suite('settings', () => {
    teardown(async () => {
      await setSetting('calm', 'validation.enabled', undefined);
    });

    test('calm.validation.enabled = false clears the diagnostics; true brings them back', async () => {
      const uri = workspaceFile(BROKEN_FILE);
      await writeWorkspaceFile(BROKEN_FILE, await brokenExampleText());
      const editor = await openCalmEditor(uri);
      const expected = engineFacts(editor.document);
      assert.ok(expected.length > 0);
      await waitForCalmDiagnostics(uri, (ds) => sameFacts(ds.map(facts), expected), 'the diagnostics of the broken example');

      await setSetting('calm', 'validation.enabled', false);
      await waitForCalmDiagnostics(uri, (ds) => ds.length === 0, 'no diagnostics once validation is disabled');

      await setSetting('calm', 'validation.enabled', true);
      await waitForCalmDiagnostics(uri, (ds) => sameFacts(ds.map(facts), expected), 'the same diagnostics back once it is enabled again');
      assert.equal(vscode.workspace.getConfiguration('calm').get('validation.enabled'), true);
    });
  });
}
