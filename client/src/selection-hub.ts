/**
 * The one selection hub: the editor cursor, the tree and the diagram each publish "element X of document
 * U selected" here and react to what the others publish; no view talks to another directly.
 * Also home of the editor-cursor source and of `revealInEditor` (select an element's definition).
 */
import * as vscode from 'vscode';
import type { CalmModelView, ElementRef, ProtocolRange } from '../../server/src/protocol';

export type SelectionOrigin = 'editor' | 'tree' | 'diagram';

export interface CalmSelection {
  /** The document's URI, as `Uri.toString()` gives it. */
  readonly uri: string;
  readonly element: ElementRef;
  readonly origin: SelectionOrigin;
}

export interface RevealOptions {
  /** Keep the keyboard focus where it is (the tree or the diagram). Default true. */
  readonly preserveFocus?: boolean;
}

export interface ModelLookup {
  requestModel(uri: string): Promise<CalmModelView | null>;
}

export interface ElementLookup {
  elementAt(uri: string, position: vscode.Position): Promise<ElementRef | null>;
}

export interface CalmDocumentTest {
  isCalm(uri: string): boolean;
}

export function sameElement(a: ElementRef | undefined, b: ElementRef | undefined): boolean {
  return a !== undefined && b !== undefined && a.kind === b.kind && a.uniqueId === b.uniqueId;
}

/** Where an element's definition is in the model: its `unique-id` value, else the whole element. */
export function definitionRange(model: CalmModelView, element: ElementRef): ProtocolRange | undefined {
  switch (element.kind) {
    case 'node': {
      const node = model.nodes.find((n) => n.uniqueId === element.uniqueId);
      return node?.selectionRange;
    }
    case 'interface': {
      for (const node of model.nodes) {
        const iface = node.interfaces.find((i) => i.uniqueId === element.uniqueId);
        if (iface) return iface.selectionRange ?? iface.range;
      }
      return undefined;
    }
    case 'relationship':
      return model.relationships.find((r) => r.uniqueId === element.uniqueId)?.selectionRange;
    case 'flow':
      return model.flows.find((f) => f.uniqueId === element.uniqueId)?.selectionRange;
  }
}

function toVsRange(range: ProtocolRange): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export class SelectionHub implements vscode.Disposable {
  private last: CalmSelection | undefined;
  private readonly selected = new vscode.EventEmitter<CalmSelection>();

  /** Every selection, from any origin; a view ignores the ones it published itself (by `origin`). */
  readonly onDidSelect = this.selected.event;

  constructor(private readonly models: ModelLookup) {}

  /** The latest selection, if any. */
  get current(): CalmSelection | undefined {
    return this.last;
  }

  select(selection: CalmSelection): void {
    this.last = selection;
    this.selected.fire(selection);
  }

  /**
   * Selects the element's definition in its editor (opening the document if needed, in the column
   * that already shows it) and scrolls it into view. Resolves false when the element is not in the model.
   */
  async revealInEditor(uri: string, element: ElementRef, options: RevealOptions = {}): Promise<boolean> {
    const model = await this.models.requestModel(uri);
    const range = model ? definitionRange(model, element) : undefined;
    if (!range) return false;
    const selection = toVsRange(range);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
    const document = visible?.document ?? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri) ?? (await vscode.workspace.openTextDocument(vscode.Uri.parse(uri)));
    const editor = await vscode.window.showTextDocument(document, {
      viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One,
      preserveFocus: options.preserveFocus ?? true,
      preview: false,
      selection,
    });
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return true;
  }

  dispose(): void {
    this.selected.dispose();
  }
}

/** Time the cursor must rest before asking the server what it is in (holding an arrow key asks once). */
export const CURSOR_SETTLE_MS = 60;

/** Publishes the element under the cursor of a CALM editor, when it differs from the current selection. */
export class EditorCursorSource implements vscode.Disposable {
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Each request takes a ticket; an answer for an older cursor position is dropped. */
  private ticket = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly hub: SelectionHub,
    private readonly elements: ElementLookup,
    private readonly documents: CalmDocumentTest,
  ) {
    this.disposables.push(vscode.window.onDidChangeTextEditorSelection((event) => this.moved(event.textEditor)));
  }

  private moved(editor: vscode.TextEditor): void {
    const uri = editor.document.uri.toString();
    if (!this.documents.isCalm(uri)) return;
    const position = editor.selection.active;
    const ticket = ++this.ticket;
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.publish(uri, position, ticket);
    }, CURSOR_SETTLE_MS);
  }

  private async publish(uri: string, position: vscode.Position, ticket: number): Promise<void> {
    let element: ElementRef | null;
    try {
      element = await this.elements.elementAt(uri, position);
    } catch {
      return; // the server restarting or the document closing: the next move asks again
    }
    if (ticket !== this.ticket || !element) return;
    const current = this.hub.current;
    // Revealing an element moves the cursor onto it: that is not a new selection.
    if (current && current.uri === uri && sameElement(current.element, element)) return;
    this.hub.select({ uri, element, origin: 'editor' });
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
