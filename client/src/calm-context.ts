/**
 * The context key `calm.isCalmDocument`: true while the active editor shows a CALM document, as the
 * language server decided (its `calm/isCalmDocument` notification). Menus and keybindings use it.
 */
import * as vscode from 'vscode';
import type { IsCalmParams } from '../../server/src/protocol';

export const IS_CALM_CONTEXT_KEY = 'calm.isCalmDocument';

export interface IsCalmSource {
  readonly onIsCalmChanged: vscode.Event<IsCalmParams>;
}

export class CalmContext implements vscode.Disposable {
  private readonly calm = new Map<string, boolean>();
  private shown: boolean | undefined;
  private readonly changed = new vscode.EventEmitter<IsCalmParams>();
  private readonly disposables: vscode.Disposable[] = [this.changed];

  /** A document became CALM or stopped being CALM. */
  readonly onDidChange = this.changed.event;

  constructor(source: IsCalmSource) {
    this.disposables.push(
      source.onIsCalmChanged((params) => {
        this.calm.set(params.uri, params.isCalm);
        this.changed.fire(params);
        this.update();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      vscode.workspace.onDidCloseTextDocument((document) => this.calm.delete(document.uri.toString())),
    );
    this.update();
  }

  isCalm(uri: string): boolean {
    return this.calm.get(uri) === true;
  }

  /** The active editor, when it shows a CALM document. */
  get activeCalmEditor(): vscode.TextEditor | undefined {
    const editor = vscode.window.activeTextEditor;
    return editor && this.isCalm(editor.document.uri.toString()) ? editor : undefined;
  }

  private update(): void {
    const value = this.activeCalmEditor !== undefined;
    if (value === this.shown) return;
    this.shown = value;
    void vscode.commands.executeCommand('setContext', IS_CALM_CONTEXT_KEY, value);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
