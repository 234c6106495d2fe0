/**
 * Keeps the Model Elements view in step with the active CALM editor: follows the editor that became
 * active (model-follower.ts decides when to ask the language server for its model; this never parses
 * JSON itself), applies the search filter, and says which file it shows.
 */
import * as vscode from 'vscode';
import type { CalmModelView, ModelChangedParams } from '../../../server/src/protocol';
import { isCandidate } from '../language-client';
import { LOAD_RETRIES, ModelFollower } from './model-follower';
import type { ModelTreeProvider } from './model-tree-provider';
import { buildModelTree } from './tree-builder';
import type { ModelTree } from './tree-model';
import { snapshotOf, viewMessage, type TreeSnapshot } from './tree-snapshot';

/** Where the model comes from: the language server. */
export interface ModelSource {
  /** The model of an open document, or null when it is not a CALM document. */
  requestModel(uri: string): Promise<CalmModelView | null>;
  onModelChanged(listener: (params: ModelChangedParams) => void): vscode.Disposable;
}

/** Context keys for the manifest's `when` clauses. */
export const HAS_DOCUMENT_KEY = 'calmLens.tree.hasDocument';
export const FILTERED_KEY = 'calmLens.tree.filtered';

/** Whether a document is open (in an editor or not). */
function isOpen(uri: string): boolean {
  return vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri && !d.isClosed);
}

/** Editors that are not documents a person edits (the Output panel is a text editor too). */
const IGNORED_SCHEMES = new Set(['output', 'debug', 'vscode-scm', 'git']);

export class ModelTreeController implements vscode.Disposable {
  private model: CalmModelView | undefined;
  private filterText: string | undefined;
  /** Which document the view follows, and when it asks for its model. */
  private readonly follower: ModelFollower<CalmModelView>;
  private readonly refreshed = new vscode.EventEmitter<ModelTree | undefined>();
  private readonly disposables: vscode.Disposable[] = [];

  /** Fires after the view shows a new tree (or the welcome content). */
  readonly onDidRefresh = this.refreshed.event;

  constructor(
    private readonly provider: ModelTreeProvider,
    private readonly view: vscode.TreeView<unknown>,
    source: ModelSource,
  ) {
    this.follower = new ModelFollower(source, {
      show: (model) => this.showModel(model),
      shownUri: () => this.model?.uri,
    });
    this.disposables.push(
      this.refreshed,
      vscode.window.onDidChangeActiveTextEditor((editor) => this.follow(editor)),
      vscode.workspace.onDidCloseTextDocument((doc) => this.follower.closed(doc.uri.toString(), isOpen)),
      source.onModelChanged((params) => this.follower.modelChanged(params.uri)),
    );
    void this.follow(vscode.window.activeTextEditor);
  }

  get tree(): ModelTree | undefined {
    return this.provider.current;
  }

  get filter(): string | undefined {
    return this.filterText;
  }

  /** The uri of the document shown, if any. */
  get uri(): string | undefined {
    return this.model?.uri;
  }

  snapshot(): TreeSnapshot {
    return snapshotOf(this.provider.current, this.view.description, this.view.message);
  }

  /** Shows the model of the editor that became active; keeps the current one when focus left the editors (e.g. to the diagram). */
  async follow(editor: vscode.TextEditor | undefined): Promise<void> {
    if (!editor || IGNORED_SCHEMES.has(editor.document.uri.scheme)) return;
    // A document the server is never given has no model to wait for: one answer (null) is enough.
    await this.follower.load(editor.document.uri.toString(), isCandidate(editor.document) ? LOAD_RETRIES : 0);
  }

  setFilter(text: string | undefined): void {
    const trimmed = text?.trim();
    this.filterText = trimmed ? trimmed : undefined;
    void vscode.commands.executeCommand('setContext', FILTERED_KEY, this.filterText !== undefined);
    this.showModel(this.model);
  }

  private showModel(model: CalmModelView | undefined): void {
    this.model = model;
    const tree = model ? buildModelTree(model, this.filterText) : undefined;
    this.view.description = model ? fileLabel(model.uri) : undefined;
    this.view.message = model ? viewMessage(model, fileName(model.uri)) : undefined;
    void vscode.commands.executeCommand('setContext', HAS_DOCUMENT_KEY, model !== undefined);
    this.provider.show(tree);
    this.refreshed.fire(tree);
  }

  /** Resolves once the view shows `uri` at `minVersion` or later (a signal for tests, no sleeping). */
  whenShowing(uri: string, minVersion = 0): Promise<TreeSnapshot> {
    const matches = (tree: ModelTree | undefined): boolean => tree !== undefined && tree.uri === uri && tree.version >= minVersion;
    if (matches(this.provider.current)) return Promise.resolve(this.snapshot());
    return new Promise((resolve) => {
      const sub = this.onDidRefresh((tree) => {
        if (!matches(tree)) return;
        sub.dispose();
        resolve(this.snapshot());
      });
    });
  }

  dispose(): void {
    this.follower.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** The file's name alone, for the line above the items (narrow: a sidebar). */
function fileName(uri: string): string {
  const path = vscode.Uri.parse(uri).path;
  return path.slice(path.lastIndexOf('/') + 1) || uri;
}

/** The file as the view's description: its path in the workspace (an untitled document: `Untitled-1`). */
function fileLabel(uri: string): string {
  return vscode.workspace.asRelativePath(vscode.Uri.parse(uri), false);
}
