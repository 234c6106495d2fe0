/** What the extension's test API (`activate()`'s return value) tells about the diagram panels. */
import type * as vscode from 'vscode';
import type { ExportFormat, RenderedInfo, ServerStatus } from '../../../webview/src/messages';

export interface PreviewPanelInfo {
  readonly uri: string;
  readonly visible: boolean;
  readonly active: boolean;
  readonly viewColumn: vscode.ViewColumn | undefined;
  /** The last diagram the page reported drawn. */
  readonly rendered: RenderedInfo | undefined;
}

export interface PreviewApi {
  /** The page of a panel drew a model (its `rendered` message). */
  readonly onDidRender: vscode.Event<RenderedInfo>;
  /** A panel passed the language server's state on to its page (which shows a banner while it is down). */
  readonly onDidTellServerState: vscode.Event<{ readonly uri: string; readonly status: ServerStatus }>;
  /** The open diagram panels. */
  panels(): PreviewPanelInfo[];
  /** Resolves with the first drawing of `uri` that `accept` takes (the last one, if it already does). */
  whenRendered(uri: string, accept?: (r: RenderedInfo) => boolean): Promise<RenderedInfo>;
  /** Handles `message` as if the panel's page had posted it (it is checked the same way). */
  receive(uri: string, message: unknown): Promise<void>;
  /** Exports the diagram of `uri` to `target`, without the save dialog. */
  exportDiagram(uri: string, format: ExportFormat, target: vscode.Uri): Promise<void>;
}
