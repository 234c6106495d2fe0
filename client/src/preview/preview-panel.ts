/**
 * One diagram panel for one document: owns its webview, gives it the document's model, passes the
 * selection between it and the selection hub, and answers what it asks for (reveal, problems, export).
 * Everything the webview posts is checked (parseFromWebview) before it is acted on.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { CalmModelView, ElementRef } from '../../../server/src/protocol';
import { parseFromWebview, toPreviewModel, type ExportFormat, type FromWebview, type RenderedInfo, type ServerStatus, type ToWebview } from '../../../webview/src/messages';
import type { CalmSelection, SelectionHub } from '../selection-hub';
import { makeNonce, previewHtml } from './preview-html';

export const PREVIEW_VIEW_TYPE = 'calm.preview';

export interface ModelSource {
  requestModel(uri: string): Promise<CalmModelView | null>;
}

export interface PanelHost {
  readonly extensionUri: vscode.Uri;
  readonly models: ModelSource;
  readonly selection: SelectionHub;
  /** A diagram was drawn (for the test API). */
  rendered(info: RenderedInfo): void;
  /** The layout failed or ran out of time (logged). */
  failed(uri: string, message: string): void;
  /** The webview's own Export buttons: ask where to save, then save. */
  save(uri: string, format: ExportFormat, data: string): Promise<void>;
  /** The language server's last state (undefined before it first started). */
  serverStatus(): ServerStatus | undefined;
  /** The server state was passed on to the page (for the test API). */
  toldServerState(uri: string, status: ServerStatus): void;
  /** The server banner's link: restart the language server. */
  restartServer(): Promise<void>;
  disposed(panel: PreviewPanel): void;
}

const EXPORT_TIMEOUT_MS = 120_000;

export function documentName(uri: vscode.Uri): string {
  return uri.path.split('/').pop() || uri.toString();
}

export class PreviewPanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private model: CalmModelView | null = null;
  private refreshing: Promise<void> | undefined;
  private refreshAgain = false;
  private nextExportId = 1;
  private readonly exports = new Map<number, (data: string) => void>();
  private lastRendered: RenderedInfo | undefined;
  /** The server stopped since the model drawn was asked for: the next model is wanted whenever it comes. */
  private modelOutdated = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly uri: vscode.Uri,
    private readonly host: PanelHost,
  ) {
    const distWebview = vscode.Uri.joinPath(host.extensionUri, 'dist', 'webview');
    panel.webview.options = { enableScripts: true, localResourceRoots: [distWebview] };
    panel.title = `Diagram: ${documentName(uri)}`;
    panel.iconPath = vscode.Uri.joinPath(host.extensionUri, 'media', 'calm-activity.svg');
    const asUri = (file: string) => panel.webview.asWebviewUri(vscode.Uri.joinPath(distWebview, file)).toString();
    panel.webview.html = previewHtml({
      cspSource: panel.webview.cspSource,
      nonce: makeNonce((n) => randomBytes(n)),
      scriptUri: asUri('main.js'),
      workerUri: asUri('layout-worker.js'),
      styleUri: asUri('preview.css'),
      title: panel.title,
    });
    this.disposables.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)),
      panel.onDidDispose(() => this.dispose()),
      host.selection.onDidSelect((s) => this.selected(s)),
    );
  }

  get key(): string {
    return this.uri.toString();
  }

  get rendered(): RenderedInfo | undefined {
    return this.lastRendered;
  }

  private post(message: ToWebview): void {
    void this.panel.webview.postMessage(message);
  }

  /** Sends the document's current model (once the page is ready); concurrent calls collapse into one more. */
  refresh(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      do {
        this.refreshAgain = false;
        if (!this.ready) break;
        // A server that stops while answering leaves the last diagram as it is.
        const model = await this.host.models.requestModel(this.key).catch(() => null);
        if (!model) break;
        this.model = model;
        this.modelOutdated = false;
        this.post({ type: 'model', uri: this.key, documentName: documentName(this.uri), model: toPreviewModel(model) });
      } while (this.refreshAgain);
    })().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /** A model from before the server stopped is on screen (refresh when the new server announces one). */
  get outdated(): boolean {
    return this.modelOutdated;
  }

  /** Tells the page the language server's state; once it runs again, the model is asked for anew. */
  serverStateChanged(status: ServerStatus): void {
    if (status.state !== 'running') this.modelOutdated = true;
    if (!this.ready) return;
    this.post({ type: 'serverState', ...status });
    this.host.toldServerState(this.key, status);
    if (status.state === 'running') void this.refresh();
  }

  /** Whatever the webview posts, checked first: a message that is not one of ours is dropped. */
  async receive(raw: unknown): Promise<void> {
    const message = parseFromWebview(raw);
    if (!message) return;
    await this.handle(message);
  }

  private async handle(message: FromWebview): Promise<void> {
    switch (message.type) {
      case 'ready': {
        this.ready = true;
        // A page that comes up while the server is down (a restored panel) says so instead of waiting silently.
        const status = this.host.serverStatus();
        if (status && status.state !== 'running') this.serverStateChanged(status);
        await this.refresh();
        // Something may have been selected before the page could show it (the tree's "Show in Diagram").
        const current = this.host.selection.current;
        if (current && current.uri === this.key) this.post({ type: 'select', element: current.element });
        return;
      }
      case 'rendered':
        if (message.uri !== this.key) return;
        this.lastRendered = message;
        this.host.rendered(message);
        return;
      case 'layoutFailed':
        if (message.uri === this.key) this.host.failed(this.key, message.message);
        return;
      case 'reveal': {
        if (!this.knows(message.element)) return;
        this.host.selection.select({ uri: this.key, element: message.element, origin: 'diagram' });
        await this.host.selection.revealInEditor(this.key, message.element, { preserveFocus: true });
        return;
      }
      case 'showProblems':
        await vscode.commands.executeCommand('workbench.actions.view.problems');
        return;
      case 'restartServer':
        await this.host.restartServer();
        return;
      case 'exported': {
        const waiting = this.exports.get(message.requestId);
        if (waiting) {
          this.exports.delete(message.requestId);
          waiting(message.data);
        } else if (message.requestId === 0) {
          await this.host.save(this.key, message.format, message.data);
        }
        return;
      }
    }
  }

  /** Only elements of the model this panel was given are revealed. */
  private knows(element: ElementRef): boolean {
    const model = this.model;
    if (!model) return false;
    switch (element.kind) {
      case 'node':
        return model.nodes.some((n) => n.uniqueId === element.uniqueId);
      case 'relationship':
        return model.relationships.some((r) => r.uniqueId === element.uniqueId);
      case 'flow':
        return model.flows.some((f) => f.uniqueId === element.uniqueId);
      case 'interface':
        return model.nodes.some((n) => n.interfaces.some((i) => i.uniqueId === element.uniqueId));
    }
  }

  private selected(selection: CalmSelection): void {
    if (selection.origin === 'diagram' || selection.uri !== this.key || !this.ready) return;
    this.post({ type: 'select', element: selection.element });
  }

  /** Asks the page for the diagram as SVG text or PNG (base64). */
  requestExport(format: ExportFormat): Promise<string> {
    const requestId = this.nextExportId++;
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.exports.delete(requestId);
        reject(new Error('The diagram did not answer the export request.'));
      }, EXPORT_TIMEOUT_MS);
      this.exports.set(requestId, (data) => {
        clearTimeout(timer);
        resolve(data);
      });
      this.post({ type: 'export', format, requestId });
    });
  }

  /** Shows the panel again, where it is, without taking the focus. */
  reveal(): void {
    this.panel.reveal(this.panel.viewColumn, true);
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
    this.host.disposed(this);
    this.panel.dispose();
  }
}
