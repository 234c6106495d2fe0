/**
 * Switches JSON documents the language server recognises as CALM to the `calm` language (see
 * language-mode-policy.ts for why), unless `calm.languageMode.autoSwitch` is off for them. A document
 * the user puts back into JSON mode stays JSON.
 */
import * as vscode from 'vscode';
import type { IsCalmParams } from '../../server/src/protocol';
import { SETTINGS_SECTION } from '../../server/src/settings';
import { CALM_LANGUAGE_ID, shouldSwitchToCalm } from './language-mode-policy';

export const AUTO_SWITCH_SETTING = 'languageMode.autoSwitch';

export class LanguageModeSwitch implements vscode.Disposable {
  private readonly switched = new Set<string>();
  private readonly subscription: vscode.Disposable;

  constructor(
    onIsCalm: vscode.Event<IsCalmParams>,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.subscription = onIsCalm((params) => void this.consider(params));
  }

  private async consider(params: IsCalmParams): Promise<void> {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === params.uri);
    if (!document || document.isClosed) return;
    const autoSwitch = vscode.workspace.getConfiguration(SETTINGS_SECTION, document.uri).get<boolean>(AUTO_SWITCH_SETTING, true);
    const candidate = { languageId: document.languageId, scheme: document.uri.scheme, isCalm: params.isCalm, autoSwitch, switchedBefore: this.switched.has(params.uri) };
    if (!shouldSwitchToCalm(candidate)) return;
    this.switched.add(params.uri);
    try {
      await vscode.languages.setTextDocumentLanguage(document, CALM_LANGUAGE_ID);
    } catch (error) {
      this.output.warn(`Could not switch ${params.uri} to the CALM language mode: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
