/** "CALM: New Architecture": an untitled CALM document holding a small, valid, tutorial-style architecture. */
import * as vscode from 'vscode';
import { newArchitectureText } from '../new-architecture';
import { CALM_LANGUAGE_ID } from '../language-mode-policy';

export const NEW_ARCHITECTURE_COMMAND = 'calm.newArchitecture';

export async function newArchitecture(): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language: CALM_LANGUAGE_ID, content: newArchitectureText() });
  return vscode.window.showTextDocument(document);
}
