/**
 * What `activate()` returns: the extension's test API and the seam other parts of the extension use
 * (tree, preview, commands). Extend it here, with a field per capability.
 */
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { CalmModelView } from '../../server/src/protocol';
import type { CalmContext } from './calm-context';
import type { CalmLanguageService } from './language-client';
import type { SelectionHub } from './selection-hub';
import type { PreviewApi } from './preview/preview-api';
import type { ModelTreeApi } from './tree/tree-api';

export interface CalmLensApi {
  /**
   * Resolves once the language server runs. It starts when the first document that looks like CALM
   * is opened (or on `startLanguageServer()`), so await it after opening one.
   */
  readonly ready: Promise<void>;
  /** The "CALM Lens" output channel (the server's log and trace go there too). */
  readonly output: vscode.LogOutputChannel;
  /** The running language client; undefined until the server was started. */
  readonly languageClient: LanguageClient | undefined;
  /**
   * The custom protocol: `requestModel`, `elementAt`, `onModelChanged`, `onIsCalmChanged`; and the
   * server's life: `onDidChangeServerState`, `serverStatus`, `serverProcessId()`, `restart()`.
   */
  readonly service: CalmLanguageService;
  /** The one selection hub (editor cursor, tree, diagram), with `revealInEditor`. */
  readonly selection: SelectionHub;
  /** Which documents are CALM (drives the `calm.isCalmDocument` context key). */
  readonly calmContext: CalmContext;
  /** The Model Elements view: what it shows (`snapshot()`), search, and signals to wait on. */
  readonly tree: ModelTreeApi;
  /** The diagram panels: what they drew (`rendered` from the page), and exports without a dialog. */
  readonly preview: PreviewApi;
  /** The model of an open CALM document; null when it is not CALM or the server is not running. */
  getModel(uri: vscode.Uri | string): Promise<CalmModelView | null>;
  /** Starts the language server now (e.g. before creating a CALM document). */
  startLanguageServer(): Promise<void>;
}
