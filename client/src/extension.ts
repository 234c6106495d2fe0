/** The extension's entry: output channel, lazily started language server, CALM context key, selection hub. */
import * as vscode from 'vscode';
import type { CalmLensApi } from './api';
import { CalmContext } from './calm-context';
import { registerLanguageCommands } from './commands';
import { CalmLanguageService } from './language-client';
import { registerRestartCommand } from './recovery/restart-command';
import { EditorCursorSource, SelectionHub } from './selection-hub';
import { registerPreview } from './preview/register-preview';
import { registerModelTree } from './tree/register-model-tree';

let service: CalmLanguageService | undefined;

export function activate(context: vscode.ExtensionContext): CalmLensApi {
  const output = vscode.window.createOutputChannel('CALM Lens', { log: true });
  service = new CalmLanguageService(context, output);
  const languageService = service;
  const calmContext = new CalmContext(languageService);
  const selection = new SelectionHub(languageService);
  const cursor = new EditorCursorSource(selection, languageService, calmContext);
  context.subscriptions.push(output, languageService, calmContext, selection, cursor);
  context.subscriptions.push(...registerLanguageCommands(languageService, output));
  context.subscriptions.push(registerRestartCommand(languageService, output));
  languageService.watchDocuments();
  const tree = registerModelTree(context, { models: languageService, selection });
  const preview = registerPreview(context, { models: languageService, selection, output });

  return {
    ready: languageService.ready,
    output,
    get languageClient() {
      return languageService.languageClient;
    },
    service: languageService,
    selection,
    calmContext,
    tree,
    preview,
    getModel: (uri) => languageService.requestModel(typeof uri === 'string' ? uri : uri.toString()),
    startLanguageServer: async () => {
      await languageService.start();
    },
  };
}

export async function deactivate(): Promise<void> {
  await service?.stop();
}
