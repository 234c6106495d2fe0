/**
 * What VS Code renders for one tree entry, as plain data: the provider turns it into a vscode.TreeItem
 * one field at a time, the benchmark measures it in Node, and the test API reports it.
 */
import type { ModelTree, Problem, TreeEntry, TreeEntryKind } from './tree-model';

export type Collapsible = 'none' | 'collapsed' | 'expanded';

export interface TreeItemSpec {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly tooltip?: string;
  readonly icon: string;
  /** A theme colour id for the icon (problems only). */
  readonly iconColor?: string;
  readonly collapsible: Collapsible;
  /** For the `viewItem` when-clauses of the view's menus. */
  readonly contextValue: string;
  readonly problem?: Problem;
}

/** Problem colours: the ones VS Code's own lists use for errors and warnings. */
export const PROBLEM_COLORS: Readonly<Record<Problem, string>> = {
  error: 'list.errorForeground',
  warning: 'list.warningForeground',
};

/**
 * `calm.element.<kind>` for items that stand for a model element (they get the inline actions);
 * `calm.group` for groups; `calm.filter` for the "Filtered by" row.
 */
export function contextValueOf(kind: TreeEntryKind): string {
  switch (kind) {
    case 'filter':
      return 'calm.filter';
    case 'section':
    case 'node-type':
    case 'relationship-type':
      return 'calm.group';
    default:
      return `calm.element.${kind}`;
  }
}

/** `withTooltip: false` leaves the tooltip to be built on hover (the provider's resolveTreeItem). */
export function toTreeItemSpec(entry: TreeEntry, withTooltip = true): TreeItemSpec {
  return {
    id: entry.id,
    label: entry.label,
    description: entry.description,
    tooltip: withTooltip ? entry.tooltip?.() : undefined,
    icon: entry.icon,
    iconColor: entry.problem ? PROBLEM_COLORS[entry.problem] : undefined,
    collapsible: entry.childCount === 0 ? 'none' : entry.expanded ? 'expanded' : 'collapsed',
    contextValue: contextValueOf(entry.kind),
    problem: entry.problem,
  };
}

/** The entries a person sees before expanding anything: roots, then children of what starts expanded. */
export function initiallyVisible(tree: ModelTree): TreeEntry[] {
  const out: TreeEntry[] = [];
  const walk = (entries: readonly TreeEntry[]): void => {
    for (const e of entries) {
      out.push(e);
      if (e.expanded) walk(e.children);
    }
  };
  walk(tree.roots);
  return out;
}
