/**
 * The Model Elements tree as data: what each item shows and where it leads. Pure (no vscode import)
 * so it is unit-tested and benchmarked in Node; the TreeDataProvider is a thin layer over it.
 * Built by tree-builder.ts from the server's model of one document.
 *
 * Children are built when first asked for: a refresh costs the rows on screen, not the whole model
 * (a 1,000-node architecture has some 5,000 items, of which a person sees a few dozen).
 */
import type { ElementRef, ProtocolRange } from '../../../server/src/protocol';

export type TreeEntryKind =
  | 'filter'
  | 'section'
  | 'node-type'
  | 'relationship-type'
  | 'node'
  | 'interface'
  | 'relationship'
  | 'flow'
  | 'transition';

export type Problem = 'error' | 'warning';

export interface TreeEntry {
  /** Unique in the tree and stable across refreshes of the same document (see tree-ids.ts). */
  readonly id: string;
  readonly kind: TreeEntryKind;
  readonly label: string;
  /** The grey text after the label. */
  readonly description?: string;
  /** Plain text (never Markdown): document strings are shown as they are. Built when asked (on hover). */
  readonly tooltip?: () => string;
  /** A codicon name. */
  readonly icon: string;
  /** The worst diagnostic on this element (groups: on any element inside). */
  readonly problem?: Problem;
  /** The model element this entry stands for: what selecting it selects everywhere. */
  readonly element?: ElementRef;
  /** Where the entry's definition is in the document (a transition: the transition itself). */
  readonly range?: ProtocolRange;
  /** What to select in the editor when going to the definition. */
  readonly selectionRange?: ProtocolRange;
  /** How it first appears; VS Code remembers later expansions by id. */
  readonly expanded: boolean;
  /** How many children it has, known without building them. */
  readonly childCount: number;
  /** Built on first access. */
  readonly children: readonly TreeEntry[];
}

/** Every entry built so far, by id, with its parent. */
export class EntryRegistry {
  readonly byId = new Map<string, TreeEntry>();
  readonly parents = new Map<TreeEntry, TreeEntry>();

  adopt(parent: TreeEntry | undefined, children: TreeEntry[]): TreeEntry[] {
    for (const child of children) {
      this.byId.set(child.id, child);
      if (parent) this.parents.set(child, parent);
    }
    return children;
  }
}

/** Finds the entry of a model element, building only the branch that holds it. */
export type ElementLocator = (element: ElementRef) => TreeEntry | undefined;

/** One document's tree, with the lookups the view needs (parent, by id, by model element). */
export class ModelTree {
  constructor(
    readonly uri: string,
    readonly version: number,
    readonly roots: readonly TreeEntry[],
    /** The search text when filtered. */
    readonly filter: string | undefined,
    /** How many elements (nodes, relationships, flows) the filter kept. */
    readonly matchCount: number,
    /** True when the document does not parse and this is its last good model. */
    readonly stale: boolean,
    private readonly registry: EntryRegistry,
    private readonly locate: ElementLocator,
  ) {}

  children(entry?: TreeEntry): readonly TreeEntry[] {
    return entry ? entry.children : this.roots;
  }

  /** True when the entry is this tree's own (not one of an earlier refresh with the same id). */
  owns(entry: TreeEntry): boolean {
    return this.registry.byId.get(entry.id) === entry;
  }

  /** The entry with this id, building the whole tree if it is not built yet. */
  get(id: string): TreeEntry | undefined {
    const built = this.registry.byId.get(id);
    if (built) return built;
    this.buildAll();
    return this.registry.byId.get(id);
  }

  /** Undefined for a root (and for an entry of another tree). */
  parentOf(entry: TreeEntry): TreeEntry | undefined {
    return this.registry.parents.get(entry);
  }

  /** The item standing for a model element (the first, if its unique-id is duplicated); undefined if filtered out. */
  find(element: ElementRef): TreeEntry | undefined {
    return this.locate(element);
  }

  /** Every entry, depth first (builds them all). */
  *all(): Iterable<TreeEntry> {
    const stack = [...this.roots].reverse();
    for (let entry = stack.pop(); entry; entry = stack.pop()) {
      yield entry;
      for (let i = entry.children.length - 1; i >= 0; i--) stack.push(entry.children[i]!);
    }
  }

  private buildAll(): void {
    for (const entry of this.all()) void entry;
  }
}
