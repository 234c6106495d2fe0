/**
 * What is highlighted in the diagram, and why: the selection (a click, or the editor's cursor through the
 * selection hub), the search matches, and the flow being shown. Kept as ids, so a redraw (a save, a
 * zoom into a large diagram) shows the same highlights.
 */
import type { ElementRef } from '../../../server/src/protocol';
import type { DiagramGraph } from '../diagram-graph';
import type { DiagramView } from './diagram-view';
import { clearFlow, showFlow } from './flows';
import type { PanZoom } from './pan-zoom';
import { searchNodes, type SearchResult } from './search';
import type { Toolbar } from './toolbar';

const SELECTED = 'calm-selected';
const MATCH = 'calm-match';
const MATCH_WEAK = 'calm-match-weak';
const MATCH_CURRENT = 'calm-match-current';
/** The zoom a revealed element of a large diagram gets at least (its detail shows from DETAIL_SCALE). */
const READABLE_SCALE = 0.6;

export interface HighlightDeps {
  readonly view: DiagramView;
  readonly panZoom: PanZoom;
  readonly toolbar: Toolbar;
  /** The container of a composed-of / deployed-in relationship (drawn as that container). */
  containerOf(relationshipId: string): string | undefined;
}

export class Highlights {
  private selection: ElementRef | null = null;
  private found: SearchResult = { query: '', ids: [], strong: 0 };
  private index = -1;
  private flowId: string | undefined;

  constructor(private readonly deps: HighlightDeps) {}

  /** Highlights an element (a flow is shown as a flow); `reveal` brings it into view. */
  select(element: ElementRef | null, reveal: boolean): void {
    this.selection = element;
    if (element?.kind === 'flow') {
      this.flow(element.uniqueId);
      return;
    }
    this.applySelection(reveal);
  }

  /** After a redraw: the same highlights on the new drawing, without moving the view. */
  reapply(graph: DiagramGraph): void {
    if (this.flowId !== undefined && !graph.flows.some((f) => f.id === this.flowId)) this.flowId = undefined;
    this.deps.toolbar.setFlows(graph.flows, this.flowId);
    if (this.flowId !== undefined) this.flow(this.flowId, false);
    this.applySelection(false);
    if (this.found.query !== '') this.search(this.found.query, true);
  }

  /** Escape: no flow, no selection. */
  clear(): void {
    this.flow(undefined);
    this.select(null, false);
  }

  /** Revealing an element of a large diagram zooms in to where names can be read; a small one keeps its zoom. */
  private get readableScale(): number {
    return this.deps.view.current?.layout.strategy === 'large' ? READABLE_SCALE : 0;
  }

  private reveal(box: { x: number; y: number; width: number; height: number } | undefined): void {
    if (box) this.deps.panZoom.reveal(box, this.readableScale);
  }

  private applySelection(reveal: boolean): void {
    const { view } = this.deps;
    const element = this.selection;
    if (!element || element.kind === 'flow') return view.mark(SELECTED);
    const nodeId = element.kind === 'node' ? element.uniqueId : element.kind === 'interface' ? view.current?.graph.nodes.find((n) => n.interfaces.some((i) => i.id === element.uniqueId))?.id : undefined;
    if (nodeId !== undefined) {
      view.mark(SELECTED, [nodeId]);
      if (reveal) this.reveal(view.box(nodeId));
      return;
    }
    if (element.kind !== 'relationship') return view.mark(SELECTED);
    const edges = view.edgesOfRelationship(element.uniqueId);
    if (edges.length > 0) {
      view.mark(SELECTED, [], edges.map((e) => e.id));
      if (reveal) this.reveal(view.edgeBox(edges[0].id));
      return;
    }
    const container = this.deps.containerOf(element.uniqueId);
    view.mark(SELECTED, container !== undefined ? [container] : []);
    if (reveal && container !== undefined) this.reveal(view.box(container));
  }

  search(text: string, keepIndex = false): void {
    const { view } = this.deps;
    const current = view.current;
    this.found = current ? searchNodes(current.graph, text) : { query: '', ids: [], strong: 0 };
    view.mark(MATCH, this.found.ids.slice(0, this.found.strong));
    view.mark(MATCH_WEAK, this.found.ids.slice(this.found.strong));
    this.index = keepIndex ? Math.min(this.index, this.found.ids.length - 1) : this.found.ids.length > 0 ? 0 : -1;
    this.showCurrentMatch(!keepIndex);
  }

  step(delta: 1 | -1): void {
    const n = this.found.ids.length;
    if (n === 0) return;
    this.index = (this.index + delta + n) % n;
    this.showCurrentMatch(true);
  }

  private showCurrentMatch(reveal: boolean): void {
    const { view, toolbar } = this.deps;
    const { ids, strong, query } = this.found;
    const id = ids[this.index];
    view.mark(MATCH_CURRENT, id !== undefined ? [id] : []);
    if (query === '') return toolbar.setCount('');
    if (id === undefined) return toolbar.setCount('No results');
    const weak = ids.length - strong;
    toolbar.setCount(`${this.index + 1} of ${ids.length}${weak > 0 ? ` (${weak} by description)` : ''}`);
    if (reveal) this.reveal(view.box(id));
  }

  flow(id: string | undefined, reveal = true): void {
    const { view, toolbar } = this.deps;
    const flow = id === undefined ? undefined : view.current?.graph.flows.find((f) => f.id === id);
    this.flowId = flow?.id;
    toolbar.selectFlow(this.flowId);
    if (!flow) return clearFlow(view);
    const lit = showFlow(view, flow);
    if (reveal && lit[0] !== undefined) this.reveal(view.edgeBox(lit[0]));
  }
}
