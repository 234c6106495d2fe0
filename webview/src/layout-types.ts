/** A laid-out diagram: where every node box and edge line goes. Names are not part of it (see svg.ts). */

/** `layered`: ELK layered with every edge routed by ELK; `large`: the cheaper plan for big graphs (layout.ts). */
export type LayoutStrategy = 'layered' | 'large';

export interface LaidOutNode {
  readonly id: string;
  /** Absolute position of the top-left corner. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** True when other nodes are drawn inside it. */
  readonly container: boolean;
}

export interface LaidOutEdge {
  readonly id: string;
  /** Absolute polyline, flat: x0, y0, x1, y1, ... (at least two points). */
  readonly points: readonly number[];
}

export interface DiagramLayout {
  /** The topology key it was computed for (topology.ts). */
  readonly key: string;
  readonly strategy: LayoutStrategy;
  readonly width: number;
  readonly height: number;
  /** Containers before their members. */
  readonly nodes: readonly LaidOutNode[];
  readonly edges: readonly LaidOutEdge[];
}
