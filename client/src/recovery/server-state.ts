/**
 * The language server's state as the views need it: vscode-languageclient's `onDidChangeState`
 * (starting, running, stopped), plus whether a stop is followed by a start (a crash the error
 * handler restarts, or CALM: Restart Language Server) or is final (it gave up, or was shut down).
 */
import * as vscode from 'vscode';
import { State, type BaseLanguageClient } from 'vscode-languageclient/node';
import type { ServerStatus } from '../../../webview/src/messages';

export type { ServerStatus };

export class ServerStateTracker implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ServerStatus>();
  private restartExpected = false;
  private last: ServerStatus | undefined;

  /** Every change of the server's state, in order. */
  readonly onDidChange = this.changed.event;

  /** The last state seen; undefined before the server was first started. */
  get current(): ServerStatus | undefined {
    return this.last;
  }

  /** Whether the coming stop (or the one under way) is followed by a start. */
  expectRestart(expected: boolean): void {
    this.restartExpected = expected;
  }

  watch(client: BaseLanguageClient): vscode.Disposable {
    return client.onDidChangeState(({ newState }) => this.update(newState));
  }

  private update(state: State): void {
    let status: ServerStatus;
    if (state === State.Running) {
      this.restartExpected = false;
      status = { state: 'running', restarting: false };
    } else {
      status = { state: state === State.Starting ? 'starting' : 'stopped', restarting: this.restartExpected };
    }
    this.last = status;
    this.changed.fire(status);
  }

  dispose(): void {
    this.changed.dispose();
  }
}
