/**
 * The overview of a big diagram, drawn when it is zoomed out too far to read: every node of a type is
 * one rectangle in a single path, every edge one polyline in a single path. A handful of SVG elements
 * however many thousand nodes there are, so the page stays responsive; zooming in brings the detail.
 */
import type { DiagramGraph } from './diagram-graph';
import type { DiagramLayout } from './layout-types';
import { SHAPE_KINDS, type ShapeKind } from './node-shapes';

const r1 = (v: number) => Math.round(v);

export function rectsPath(boxes: Iterable<{ x: number; y: number; width: number; height: number }>): string {
  let d = '';
  for (const b of boxes) d += `M${r1(b.x)} ${r1(b.y)}h${r1(b.width)}v${r1(b.height)}h${-r1(b.width)}z`;
  return d;
}

export function polylinesPath(lines: Iterable<readonly number[]>): string {
  let d = '';
  for (const p of lines) {
    d += `M${r1(p[0])} ${r1(p[1])}`;
    for (let i = 2; i < p.length; i += 2) d += `L${r1(p[i])} ${r1(p[i + 1])}`;
  }
  return d;
}

export function overviewSvg(graph: DiagramGraph, layout: DiagramLayout): string {
  const shapes = new Map(graph.nodes.map((n) => [n.id, n.shape]));
  const containers = layout.nodes.filter((n) => n.container);
  const byShape = new Map<ShapeKind, typeof layout.nodes>();
  for (const n of layout.nodes) {
    if (n.container) continue;
    const shape = shapes.get(n.id) ?? 'custom';
    byShape.set(shape, [...(byShape.get(shape) ?? []), n]);
  }
  const nodePaths = SHAPE_KINDS.filter((k) => byShape.has(k))
    .map((k) => `<path class="calm-ov-nodes shape-${k}" d="${rectsPath(byShape.get(k) ?? [])}"/>`)
    .join('');
  return (
    `<g class="calm-overview">` +
    (containers.length > 0 ? `<path class="calm-ov-containers" d="${rectsPath(containers)}"/>` : '') +
    `<path class="calm-ov-edges" d="${polylinesPath(layout.edges.map((e) => e.points))}"/>` +
    nodePaths +
    `<g class="calm-ov-marks"></g>` +
    `</g>`
  );
}
