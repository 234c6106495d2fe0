// `calm.*` settings take effect in the running extension without a reload.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { BROKEN_FILE, brokenExampleText } from './broken-example';
import { calmLens, openInEditor, setSetting, waitForCalmDiagnostics, workspaceFile, writeWorkspaceFile } from './helpers';

export function settingsSuite(): void {
  suite('settings', () => {
    teardown(async () => {
      await setSetting('calm', 'validation.enabled', undefined);
    });

    test('calm.validation.enabled = false clears the diagnostics; true brings them back', async () => {
      const uri = workspaceFile(BROKEN_FILE);
      await writeWorkspaceFile(BROKEN_FILE, await brokenExampleText());
      await openInEditor(uri);
      await (await calmLens()).ready;
      const before = await waitForCalmDiagnostics(uri, (ds) => ds.length > 0, 'diagnostics of the broken example');

      await setSetting('calm', 'validation.enabled', false);
      await waitForCalmDiagnostics(uri, (ds) => ds.length === 0, 'no diagnostics once validation is disabled');

      await setSetting('calm', 'validation.enabled', true);
      const after = await waitForCalmDiagnostics(uri, (ds) => ds.length === before.length, `the ${before.length} diagnostics back`);
      assert.deepEqual(
        after.map((d) => d.message),
        before.map((d) => d.message),
      );
      assert.equal(vscode.workspace.getConfiguration('calm').get('validation.enabled'), true);
    });
  });
}
