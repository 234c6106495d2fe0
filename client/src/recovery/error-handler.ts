/**
 * What the client does when the language server's connection fails or its process ends: start it
 * again within the RestartPolicy's limit; past it, leave it stopped and tell the user, with an action
 * that starts it again. The client writes each result's message to the Output channel ("CALM Lens");
 * `handled` keeps it from adding a notification of its own.
 */
import * as vscode from 'vscode';
import { CloseAction, ErrorAction, type CloseHandlerResult, type ErrorHandler, type ErrorHandlerResult, type Message } from 'vscode-languageclient/node';
import { RestartPolicy } from './restart-policy';
import type { ServerStateTracker } from './server-state';

export const RESTART_SERVER_COMMAND = 'calm.restartServer';
export const RESTART_ACTION = 'Restart CALM Language Server';
const SHOW_OUTPUT_ACTION = 'Show Output';

export class ServerErrorHandler implements ErrorHandler {
  readonly policy = new RestartPolicy();

  constructor(
    private readonly output: vscode.LogOutputChannel,
    private readonly state: ServerStateTracker,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * A message that could not be written or read. When the server process dies, every message still on
   * its way fails like this, often more than a few at once; shutting down here would give up on a crash
   * that `closed` is about to restart. So the connection carries on, and `closed` alone decides.
   */
  error(error: Error, _message: Message | undefined, count: number | undefined): ErrorHandlerResult {
    this.output.warn(`A message to or from the CALM language server failed (${count ?? 1} so far): ${error.message}`);
    return { action: ErrorAction.Continue, handled: true };
  }

  closed(): CloseHandlerResult {
    const restart = this.policy.crashed(this.now());
    const crashes = this.policy.recentCrashes;
    if (restart) {
      const text = `The CALM language server stopped unexpectedly (${crashes} of ${this.policy.maxRestarts} restarts within ${minutes(this.policy.windowMs)}); restarting it.`;
      this.state.expectRestart(true);
      return { action: CloseAction.Restart, message: text, handled: true };
    }
    const text = `The CALM language server stopped ${crashes} times within ${minutes(this.policy.windowMs)} and will not be restarted automatically. Diagnostics, completion and the diagram are paused until it is restarted.`;
    this.giveUp(text);
    return { action: CloseAction.DoNotRestart, message: text, handled: true };
  }

  private giveUp(text: string): void {
    this.state.expectRestart(false);
    void vscode.window.showErrorMessage(text, RESTART_ACTION, SHOW_OUTPUT_ACTION).then((choice) => {
      if (choice === RESTART_ACTION) void vscode.commands.executeCommand(RESTART_SERVER_COMMAND);
      else if (choice === SHOW_OUTPUT_ACTION) this.output.show(true);
    });
  }
}

function minutes(ms: number): string {
  const n = Math.round(ms / 60_000);
  return n === 1 ? '1 minute' : `${n} minutes`;
}
