/**
 * The thin vscode.TreeDataProvider over the pure tree data: it holds the current ModelTree and turns
 * its entries into TreeItems. Everything the tree shows is decided in tree-model.ts.
 */
import * as vscode from 'vscode';
import type { ModelTree, TreeEntry } from './tree-model';
import { toTreeItemSpec, type Collapsible } from './tree-item-spec';
import { problemDecorationUri } from './problem-decorations';

/** The command a click on an element runs (a click, not a selection change: revealing from elsewhere must not echo back). */
export const SELECT_COMMAND = 'calm.tree.select';

const COLLAPSIBLE: Readonly<Record<Collapsible, vscode.TreeItemCollapsibleState>> = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
};

export class ModelTreeProvider implements vscode.TreeDataProvider<TreeEntry>, vscode.Disposable {
  private tree: ModelTree | undefined;
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  get current(): ModelTree | undefined {
    return this.tree;
  }

  /** Shows another tree (or none: the welcome content). */
  show(tree: ModelTree | undefined): void {
    this.tree = tree;
    this.changed.fire();
  }

  getTreeItem(entry: TreeEntry): vscode.TreeItem {
    const spec = toTreeItemSpec(entry, false);
    const item = new vscode.TreeItem(spec.label, COLLAPSIBLE[spec.collapsible]);
    item.id = spec.id;
    item.description = spec.description;
    item.contextValue = spec.contextValue;
    item.iconPath = new vscode.ThemeIcon(spec.icon, spec.iconColor ? new vscode.ThemeColor(spec.iconColor) : undefined);
    if (spec.problem) item.resourceUri = problemDecorationUri(spec.problem, entry.kind !== 'section' && entry.kind !== 'node-type' && entry.kind !== 'relationship-type');
    if (entry.element || entry.range) item.command = { command: SELECT_COMMAND, title: 'Select', arguments: [entry.id] };
    if (spec.problem) {
      const text = spec.description ? `${spec.label} ${spec.description}` : spec.label;
      item.accessibilityInformation = { label: `${text}, has ${spec.problem === 'error' ? 'errors' : 'warnings'}` };
    }
    return item;
  }

  /** Tooltips are built on hover only: a refresh of a big model then costs only the rows on screen. */
  resolveTreeItem(item: vscode.TreeItem, entry: TreeEntry): vscode.TreeItem {
    item.tooltip = entry.tooltip?.();
    return item;
  }

  getChildren(entry?: TreeEntry): TreeEntry[] {
    if (!this.tree) return [];
    if (!entry) return [...this.tree.roots];
    // After a refresh VS Code may ask with an entry of the previous tree: answer from the current one by id.
    const current = this.tree.owns(entry) ? entry : this.tree.get(entry.id);
    return current ? [...current.children] : [];
  }

  getParent(entry: TreeEntry): TreeEntry | undefined {
    const tree = this.tree;
    if (!tree) return undefined;
    const current = tree.owns(entry) ? entry : tree.get(entry.id);
    return current ? tree.parentOf(current) : undefined;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
