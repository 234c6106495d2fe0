/**
 * Tells the language server whether the workspace is trusted. In Restricted Mode it follows no URL map
 * and downloads nothing (package.json `capabilities.untrustedWorkspaces` declares that limited support);
 * trust granted later is passed on, so that it takes effect without a restart.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { WorkspaceTrustedNotificationMethod, type CalmInitializationOptions } from '../../server/src/protocol';

/** Read at each start of the server (a restarted server is told the trust of that moment). */
export function trustInitializationOptions(): CalmInitializationOptions {
  return { workspaceTrusted: vscode.workspace.isTrusted };
}

/** Forwards a grant of trust to whichever client runs at that moment. */
export function forwardTrustGrants(currentClient: () => LanguageClient | undefined): vscode.Disposable {
  return vscode.workspace.onDidGrantWorkspaceTrust(() => {
    const client = currentClient();
    if (client?.isRunning()) void client.sendNotification(WorkspaceTrustedNotificationMethod).catch(() => undefined);
  });
}
