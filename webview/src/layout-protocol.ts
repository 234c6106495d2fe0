/** Messages between the page and its layout worker (layout-worker.ts, layout-client.ts). */
import type { DiagramGraph } from './diagram-graph';
import type { DiagramLayout, LayoutStrategy } from './layout-types';

export interface LayoutRequest {
  readonly id: number;
  readonly graph: DiagramGraph;
  readonly strategy: LayoutStrategy;
}

export type LayoutResponse =
  | { readonly id: number; readonly ok: true; readonly layout: DiagramLayout; readonly ms: number }
  | { readonly id: number; readonly ok: false; readonly message: string };
