/**
 * Wires the Model Elements view into the extension: the view, its commands (search, clear, select,
 * show in diagram, go to definition, open the example) and its link to the selection hub.
 * The welcome content's "New CALM Architecture" button runs the "CALM: New Architecture" command.
 */
import * as vscode from 'vscode';
import type { ElementRef, ProtocolRange } from '../../../server/src/protocol';
import { CALM_LANGUAGE_ID } from '../language-mode-policy';
import type { SelectionHub } from '../selection-hub';
import { ModelTreeController, type ModelSource } from './model-tree-controller';
import { ModelTreeProvider, SELECT_COMMAND } from './model-tree-provider';
import { registerProblemDecorations } from './problem-decorations';
import type { ModelTreeApi } from './tree-api';
import type { TreeEntry } from './tree-model';
import { openSearchBox } from './tree-search-box';

export const VIEW_ID = 'calm.modelElements';
/** The diagram's command (the preview): opens or reveals the diagram of a document. */
const OPEN_PREVIEW_COMMAND = 'calm.openPreview';
const EXAMPLE_PATH = ['examples', 'ecommerce-platform.json'] as const;

export interface ModelTreeDeps {
  /** The language server's model of each document. */
  readonly models: ModelSource;
  /** The one selection hub. */
  readonly selection: SelectionHub;
}

function toVsRange(range: ProtocolRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export function registerModelTree(context: vscode.ExtensionContext, deps: ModelTreeDeps): ModelTreeApi {
  const provider = new ModelTreeProvider();
  const view = vscode.window.createTreeView<TreeEntry>(VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const controller = new ModelTreeController(provider, view, deps.models);
  const hub = deps.selection;

  /** Commands get an entry from menus and an id from the click command; either way, the current tree's entry. */
  const entryOf = (arg: unknown): TreeEntry | undefined => {
    const tree = controller.tree;
    if (!tree) return undefined;
    if (typeof arg === 'string') return tree.get(arg);
    if (arg && typeof arg === 'object' && 'id' in arg && typeof arg.id === 'string') return tree.get(arg.id);
    const first = view.selection[0];
    return first ? tree.get(first.id) : undefined;
  };

  const publish = (entry: TreeEntry): { uri: string; element: ElementRef } | undefined => {
    const uri = controller.uri;
    if (!uri || !entry.element) return undefined;
    hub.select({ uri, element: entry.element, origin: 'tree' });
    return { uri, element: entry.element };
  };

  /** A click: select the element everywhere, and show its definition without taking the focus from the tree. */
  const select = async (arg: unknown): Promise<void> => {
    const entry = entryOf(arg);
    if (!entry) return;
    const published = publish(entry);
    if (published) await hub.revealInEditor(published.uri, published.element, { preserveFocus: true });
  };

  const goToDefinition = async (arg: unknown): Promise<void> => {
    const entry = entryOf(arg);
    const uri = controller.uri;
    const range = entry?.selectionRange ?? entry?.range;
    if (!entry || !uri || !range) return;
    publish(entry);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
    const editor = await vscode.window.showTextDocument(document, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
      preserveFocus: false,
      preview: false,
      selection: toVsRange(range),
    });
    editor.revealRange(toVsRange(range), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  };

  const showInDiagram = async (arg: unknown): Promise<void> => {
    const entry = entryOf(arg);
    const uri = controller.uri;
    if (!entry || !uri) return;
    try {
      await vscode.commands.executeCommand(OPEN_PREVIEW_COMMAND, vscode.Uri.parse(uri));
    } catch (error) {
      void vscode.window.showErrorMessage(`CALM: the diagram could not be opened: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    // After opening: an open diagram highlights it at once; a diagram still loading reads the hub's current selection.
    publish(entry);
  };

  /** An untitled copy: edits must never change the extension's own file, and the user saves it where they like. */
  const openExample = async (): Promise<vscode.TextEditor> => {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, ...EXAMPLE_PATH));
    const document = await vscode.workspace.openTextDocument({ language: CALM_LANGUAGE_ID, content: new TextDecoder().decode(bytes) });
    return vscode.window.showTextDocument(document, { preview: false });
  };

  /** Another view selected an element: show it here, if this view is on screen (never pop the sidebar open). */
  const revealSelection = async (): Promise<void> => {
    const selection = hub.current;
    const tree = controller.tree;
    if (!selection || selection.origin === 'tree' || !view.visible || !tree || selection.uri !== tree.uri) return;
    const entry = tree.find(selection.element);
    if (!entry || view.selection.some((s) => s.id === entry.id)) return;
    try {
      await view.reveal(entry, { select: true, focus: false, expand: false });
    } catch {
      // The tree was refreshed while revealing; the next selection reveals again.
    }
  };

  const search = (text: string | undefined) => {
    controller.setFilter(text);
    return controller.snapshot();
  };

  context.subscriptions.push(
    provider,
    view,
    controller,
    registerProblemDecorations(),
    hub.onDidSelect(() => void revealSelection()),
    view.onDidChangeVisibility(() => void revealSelection()),
    // A refresh (e.g. the editor just switched documents) may now hold the element selected elsewhere.
    controller.onDidRefresh(() => void revealSelection()),
    vscode.commands.registerCommand(SELECT_COMMAND, select),
    vscode.commands.registerCommand('calm.tree.goToDefinition', goToDefinition),
    vscode.commands.registerCommand('calm.tree.showInDiagram', showInDiagram),
    vscode.commands.registerCommand('calm.tree.search', async (text?: unknown) => {
      // With text (tests, keybindings): filter at once; without: the search box.
      if (typeof text === 'string') search(text);
      else await openSearchBox(controller.filter, (value) => controller.setFilter(value));
    }),
    vscode.commands.registerCommand('calm.tree.clearSearch', () => controller.setFilter(undefined)),
    vscode.commands.registerCommand('calm.tree.openExample', openExample),
  );

  return {
    snapshot: () => controller.snapshot(),
    whenShowing: (uri, minVersion) => controller.whenShowing(uri, minVersion),
    onDidRefresh: (listener, thisArgs, disposables) => controller.onDidRefresh(() => listener.call(thisArgs, controller.snapshot()), undefined, disposables),
    search,
    selectedIds: () => view.selection.map((e) => e.id),
    whenSelected: (id) =>
      new Promise<void>((resolve) => {
        if (view.selection.some((e) => e.id === id)) return resolve();
        const sub = view.onDidChangeSelection((event) => {
          if (!event.selection.some((e) => e.id === id)) return;
          sub.dispose();
          resolve();
        });
      }),
    get visible() {
      return view.visible;
    },
  };
}
