/**
 * The page's side of the layout worker: one worker, created from the bundled worker script (fetched and
 * started from a blob: a webview may not start a worker from its resource URLs), a deadline per layout,
 * and a cache of layouts by topology key so a change of names redraws without laying out again.
 */
import type { DiagramGraph } from './diagram-graph';
import type { LayoutRequest, LayoutResponse } from './layout-protocol';
import type { DiagramLayout, LayoutStrategy } from './layout-types';

export class LayoutTimeout extends Error {
  override readonly name = 'LayoutTimeout';
}

export interface LayoutResult {
  readonly layout: DiagramLayout;
  /** True when the layout came from the cache. */
  readonly reused: boolean;
  /** Time the layout took (0 when reused). */
  readonly ms: number;
}

/** Layouts kept per panel: the current one and a few recent ones (undo brings the old picture back at once). */
const CACHE_SIZE = 6;

export class LayoutClient {
  private worker: Worker | undefined;
  private script: Promise<Blob> | undefined;
  private scriptUrl: string | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (r: LayoutResponse) => void }>();
  private readonly cache = new Map<string, DiagramLayout>();

  constructor(
    private readonly workerUrl: string,
    private readonly deadlineMs: number,
  ) {}

  /** Starts the worker (and its warm-up) before the first model arrives. */
  prepare(): void {
    void this.ensureWorker().catch(() => undefined);
  }

  cached(key: string): DiagramLayout | undefined {
    const layout = this.cache.get(key);
    if (layout) {
      // Most recently used last.
      this.cache.delete(key);
      this.cache.set(key, layout);
    }
    return layout;
  }

  async layout(graph: DiagramGraph, strategy: LayoutStrategy, key: string): Promise<LayoutResult> {
    const hit = this.cached(key);
    if (hit) return { layout: hit, reused: true, ms: 0 };
    const worker = await this.ensureWorker();
    const id = this.nextId++;
    const request: LayoutRequest = { id, graph, strategy };
    const response = await new Promise<LayoutResponse | 'timeout'>((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        // ELK cannot be interrupted: the only way to stop it is to end its thread.
        this.failPending('The layout was stopped.');
        this.stopWorker();
        resolve('timeout');
      }, this.deadlineMs);
      this.pending.set(id, {
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
      });
      worker.postMessage(request);
    });
    if (response === 'timeout') throw new LayoutTimeout(`The layout did not finish within ${Math.round(this.deadlineMs / 1000)} s.`);
    if (!response.ok) throw new Error(response.message);
    this.cache.set(key, response.layout);
    while (this.cache.size > CACHE_SIZE) {
      const oldest = this.cache.keys().next().value;
      if (oldest === undefined) break;
      this.cache.delete(oldest);
    }
    return { layout: response.layout, reused: false, ms: response.ms };
  }

  private async ensureWorker(): Promise<Worker> {
    if (this.worker) return this.worker;
    this.script ??= fetch(this.workerUrl).then((r) => {
      if (!r.ok) throw new Error(`The layout worker could not be loaded (${r.status}).`);
      return r.blob();
    });
    const source = await this.script;
    if (this.worker) return this.worker;
    // Kept as bytes: decoding megabytes of script to a string would cost the page's thread for nothing.
    this.scriptUrl ??= URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    const worker = new Worker(this.scriptUrl);
    worker.onmessage = (event: MessageEvent<LayoutResponse>) => {
      const entry = this.pending.get(event.data.id);
      if (!entry) return;
      this.pending.delete(event.data.id);
      entry.resolve(event.data);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.failPending(event.message || 'The layout worker stopped.');
      this.stopWorker();
    };
    this.worker = worker;
    return worker;
  }

  private failPending(message: string): void {
    for (const [id, entry] of this.pending) entry.resolve({ id, ok: false, message });
    this.pending.clear();
  }

  private stopWorker(): void {
    this.worker?.terminate();
    this.worker = undefined;
  }

  dispose(): void {
    this.failPending('The preview closed.');
    this.stopWorker();
    if (this.scriptUrl) URL.revokeObjectURL(this.scriptUrl);
  }
}
