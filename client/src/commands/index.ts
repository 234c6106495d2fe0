/** Registers the CALM commands of the language features and the language-mode switch. */
import * as vscode from 'vscode';
import type { CalmLanguageService } from '../language-client';
import { LanguageModeSwitch } from '../language-mode';
import { NEW_ARCHITECTURE_COMMAND, newArchitecture } from './new-architecture';
import { SHOW_REFERENCES_COMMAND, showReferences } from './show-references';
import { VALIDATE_WORKSPACE_COMMAND, validateWorkspace } from './validate-workspace';

export function registerLanguageCommands(service: CalmLanguageService, output: vscode.LogOutputChannel): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(NEW_ARCHITECTURE_COMMAND, newArchitecture),
    vscode.commands.registerCommand(VALIDATE_WORKSPACE_COMMAND, () => validateWorkspace(service)),
    vscode.commands.registerCommand(SHOW_REFERENCES_COMMAND, showReferences),
    new LanguageModeSwitch(service.onIsCalmChanged, output),
  ];
}
