/**
 * "CALM: Validate Workspace": the language server validates every CALM file of the workspace folders
 * and publishes their problems; the Problems panel is then shown with a summary.
 */
import * as vscode from 'vscode';
import { ValidateWorkspaceRequestMethod, type ValidateWorkspaceResult } from '../../../server/src/protocol';
import type { CalmLanguageService } from '../language-client';
import { summary } from './validate-workspace-summary';

export const VALIDATE_WORKSPACE_COMMAND = 'calm.validateWorkspace';

export async function validateWorkspace(service: CalmLanguageService): Promise<ValidateWorkspaceResult | undefined> {
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Validating the CALM files of the workspace', cancellable: true },
    async (_progress, token) => {
      const client = await service.start();
      try {
        return await client.sendRequest<ValidateWorkspaceResult | null>(ValidateWorkspaceRequestMethod, {}, token);
      } catch (error) {
        // Cancelled by the user from the progress notification: nothing to report.
        if (token.isCancellationRequested) return null;
        throw error;
      }
    },
  );
  if (!result) return undefined;
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  void vscode.window.showInformationMessage(summary(result));
  return result;
}
