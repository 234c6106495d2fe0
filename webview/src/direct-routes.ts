/**
 * Routes for the edges ELK did not route (the `large` strategy's non-forest edges, and edges between a
 * node and its own container): an orthogonal connector with one bend line between the two boxes.
 * Cheap and deterministic; it does not avoid other nodes, which is the price of laying out thousands.
 */
import type { LaidOutEdge } from './layout-types';

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface DirectEdge {
  readonly id: string;
  readonly from: Box;
  readonly to: Box;
}

/** A small spread, fixed per edge, so parallel connectors do not draw over each other. */
function spread(id: string, steps: number): number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) | 0;
  return (Math.abs(h) % steps) - (steps >> 1);
}

const contains = (outer: Box, inner: Box) =>
  outer !== inner && inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

function route(e: DirectEdge): number[] {
  const { from, to } = e;
  const s = spread(e.id, 7);
  const fcx = from.x + from.width / 2 + s * Math.min(14, from.width / 10);
  const tcx = to.x + to.width / 2 + s * Math.min(14, to.width / 10);
  if (from === to || (from.x === to.x && from.y === to.y && from.width === to.width)) {
    const x = from.x + from.width;
    const y1 = from.y + from.height * 0.3;
    const y2 = from.y + from.height * 0.7;
    return [x, y1, x + 28, y1, x + 28, y2, x, y2];
  }
  // Member and its own container: a short line from the member up to the container's title.
  if (contains(to, from)) return [fcx, from.y, fcx, Math.max(to.y + 8, from.y - 24)];
  if (contains(from, to)) return [tcx, Math.max(from.y + 8, to.y - 24), tcx, to.y];
  if (to.y >= from.y + from.height) {
    const sy = from.y + from.height;
    const gap = to.y - sy;
    const mid = sy + gap / 2 + (spread(e.id + '/y', 5) * gap) / 12;
    return [fcx, sy, fcx, mid, tcx, mid, tcx, to.y];
  }
  if (to.y + to.height <= from.y) {
    const ty = to.y + to.height;
    const gap = from.y - ty;
    const mid = ty + gap / 2 + (spread(e.id + '/y', 5) * gap) / 12;
    return [fcx, from.y, fcx, mid, tcx, mid, tcx, ty];
  }
  const fcy = from.y + from.height / 2;
  const tcy = to.y + to.height / 2;
  if (to.x >= from.x + from.width) {
    const sx = from.x + from.width;
    const mid = (sx + to.x) / 2;
    return [sx, fcy, mid, fcy, mid, tcy, to.x, tcy];
  }
  const sx = from.x;
  const ex = to.x + to.width;
  const mid = (sx + ex) / 2;
  return [sx, fcy, mid, fcy, mid, tcy, ex, tcy];
}

export function routeDirect(edges: readonly DirectEdge[]): LaidOutEdge[] {
  return edges.map((e) => ({ id: e.id, points: route(e) }));
}
