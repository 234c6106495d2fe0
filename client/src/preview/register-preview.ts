/**
 * The diagram preview in the extension: `calm.openPreview` (one panel per document, opened beside the
 * editor without taking the focus), the export commands, redrawing on save or on change
 * (`calm.preview.updateOn`), and the serializer that brings panels back after a window reload.
 */
import * as vscode from 'vscode';
import type { ModelChangedParams } from '../../../server/src/protocol';
import type { ExportFormat, RenderedInfo, ServerStatus } from '../../../webview/src/messages';
import { parsePreviewState } from '../../../webview/src/messages';
import type { SelectionHub } from '../selection-hub';
import { documentName, PREVIEW_VIEW_TYPE, PreviewPanel, type ModelSource } from './preview-panel';
import type { PreviewApi, PreviewPanelInfo } from './preview-api';

export const OPEN_PREVIEW_COMMAND = 'calm.openPreview';
export const SHOW_IN_DIAGRAM_COMMAND = 'calm.showInDiagram';
export const EXPORT_SVG_COMMAND = 'calm.preview.exportSvg';
export const EXPORT_PNG_COMMAND = 'calm.preview.exportPng';
export const UPDATE_ON_SETTING = 'calm.preview.updateOn';
const RESTART_SERVER_COMMAND = 'calm.restartServer';

/** Edits arriving closer together than this redraw once (with `updateOn: change`). */
const CHANGE_DEBOUNCE_MS = 300;

export interface PreviewDeps {
  readonly models: ModelSource & {
    readonly onModelChanged: vscode.Event<ModelChangedParams>;
    /** Starts the language server if it is not running yet. */
    start(): Promise<unknown>;
    /** The server stopped, is starting, or runs again. */
    readonly onDidChangeServerState: vscode.Event<ServerStatus>;
    readonly serverStatus: ServerStatus | undefined;
  };
  readonly selection: SelectionHub;
  readonly output: vscode.LogOutputChannel;
}

type UpdateOn = 'save' | 'change';

function updateOn(uri: vscode.Uri): UpdateOn {
  return vscode.workspace.getConfiguration('calm.preview', uri).get<string>('updateOn') === 'change' ? 'change' : 'save';
}

function uriOf(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  return vscode.window.activeTextEditor?.document.uri;
}

export function registerPreview(context: vscode.ExtensionContext, deps: PreviewDeps): PreviewApi {
  const panels = new Map<string, PreviewPanel>();
  const renderedEmitter = new vscode.EventEmitter<RenderedInfo>();
  const serverStateEmitter = new vscode.EventEmitter<{ readonly uri: string; readonly status: ServerStatus }>();
  const timers = new Map<string, ReturnType<typeof setTimeout>>();

  const save = async (uri: string, format: ExportFormat, data: string): Promise<void> => {
    const source = vscode.Uri.parse(uri);
    const base = documentName(source).replace(/\.(calm\.)?json$/i, '');
    const defaultUri = source.scheme === 'file' ? vscode.Uri.joinPath(source, '..', `${base}.${format}`) : undefined;
    const target = await vscode.window.showSaveDialog({ defaultUri, filters: format === 'svg' ? { 'SVG image': ['svg'] } : { 'PNG image': ['png'] }, title: `Export the diagram as ${format.toUpperCase()}` });
    if (!target) return;
    await writeExport(target, format, data);
    void vscode.window.showInformationMessage(`Diagram saved to ${vscode.workspace.asRelativePath(target)}.`);
  };

  const host = {
    extensionUri: context.extensionUri,
    models: deps.models,
    selection: deps.selection,
    rendered: (info: RenderedInfo) => renderedEmitter.fire(info),
    failed: (uri: string, message: string) => deps.output.warn(`Diagram of ${uri}: ${message}`),
    save,
    serverStatus: () => deps.models.serverStatus,
    toldServerState: (uri: string, status: ServerStatus) => serverStateEmitter.fire({ uri, status }),
    restartServer: async () => {
      await vscode.commands.executeCommand(RESTART_SERVER_COMMAND);
    },
    disposed: (panel: PreviewPanel) => {
      if (panels.get(panel.key) === panel) panels.delete(panel.key);
    },
  };

  const adopt = (webviewPanel: vscode.WebviewPanel, uri: vscode.Uri): PreviewPanel => {
    const panel = new PreviewPanel(webviewPanel, uri, host);
    panels.get(panel.key)?.dispose();
    panels.set(panel.key, panel);
    return panel;
  };

  const open = async (arg?: unknown): Promise<PreviewPanel | undefined> => {
    const uri = uriOf(arg);
    if (!uri) {
      void vscode.window.showInformationMessage('Open a CALM architecture in the editor to see its diagram.');
      return undefined;
    }
    const existing = panels.get(uri.toString());
    if (existing) {
      existing.reveal();
      return existing;
    }
    // From the explorer the document may not be open yet: the language server only models open documents.
    await vscode.workspace.openTextDocument(uri);
    await deps.models.start();
    const model = await deps.models.requestModel(uri.toString());
    if (!model) {
      void vscode.window.showWarningMessage(`${documentName(uri)} is not a CALM document, so it has no diagram.`);
      return undefined;
    }
    // Beside the editor and without the focus; and no reveal() right after creating it (a blank first paint in VS Code 1.116).
    const webviewPanel = vscode.window.createWebviewPanel(PREVIEW_VIEW_TYPE, `Diagram: ${documentName(uri)}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      // The diagram keeps its view (zoom, search, cached layouts) while its tab is in the background.
      retainContextWhenHidden: true,
      localResourceRoots: [vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview')],
    });
    return adopt(webviewPanel, uri);
  };

  const targetPanel = (arg?: unknown): PreviewPanel | undefined => {
    if (arg instanceof vscode.Uri) return panels.get(arg.toString());
    const active = [...panels.values()].find((p) => p.panel.active);
    if (active) return active;
    const editor = vscode.window.activeTextEditor;
    return editor ? panels.get(editor.document.uri.toString()) : [...panels.values()].find((p) => p.panel.visible);
  };

  const exportCommand = (format: ExportFormat) => async (arg?: unknown) => {
    const panel = targetPanel(arg);
    if (!panel) {
      void vscode.window.showInformationMessage('Open a diagram (CALM: Open Preview) to export it.');
      return;
    }
    try {
      await save(panel.key, format, await panel.requestExport(format));
    } catch (error) {
      void vscode.window.showErrorMessage(`The diagram could not be exported: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const scheduleRefresh = (uri: string, delay: number) => {
    const panel = panels.get(uri);
    if (!panel) return;
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        void panel.refresh();
      }, delay),
    );
  };

  context.subscriptions.push(
    renderedEmitter,
    serverStateEmitter,
    { dispose: () => [...panels.values()].forEach((p) => p.dispose()) },
    { dispose: () => [...timers.values()].forEach((t) => clearTimeout(t)) },
    vscode.commands.registerCommand(OPEN_PREVIEW_COMMAND, async (arg?: unknown) => {
      await open(arg);
    }),
    // The "Show in diagram" code lens above each node: arguments (nodeId, uri) from the server.
    vscode.commands.registerCommand(SHOW_IN_DIAGRAM_COMMAND, async (nodeId?: unknown, uriText?: unknown) => {
      if (typeof nodeId !== 'string' || typeof uriText !== 'string') return;
      const uri = vscode.Uri.parse(uriText);
      await open(uri);
      // An open diagram highlights it at once; one still loading reads the hub's current selection.
      deps.selection.select({ uri: uri.toString(), element: { kind: 'node', uniqueId: nodeId }, origin: 'editor' });
    }),
    vscode.commands.registerCommand(EXPORT_SVG_COMMAND, exportCommand('svg')),
    vscode.commands.registerCommand(EXPORT_PNG_COMMAND, exportCommand('png')),
    vscode.window.registerWebviewPanelSerializer(PREVIEW_VIEW_TYPE, {
      deserializeWebviewPanel: async (webviewPanel, state: unknown) => {
        const saved = parsePreviewState(state);
        if (!saved) {
          webviewPanel.dispose();
          return;
        }
        const uri = vscode.Uri.parse(saved.uri);
        try {
          await vscode.workspace.openTextDocument(uri);
        } catch {
          webviewPanel.dispose(); // the file is gone
          return;
        }
        await deps.models.start();
        adopt(webviewPanel, uri);
      },
    }),
    deps.models.onModelChanged((params) => {
      const uri = vscode.Uri.parse(params.uri);
      if (updateOn(uri) === 'change') scheduleRefresh(params.uri, CHANGE_DEBOUNCE_MS);
      // After a restart the diagram takes the new server's first model, whatever `updateOn` says.
      else if (panels.get(params.uri)?.outdated) scheduleRefresh(params.uri, 0);
    }),
    deps.models.onDidChangeServerState((status) => {
      for (const panel of panels.values()) panel.serverStateChanged(status);
    }),
    vscode.workspace.onDidSaveTextDocument((document) => {
      if (updateOn(document.uri) === 'save') scheduleRefresh(document.uri.toString(), 0);
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      // Switching to "change" shows the unsaved text at once.
      if (!event.affectsConfiguration(UPDATE_ON_SETTING)) return;
      for (const panel of panels.values()) void panel.refresh();
    }),
  );

  const info = (p: PreviewPanel): PreviewPanelInfo => ({
    uri: p.key,
    visible: p.panel.visible,
    active: p.panel.active,
    viewColumn: p.panel.viewColumn,
    rendered: p.rendered,
  });

  return {
    onDidRender: renderedEmitter.event,
    onDidTellServerState: serverStateEmitter.event,
    panels: () => [...panels.values()].map(info),
    whenRendered: (uri, accept = () => true) =>
      new Promise<RenderedInfo>((resolve) => {
        const last = panels.get(uri)?.rendered;
        if (last && accept(last)) return resolve(last);
        const sub = renderedEmitter.event((r) => {
          if (r.uri !== uri || !accept(r)) return;
          sub.dispose();
          resolve(r);
        });
      }),
    receive: async (uri, message) => {
      await panels.get(uri)?.receive(message);
    },
    exportDiagram: async (uri, format, target) => {
      const panel = panels.get(uri);
      if (!panel) throw new Error(`no diagram is open for ${uri}`);
      await writeExport(target, format, await panel.requestExport(format));
    },
  };
}

async function writeExport(target: vscode.Uri, format: ExportFormat, data: string): Promise<void> {
  const bytes = format === 'svg' ? new TextEncoder().encode(data) : Uint8Array.from(Buffer.from(data, 'base64'));
  await vscode.workspace.fs.writeFile(target, bytes);
}
