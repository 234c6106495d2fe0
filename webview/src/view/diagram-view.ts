/**
 * The drawn diagram in the page. A diagram laid out with the `layered` strategy is drawn whole (built
 * off-screen in slices: layered-svg.ts). A `large` one would be tens of thousands of SVG elements: it is drawn as an
 * overview while zoomed out (svg-overview.ts) and, zoomed in, only the nodes and edges near the visible
 * area are in the page. Highlights are kept here as sets of ids, so an element drawn later gets them too.
 */
import type { DiagramEdge, DiagramGraph, DiagramNode } from '../diagram-graph';
import type { DiagramLayout, LaidOutEdge, LaidOutNode } from '../layout-types';
import { containerTitleSvg, edgeLabelSvg, edgeSvg, emptyLayers, nodeSvg, svgOpen } from '../svg';
import { overviewSvg, polylinesPath, rectsPath } from '../svg-overview';
import { buildLayered } from './layered-svg';
import type { Rect } from './pan-zoom';
import type { ViewData } from './view-data';

export type Hit = { readonly kind: 'node'; readonly node: DiagramNode } | { readonly kind: 'edge'; readonly edge: DiagramEdge };

/** Below this zoom a large diagram shows its overview: names would be under 6 px tall. */
export const DETAIL_SCALE = 0.4;
/** How far beyond the visible area (in viewport sizes) detail is drawn, so a small pan draws nothing new. */
const MARGIN = 0.5;

interface Mark {
  readonly nodes: ReadonlySet<string>;
  readonly edges: ReadonlySet<string>;
}

const EMPTY_MARK: Mark = { nodes: new Set(), edges: new Set() };

function intersects(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function segmentDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

export class DiagramView {
  private svgRoot: SVGSVGElement | undefined;
  private lod = false;
  private overview = false;
  private drawnArea: Rect | undefined;
  private readonly nodeEls = new Map<string, SVGGElement>();
  private readonly edgeEls = new Map<string, SVGGElement[]>();
  /** Containers' titles, drawn in a layer of their own above the edges. */
  private readonly titleEls = new Map<string, SVGGElement>();
  private readonly marks = new Map<string, Mark>();
  private graph: DiagramGraph | undefined;
  private layout: DiagramLayout | undefined;
  private nodesById: ReadonlyMap<string, DiagramNode> = new Map();
  private edgesById: ReadonlyMap<string, DiagramEdge> = new Map();
  private edgesByRelationship: ReadonlyMap<string, readonly DiagramEdge[]> = new Map();
  private boxes: ReadonlyMap<string, LaidOutNode> = new Map();
  private routes: ReadonlyMap<string, LaidOutEdge> = new Map();
  private edgeBounds: ReadonlyMap<string, Rect> = new Map();
  private deployments: ReadonlySet<string> = new Set();

  constructor(private readonly canvas: HTMLElement) {}

  get svg(): SVGSVGElement | undefined {
    return this.svgRoot;
  }

  get current(): { graph: DiagramGraph; layout: DiagramLayout } | undefined {
    return this.graph && this.layout ? { graph: this.graph, layout: this.layout } : undefined;
  }

  /** True while a large diagram shows its overview. */
  get showingOverview(): boolean {
    return this.lod && this.overview;
  }

  /**
   * Draws a diagram. A `layered` one is built off-screen in slices, `between()` running between them (the
   * page stays responsive; false means a newer diagram came and this one is abandoned), then swapped in
   * at once. Resolves false when abandoned.
   */
  async show(data: ViewData, showLabels: boolean, between: () => Promise<boolean>): Promise<boolean> {
    const { graph, layout } = data;
    const lod = layout.strategy === 'large';
    let svg: SVGSVGElement | null;
    if (lod) {
      // The text comes from svg.ts, which escapes every document string: no markup of the document can be in it.
      const holder = document.createElement('div');
      holder.innerHTML = `${svgOpen(layout, { showLabels })}${overviewSvg(graph, layout)}<g class="calm-detail">${emptyLayers()}</g></svg>`;
      svg = holder.querySelector('svg');
    } else {
      svg = await buildLayered(data, showLabels, between);
      if (!svg) return false;
    }
    this.graph = graph;
    this.layout = layout;
    this.nodesById = data.nodesById;
    this.edgesById = data.edgesById;
    this.edgesByRelationship = data.edgesByRelationship;
    this.boxes = data.boxes;
    this.routes = data.routes;
    this.edgeBounds = data.edgeBounds;
    this.deployments = data.deployments;
    this.nodeEls.clear();
    this.edgeEls.clear();
    this.titleEls.clear();
    this.lod = lod;
    this.drawnArea = undefined;
    this.svgRoot = svg ?? undefined;
    this.canvas.replaceChildren(...(svg ? [svg] : []));
    if (!this.lod) this.indexAll();
    this.setOverview(this.lod);
    return true;
  }

  clear(): void {
    this.titleEls.clear();
    this.canvas.replaceChildren();
    this.svgRoot = undefined;
    this.graph = undefined;
    this.layout = undefined;
    this.nodeEls.clear();
    this.edgeEls.clear();
  }

  private indexAll(): void {
    const root = this.svgRoot;
    if (!root) return;
    for (const el of root.querySelectorAll<SVGGElement>('g.calm-node')) this.indexNode(el);
    for (const el of root.querySelectorAll<SVGGElement>('g.calm-container-title')) this.indexTitle(el);
    for (const el of root.querySelectorAll<SVGGElement>('g.calm-edge, g.calm-edge-label')) this.indexEdge(el);
  }

  private indexNode(el: SVGGElement): void {
    const id = el.dataset.id;
    if (id === undefined) return;
    this.nodeEls.set(id, el);
    for (const [className, mark] of this.marks) if (mark.nodes.has(id)) el.classList.add(className);
  }

  private indexTitle(el: SVGGElement): void {
    const id = el.dataset.id;
    if (id !== undefined) this.titleEls.set(id, el);
  }

  private indexEdge(el: SVGGElement): void {
    const id = el.dataset.id;
    if (id === undefined) return;
    const list = this.edgeEls.get(id);
    if (list) list.push(el);
    else this.edgeEls.set(id, [el]);
    for (const [className, mark] of this.marks) if (mark.edges.has(id)) el.classList.add(className);
  }

  private setOverview(on: boolean): void {
    this.overview = on;
    this.svgRoot?.classList.toggle('calm-lod-overview', this.lod && on);
    this.svgRoot?.classList.toggle('calm-lod-detail', this.lod && !on);
    if (this.lod && on) this.drawOverviewMarks();
  }

  /** A large diagram follows the view: overview when zoomed out, detail near the visible area otherwise. */
  updateViewport(visible: Rect, scale: number): void {
    if (!this.lod || !this.svgRoot || !this.layout) return;
    if (scale < DETAIL_SCALE) {
      if (!this.overview) this.setOverview(true);
      return;
    }
    if (this.overview) this.setOverview(false);
    // Redraw only when the view left the middle of the area drawn last time.
    const inner = { x: visible.x - (visible.width * MARGIN) / 2, y: visible.y - (visible.height * MARGIN) / 2, width: visible.width * (1 + MARGIN), height: visible.height * (1 + MARGIN) };
    const d = this.drawnArea;
    if (d && inner.x >= d.x && inner.y >= d.y && inner.x + inner.width <= d.x + d.width && inner.y + inner.height <= d.y + d.height) return;
    const area = { x: visible.x - visible.width * MARGIN, y: visible.y - visible.height * MARGIN, width: visible.width * (1 + 2 * MARGIN), height: visible.height * (1 + 2 * MARGIN) };
    this.drawnArea = area;
    this.drawDetail(area);
  }

  private drawDetail(area: Rect): void {
    const root = this.svgRoot;
    const layout = this.layout;
    if (!root || !layout) return;
    const [containers, edges, titles, nodes, labels] = ['calm-containers', 'calm-edges', 'calm-container-titles', 'calm-nodes', 'calm-edge-labels'].map((c) => root.querySelector<SVGGElement>(`.calm-detail > .${c}`));
    if (!containers || !edges || !titles || !nodes || !labels) return;
    // Drop what is now far away.
    for (const [id, el] of this.nodeEls) {
      const box = this.boxes.get(id);
      if (!box || !intersects(box, area)) {
        el.remove();
        this.titleEls.get(id)?.remove();
        this.titleEls.delete(id);
        this.nodeEls.delete(id);
      }
    }
    for (const [id, els] of this.edgeEls) {
      const b = this.edgeBounds.get(id);
      if (!b || !intersects(b, area)) {
        for (const el of els) el.remove();
        this.edgeEls.delete(id);
      }
    }
    // Add what came near, in layout order (outer containers before inner ones).
    let containerHtml = '';
    let titleHtml = '';
    let nodeHtml = '';
    for (const box of layout.nodes) {
      if (this.nodeEls.has(box.id) || !intersects(box, area)) continue;
      const node = this.nodesById.get(box.id);
      if (!node) continue;
      const svg = nodeSvg(node, box, this.deployments.has(node.id));
      if (box.container) {
        containerHtml += svg;
        titleHtml += containerTitleSvg(node, box);
      } else {
        nodeHtml += svg;
      }
    }
    let edgeHtml = '';
    let labelHtml = '';
    for (const route of layout.edges) {
      const b = this.edgeBounds.get(route.id);
      const edge = this.edgesById.get(route.id);
      if (!b || !edge || this.edgeEls.has(route.id) || !intersects(b, area)) continue;
      edgeHtml += edgeSvg(edge, route);
      if (edge.kind === 'connects') labelHtml += edgeLabelSvg(edge, route);
    }
    const append = (group: SVGGElement, html: string, index: (el: SVGGElement) => void) => {
      if (html === '') return;
      const before = group.childElementCount;
      group.insertAdjacentHTML('beforeend', html);
      const children = group.children;
      for (let i = before; i < children.length; i++) index(children[i] as SVGGElement);
    };
    append(containers, containerHtml, (el) => this.indexNode(el));
    append(titles, titleHtml, (el) => this.indexTitle(el));
    append(nodes, nodeHtml, (el) => this.indexNode(el));
    append(edges, edgeHtml, (el) => this.indexEdge(el));
    append(labels, labelHtml, (el) => this.indexEdge(el));
  }

  // --- highlights ------------------------------------------------------------------------------

  /** Gives `className` to exactly these nodes and edges (and their labels), drawn now or later. */
  mark(className: string, nodes: Iterable<string> = [], edges: Iterable<string> = []): void {
    const old = this.marks.get(className) ?? EMPTY_MARK;
    for (const id of old.nodes) this.nodeEls.get(id)?.classList.remove(className);
    for (const id of old.edges) for (const el of this.edgeEls.get(id) ?? []) el.classList.remove(className);
    const mark: Mark = { nodes: new Set(nodes), edges: new Set(edges) };
    this.marks.set(className, mark);
    for (const id of mark.nodes) this.nodeEls.get(id)?.classList.add(className);
    for (const id of mark.edges) for (const el of this.edgeEls.get(id) ?? []) el.classList.add(className);
    if (this.lod && this.overview) this.drawOverviewMarks();
  }

  marked(className: string): Mark {
    return this.marks.get(className) ?? EMPTY_MARK;
  }

  /** In the overview, highlights are outlines over the packed rectangles. */
  private drawOverviewMarks(): void {
    const group = this.svgRoot?.querySelector('.calm-ov-marks');
    if (!group) return;
    const paths: string[] = [];
    const add = (className: string, markClass: string) => {
      const mark = this.marks.get(className);
      if (!mark) return;
      const boxes = [...mark.nodes].map((id) => this.boxes.get(id)).filter((b): b is LaidOutNode => b !== undefined);
      const lines = [...mark.edges].map((id) => this.routes.get(id)?.points).filter((p): p is readonly number[] => p !== undefined);
      const d = rectsPath(boxes) + polylinesPath(lines);
      if (d !== '') paths.push(`<path class="${markClass}" d="${d}"/>`);
    };
    add('calm-flow-on', 'calm-ov-flow');
    add('calm-match', 'calm-ov-match');
    add('calm-selected', 'calm-ov-selected');
    group.innerHTML = paths.join('');
  }

  // --- lookups ---------------------------------------------------------------------------------

  /** The node or edge under an event's target, or (overview) at a point of the diagram. */
  hitTest(target: EventTarget | null, at?: { x: number; y: number }, tolerance = 4): Hit | undefined {
    if (target instanceof Element) {
      const el = target.closest<SVGGElement>('g.calm-node, g.calm-container-title, g.calm-edge, g.calm-edge-label');
      const id = el?.dataset.id;
      if (el && id !== undefined) {
        if (el.classList.contains('calm-node') || el.classList.contains('calm-container-title')) {
          const node = this.nodesById.get(id);
          return node ? { kind: 'node', node } : undefined;
        }
        const edge = this.edgesById.get(id);
        return edge ? { kind: 'edge', edge } : undefined;
      }
    }
    if (!this.showingOverview || !at || !this.layout) return undefined;
    let container: LaidOutNode | undefined;
    for (const box of this.layout.nodes) {
      if (at.x < box.x || at.y < box.y || at.x > box.x + box.width || at.y > box.y + box.height) continue;
      if (!box.container) {
        const node = this.nodesById.get(box.id);
        return node ? { kind: 'node', node } : undefined;
      }
      container = box;
    }
    for (const route of this.layout.edges) {
      const p = route.points;
      for (let i = 0; i + 3 < p.length; i += 2) {
        if (segmentDistance(at.x, at.y, p[i], p[i + 1], p[i + 2], p[i + 3]) <= tolerance) {
          const edge = this.edgesById.get(route.id);
          if (edge) return { kind: 'edge', edge };
        }
      }
    }
    const node = container ? this.nodesById.get(container.id) : undefined;
    return node ? { kind: 'node', node } : undefined;
  }

  node(id: string): DiagramNode | undefined {
    return this.nodesById.get(id);
  }

  nodeElement(id: string): SVGGElement | undefined {
    return this.nodeEls.get(id);
  }

  edgeElements(id: string): readonly SVGGElement[] {
    return this.edgeEls.get(id) ?? [];
  }

  edgesOfRelationship(relationshipId: string): readonly DiagramEdge[] {
    return this.edgesByRelationship.get(relationshipId) ?? [];
  }

  box(id: string): LaidOutNode | undefined {
    return this.boxes.get(id);
  }

  route(edgeId: string): LaidOutEdge | undefined {
    return this.routes.get(edgeId);
  }

  edgeBox(edgeId: string): Rect | undefined {
    return this.edgeBounds.get(edgeId);
  }
}
