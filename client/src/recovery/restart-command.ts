/** CALM: Restart Language Server: for a server that was given up on, or one the user wants fresh. */
import * as vscode from 'vscode';
import { RESTART_SERVER_COMMAND } from './error-handler';

export interface Restartable {
  restart(): Promise<void>;
}

export function registerRestartCommand(service: Restartable, output: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.commands.registerCommand(RESTART_SERVER_COMMAND, async () => {
    try {
      await service.restart();
    } catch (error) {
      const text = `The CALM language server could not be restarted: ${error instanceof Error ? error.message : String(error)}`;
      output.error(text);
      void vscode.window.showErrorMessage(text);
    }
  });
}
