/**
 * The tree as a person reads it, as plain data: what the test API returns (tree items cannot be read
 * through VS Code's public API). Pure, no vscode import.
 */
import { toTreeItemSpec, type Collapsible } from './tree-item-spec';
import type { CalmModelView } from '../../../server/src/protocol';
import type { ModelTree, Problem, TreeEntry } from './tree-model';

export interface TreeSnapshotItem {
  /** The TreeItem id: stable across refreshes, e.g. `node:order-service`, `node-type:service`. */
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly tooltip?: string;
  /** Codicon name. */
  readonly icon: string;
  readonly problem?: Problem;
  /** How the item first appears (VS Code may since have expanded or collapsed it). */
  readonly collapsible: Collapsible;
  /** All children, whether expanded on screen or not. */
  readonly children: readonly TreeSnapshotItem[];
}

export interface TreeSnapshot {
  /** The document shown; undefined while the welcome content is shown. */
  readonly uri?: string;
  readonly version?: number;
  /** The view's description: which file it shows. */
  readonly description?: string;
  /** The message above the items (a stale model), if any. */
  readonly message?: string;
  readonly filter?: string;
  readonly matchCount?: number;
  readonly items: readonly TreeSnapshotItem[];
}

function item(entry: TreeEntry): TreeSnapshotItem {
  const spec = toTreeItemSpec(entry);
  return {
    id: spec.id,
    label: spec.label,
    description: spec.description,
    tooltip: spec.tooltip,
    icon: spec.icon,
    problem: spec.problem,
    collapsible: spec.collapsible,
    children: entry.children.map(item),
  };
}

export function snapshotOf(tree: ModelTree | undefined, description?: string, message?: string): TreeSnapshot {
  if (!tree) return { items: [] };
  return {
    uri: tree.uri,
    version: tree.version,
    description,
    message,
    filter: tree.filter,
    matchCount: tree.filter === undefined ? undefined : tree.matchCount,
    items: tree.roots.map(item),
  };
}

/** What the message line above the items says: which file is shown (a single view's title bar hides the description), what it is, its problems. */
export function viewMessage(model: CalmModelView | undefined, file: string): string | undefined {
  if (!model) return undefined;
  if (model.stale) return `${file} does not parse at the moment: showing its last valid model.`;
  const what = `CALM${model.calmVersion ? ` ${model.calmVersion}` : ''} ${model.kind}`;
  const problems = [plural(model.errorCount, 'error'), plural(model.warningCount, 'warning')].filter((p): p is string => p !== undefined);
  return `${file}: ${what}${problems.length > 0 ? `, ${problems.join(', ')}` : ''}`;
}

function plural(n: number, word: string): string | undefined {
  return n > 0 ? `${n} ${word}${n === 1 ? '' : 's'}` : undefined;
}
