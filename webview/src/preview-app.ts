/**
 * The preview page: receives models from the extension, lays them out in the worker (or takes the
 * cached layout when only names changed), draws them, and turns clicks, hovers, searches and the
 * editor's selection into highlights and messages.
 */
import type { ElementRef } from '../../server/src/protocol';
import { toDiagramGraph, type DiagramGraph } from './diagram-graph';
import { chooseStrategy } from './elk-graph';
import type { Host } from './host';
import { LayoutClient, LayoutTimeout } from './layout-client';
import type { DiagramLayout } from './layout-types';
import type { ExportFormat, PreviewModel, ToWebview } from './messages';
import { parsePreviewState } from './messages';
import { topologyKey } from './topology';
import { DiagramView, type Hit } from './view/diagram-view';
import { buildViewData, type ViewData } from './view/view-data';
import { h } from './view/dom';
import { pngOf, standaloneSvg } from './view/export';
import { Highlights } from './view/highlights';
import { renderLegend } from './view/legend';
import { PanZoom } from './view/pan-zoom';
import { ServerBanner } from './view/server-banner';
import { Toolbar } from './view/toolbar';
import { Tooltip } from './view/tooltip';

/** Lets the page handle input and paint before the next step (a message port is not throttled like setTimeout). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(undefined);
  });
}


export interface PreviewConfig {
  readonly workerUrl: string;
  readonly deadlineMs: number;
}

export class PreviewApp {
  private readonly layouts: LayoutClient;
  private readonly view: DiagramView;
  private readonly panZoom: PanZoom;
  private readonly toolbar: Toolbar;
  private readonly tooltip: Tooltip;
  private readonly banner: HTMLElement;
  private readonly serverBanner: ServerBanner;
  private readonly message: HTMLElement;
  private readonly busy: HTMLElement;
  private readonly legend: HTMLElement;
  private readonly status: HTMLElement;
  private readonly viewport: HTMLElement;

  private uri: string | undefined;
  private documentName = 'architecture';
  private model: PreviewModel | undefined;
  private showLabels: boolean;
  private readonly highlights: Highlights;
  /** Each model takes a number; a layout that finishes after a newer model arrived is dropped. */
  private generation = 0;
  private drawnUri: string | undefined;

  constructor(
    private readonly host: Host,
    root: HTMLElement,
    config: PreviewConfig,
  ) {
    const saved = parsePreviewState(host.state());
    this.showLabels = saved?.showLabels ?? true;
    this.uri = saved?.uri;
    this.layouts = new LayoutClient(config.workerUrl, config.deadlineMs);

    this.toolbar = new Toolbar(
      {
        search: (text) => this.highlights.search(text),
        step: (delta) => this.highlights.step(delta),
        clearSearch: () => this.highlights.search(''),
        flow: (id) => this.highlights.flow(id),
        labels: (on) => this.setLabels(on),
        zoom: (factor) => this.panZoom.zoomBy(factor),
        fit: () => this.panZoom.fit(),
        reset: () => this.panZoom.reset(),
        exportAs: (format) => void this.exportAs(format, 0),
      },
      this.showLabels,
    );
    const canvas = h('div', { className: 'calm-canvas' });
    this.viewport = h('div', { className: 'calm-viewport', attrs: { tabindex: '0', 'aria-label': 'Architecture diagram' } }, [canvas]);
    this.banner = h('div', { className: 'calm-banner', attrs: { role: 'status' } });
    this.banner.hidden = true;
    this.serverBanner = new ServerBanner(() => host.post({ type: 'restartServer' }));
    this.message = h('div', { className: 'calm-message' });
    this.message.hidden = true;
    // Until the first model arrives (the language server may still be starting).
    this.busy = h('div', { className: 'calm-busy', attrs: { role: 'status' }, text: 'Waiting for the model\u2026' });
    this.legend = h('div', { className: 'calm-legend', attrs: { 'aria-label': 'Legend' } });
    this.legend.hidden = true;
    this.status = h('div', { className: 'calm-status' });
    const tip = h('div', { className: 'calm-tooltip', attrs: { role: 'tooltip' } });
    tip.hidden = true;
    root.replaceChildren(this.toolbar.element, this.banner, h('div', { className: 'calm-stage' }, [this.viewport, this.serverBanner.element, this.message, this.busy, this.legend, this.status]), tip);

    this.view = new DiagramView(canvas);
    this.panZoom = new PanZoom(this.viewport, canvas);
    this.panZoom.onChange((k) => {
      this.toolbar.setZoom(k);
      this.scheduleViewport();
    });
    this.tooltip = new Tooltip(tip, (id) => this.view.node(id)?.name ?? id);
    this.highlights = new Highlights({
      view: this.view,
      panZoom: this.panZoom,
      toolbar: this.toolbar,
      containerOf: (relationshipId) => this.model?.relationships.find((r) => r.uniqueId === relationshipId)?.container,
    });
    this.wireEvents();
    host.onMessage((m) => this.onMessage(m));
    this.layouts.prepare();
    host.post({ type: 'ready' });
  }

  private wireEvents(): void {
    this.viewport.addEventListener('click', (e) => {
      const hit = this.hitAt(e);
      if (!hit) {
        this.highlights.select(null, false);
        return;
      }
      const element: ElementRef = hit.kind === 'node' ? { kind: 'node', uniqueId: hit.node.id } : { kind: 'relationship', uniqueId: hit.edge.relationshipId };
      this.highlights.select(element, false);
      this.host.post({ type: 'reveal', element });
    });
    this.viewport.addEventListener('pointermove', (e) => {
      if (e.buttons !== 0) return this.tooltip.hide();
      const hit = this.hitAt(e);
      if (hit) this.tooltip.show(hit, e.clientX, e.clientY);
      else this.tooltip.hide();
    });
    this.viewport.addEventListener('pointerleave', () => this.tooltip.hide());
    // Fitting keeps the legend's corner free; its size is observed, not read (a read would force a layout).
    new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      this.panZoom.setBottomInset(box && box.height > 0 ? box.height + 24 : 0);
      // Observers run after layout and before paint: a diagram fitted a moment ago is re-fitted unseen.
      if (this.view.current && this.panZoom.fitted) this.panZoom.fit();
    }).observe(this.legend);
    // A diagram still fitted to the panel stays fitted when the panel is resized.
    this.panZoom.onResize(() => {
      if (this.view.current && this.panZoom.fitted) this.panZoom.fit();
      else this.scheduleViewport();
    });
    this.banner.addEventListener('click', (e) => {
      if (e.target instanceof HTMLElement && e.target.closest('a')) {
        e.preventDefault();
        this.host.post({ type: 'showProblems' });
      }
    });
    document.addEventListener('keydown', (e) => {
      const mod = e.ctrlKey || e.metaKey;
      if (mod && (e.key === 'f' || e.key === 'F')) {
        e.preventDefault();
        this.toolbar.focusSearch();
        return;
      }
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || mod || e.altKey) return;
      if (e.key === '+' || e.key === '=') this.panZoom.zoomBy(1.25);
      else if (e.key === '-' || e.key === '_') this.panZoom.zoomBy(1 / 1.25);
      else if (e.key === '0') this.panZoom.fit();
      else if (e.key === '1') this.panZoom.reset();
      else if (e.key === 'Escape') this.highlights.clear();
      else return;
      e.preventDefault();
    });
  }

  private hitAt(e: MouseEvent): Hit | undefined {
    return this.view.hitTest(e.target, this.view.showingOverview ? this.panZoom.toContent(e.clientX, e.clientY) : undefined, 4 / this.panZoom.scale);
  }

  private viewportPending = false;

  /** A large diagram draws what the view shows: once per frame at most, however fast the view moves. */
  private scheduleViewport(): void {
    if (this.viewportPending) return;
    this.viewportPending = true;
    requestAnimationFrame(() => {
      this.viewportPending = false;
      this.view.updateViewport(this.panZoom.visibleRect(), this.panZoom.scale);
    });
  }

  private onMessage(message: ToWebview): void {
    switch (message.type) {
      case 'model':
        void this.showModel(message.uri, message.documentName, message.model);
        break;
      case 'select':
        this.highlights.select(message.element, true);
        break;
      case 'export':
        void this.exportAs(message.format, message.requestId);
        break;
      case 'serverState':
        this.serverBanner.show(message);
        break;
    }
  }

  private showBanner(model: PreviewModel): void {
    if (model.parsed) {
      this.banner.hidden = true;
      return;
    }
    const errors = model.errorCount;
    const what = model.stale ? 'Showing the last diagram that could be read.' : 'Showing what could be read.';
    this.banner.replaceChildren(
      h('span', { className: 'calm-banner-icon', text: '\u26a0' }),
      h('span', { text: `The document does not parse (${errors} ${errors === 1 ? 'error' : 'errors'}). ${what} ` }),
      h('a', { text: 'Show Problems', attrs: { href: '#', role: 'button' } }),
    );
    this.banner.hidden = false;
  }

  private showMessage(title: string, text: string): void {
    this.message.replaceChildren(h('div', { className: 'calm-message-title', text: title }), h('div', { className: 'calm-message-text', text }));
    this.message.hidden = false;
  }

  private async showModel(uri: string, documentName: string, model: PreviewModel): Promise<void> {
    const generation = ++this.generation;
    this.receivedAt = performance.now();
    const newDocument = uri !== this.drawnUri;
    this.uri = uri;
    this.documentName = documentName;
    this.host.saveState({ uri, showLabels: this.showLabels });
    this.showBanner(model);

    // Broken text: keep the diagram on screen (the last one that could be read), only the banner changes.
    if (!model.parsed && !newDocument && this.view.current && this.model?.parsed !== false) {
      this.rendered(model, this.view.current.graph, this.view.current.layout, false, 0, 0, true);
      return;
    }
    this.model = model;
    if (model.kind !== 'architecture') {
      this.clearDiagram();
      this.showMessage(`This is a CALM ${model.kind}`, 'Only architectures have a diagram. Open an architecture document to see it here.');
      this.postEmpty(model);
      return;
    }
    // Big models are read in several short tasks, so the page never stops answering for long.
    await nextTask();
    if (generation !== this.generation) return;
    // User Timing marks name each step in the Performance panel of the webview's developer tools.
    performance.mark('calm:model');
    const graph = toDiagramGraph(model);
    performance.mark('calm:graph');
    await nextTask();
    if (generation !== this.generation) return;
    if (graph.nodes.length === 0) {
      this.clearDiagram();
      this.showMessage('Nothing to draw yet', model.parsed ? 'This architecture has no nodes. Add a node to "nodes" and the diagram appears here.' : 'Fix the problems in the document and the diagram appears here.');
      this.postEmpty(model);
      return;
    }
    const strategy = chooseStrategy(graph);
    const key = topologyKey(graph, strategy);
    performance.mark('calm:key');
    const cached = this.layouts.cached(key);
    if (!cached) {
      this.busy.textContent = `Laying out ${graph.nodes.length} nodes\u2026`;
      this.busy.hidden = false;
    }
    try {
      const result = await this.layouts.layout(graph, strategy, key);
      await nextTask();
      if (generation !== this.generation) return;
      performance.mark('calm:laid-out');
      const data = buildViewData(graph, result.layout);
      const started = performance.now();
      if (!(await this.view.show(data, this.showLabels, async () => (await nextTask(), generation === this.generation)))) return;
      if (generation !== this.generation) return;
      this.busy.hidden = true;
      this.message.hidden = true;
      this.afterShow(data, newDocument);
      this.lastDrawMs = performance.now() - started;
      performance.mark('calm:drawn');
      this.rendered(model, graph, result.layout, !result.reused, result.ms, this.lastDrawMs, !model.parsed);
    } catch (error) {
      if (generation !== this.generation) return;
      this.busy.hidden = true;
      const text =
        error instanceof LayoutTimeout
          ? `${error.message} The architecture has ${graph.nodes.length} nodes and ${graph.edges.length} connections. The last diagram stays on screen; the next change tries again.`
          : `The layout failed: ${error instanceof Error ? error.message : String(error)}`;
      this.showMessage(error instanceof LayoutTimeout ? 'The diagram is taking too long' : 'The diagram could not be drawn', text);
      this.host.post({ type: 'layoutFailed', uri, version: model.version, message: text });
    }
  }

  private lastDrawMs = 0;
  private receivedAt = 0;

  /** The diagram is in the page: place the view, and bring back the legend, flows and highlights. */
  private afterShow(data: ViewData, newDocument: boolean): void {
    const { graph, layout } = data;
    this.tooltip.hide();
    this.panZoom.setContentSize(layout.width, layout.height);
    if (newDocument) this.panZoom.fit();
    this.view.updateViewport(this.panZoom.visibleRect(), this.panZoom.scale);
    this.drawnUri = this.uri;
    renderLegend(this.legend, graph);
    this.status.textContent = `${graph.nodes.length} nodes \u00b7 ${graph.edges.length} connections`;
    this.highlights.reapply(graph);
  }

  private clearDiagram(): void {
    this.busy.hidden = true;
    this.view.clear();
    this.legend.hidden = true;
    this.status.textContent = '';
    this.toolbar.setFlows([], undefined);
    this.drawnUri = this.uri;
  }

  private postEmpty(model: PreviewModel): void {
    this.host.post({ type: 'rendered', uri: this.uri ?? '', version: model.version, nodes: 0, edges: 0, containers: 0, strategy: 'layered', relaidOut: false, layoutMs: 0, drawMs: 0, totalMs: performance.now() - this.receivedAt, stale: !model.parsed });
  }

  private rendered(model: PreviewModel, graph: DiagramGraph, layout: DiagramLayout, relaidOut: boolean, layoutMs: number, drawMs: number, stale: boolean): void {
    this.host.post({
      type: 'rendered',
      uri: this.uri ?? '',
      version: model.version,
      nodes: graph.nodes.length,
      edges: graph.edges.length,
      containers: layout.nodes.filter((n) => n.container).length,
      strategy: layout.strategy,
      relaidOut,
      layoutMs,
      drawMs,
      totalMs: performance.now() - this.receivedAt,
      stale,
    });
  }

  // --- labels, export ---------------------------------------------------------------------------

  private setLabels(on: boolean): void {
    this.showLabels = on;
    this.view.svg?.classList.toggle('calm-hide-labels', !on);
    if (this.uri !== undefined) this.host.saveState({ uri: this.uri, showLabels: on });
  }

  private async exportAs(format: ExportFormat, requestId: number): Promise<void> {
    const current = this.view.current;
    if (!current) return;
    const svg = standaloneSvg(current.graph, current.layout, this.showLabels, this.documentName);
    const data = format === 'svg' ? svg : await pngOf(svg, current.layout.width, current.layout.height);
    this.host.post({ type: 'exported', format, data, requestId });
  }
}
