// Trust and network inside VS Code: the manifest's Restricted Mode declaration and the allowed-hosts
// setting are registered, and the server runs with the trust VS Code reports (told by the client).
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, openCalmEditor, waitForCalmDiagnostics, writeWorkspaceFile } from './helpers';

interface UntrustedWorkspaces {
  readonly supported?: unknown;
  readonly restrictedConfigurations?: unknown;
}

export function trustSuite(): void {
  suite('trust and network', () => {
    test('limited support in Restricted Mode is declared, and calm.schemas.allowedRemoteHosts is registered, empty by default', () => {
      const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { capabilities?: { untrustedWorkspaces?: UntrustedWorkspaces } } | undefined;
      assert.equal(manifest?.capabilities?.untrustedWorkspaces?.supported, 'limited');
      assert.deepEqual(manifest?.capabilities?.untrustedWorkspaces?.restrictedConfigurations, ['calm.schemas.urlMap', 'calm.schemas.allowedRemoteHosts']);
      assert.deepEqual(vscode.workspace.getConfiguration('calm').inspect<string[]>('schemas.allowedRemoteHosts')?.defaultValue, []);
    });

    test('a remote $schema is not downloaded, for the reason that fits the workspace trust VS Code reports', async () => {
      const ref = 'https://patterns.example.com/calm/trust-check.json';
      const uri = await writeWorkspaceFile(
        'trust-check.json',
        JSON.stringify({ $schema: ref, nodes: [{ 'unique-id': 'api', 'node-type': 'service', name: 'API', description: 'The API' }], relationships: [] }, null, 2),
      );
      await openCalmEditor(uri);
      const reason = vscode.workspace.isTrusted ? `list its host 'patterns.example.com' in the setting calm.schemas.allowedRemoteHosts` : 'this workspace is in Restricted Mode';
      await waitForCalmDiagnostics(uri, (ds) => ds.some((d) => d.message.includes(ref) && d.message.includes(reason)), `the finding on $schema saying: ${reason}`);
    });
  });
}
