/** What the Model Elements tree offers to tests (through `activate()`'s API): what a person sees, and signals to wait on. */
import type * as vscode from 'vscode';
import type { TreeSnapshot } from './tree-snapshot';

export interface ModelTreeApi {
  /** The tree as a person reads it now: the file shown, the filter, every item's label, description and tooltip. */
  snapshot(): TreeSnapshot;
  /** Resolves once the view shows the document `uri` (a `Uri.toString()`), at `minVersion` or later. */
  whenShowing(uri: string, minVersion?: number): Promise<TreeSnapshot>;
  /** Fires after every refresh (new model, other document, filter change). */
  readonly onDidRefresh: vscode.Event<TreeSnapshot>;
  /** Filters the view as the title-bar search does; empty or undefined clears the filter. */
  search(text: string | undefined): TreeSnapshot;
  /** The ids of the items selected in the view (e.g. `node:order-service`). */
  selectedIds(): string[];
  /** Resolves once the item with this id is selected in the view (after a reveal from the editor or the diagram). */
  whenSelected(id: string): Promise<void>;
  /** Whether the view is on screen (reveals from elsewhere happen only then). */
  readonly visible: boolean;
}
