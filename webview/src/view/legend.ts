/** The small legend: the node types present in the diagram, and the line styles. */
import { MAX_NESTING } from '../containment';
import type { DiagramGraph } from '../diagram-graph';
import { ICONS, SHAPE_KINDS, SHAPE_LABELS } from '../node-shapes';
import { CYCLE_GLYPH } from '../svg';
import { h, s } from './dom';

function swatch(shape: (typeof SHAPE_KINDS)[number]): SVGSVGElement {
  return s('svg', { class: `calm-legend-icon calm-node shape-${shape}`, viewBox: '0 0 24 24', 'aria-hidden': 'true' }, [s('path', { class: 'calm-glyph', d: ICONS[shape] })]);
}

function line(kind: string): SVGSVGElement {
  return s('svg', { class: `calm-legend-line calm-edge kind-${kind}`, viewBox: '0 0 36 12', 'aria-hidden': 'true' }, [
    s('path', { class: 'calm-line', d: 'M1 6H28' }),
    s('path', { class: 'calm-arrow', d: 'M35 6L27 2V10Z' }),
  ]);
}

function cycleSwatch(): SVGSVGElement {
  return s('svg', { class: 'calm-legend-icon', viewBox: '-9 -9 18 18', 'aria-hidden': 'true' }, [s('g', { class: 'calm-cycle-mark' }, [s('circle', { r: '8' }), s('path', { d: CYCLE_GLYPH })])]);
}

export function renderLegend(el: HTMLElement, graph: DiagramGraph): void {
  const shapes = SHAPE_KINDS.filter((k) => graph.nodes.some((n) => n.shape === k));
  const kinds = new Set(graph.edges.map((e) => e.kind));
  const items: HTMLElement[] = shapes.map((k) => h('li', {}, [swatch(k), h('span', { text: SHAPE_LABELS[k] })]));
  if (kinds.has('connects')) items.push(h('li', {}, [line('connects'), h('span', { text: 'connects' })]));
  if (kinds.has('interacts')) items.push(h('li', {}, [line('interacts'), h('span', { text: 'interacts' })]));
  if (kinds.has('deployed-in') || kinds.has('composed-of')) items.push(h('li', {}, [line('deployed-in'), h('span', { text: 'also inside' })]));
  if (graph.nodes.some((n) => n.cycle)) items.push(h('li', { className: 'calm-legend-cycle' }, [cycleSwatch(), h('span', { text: 'containment cycle' })]));
  const flat = graph.nodes.reduce((count, n) => count + (n.flattened ? 1 : 0), 0);
  // A note across the legend: nesting deeper than drawn is easy to miss when zoomed out.
  if (flat > 0) items.push(h('li', { className: 'calm-legend-note' }, [h('span', { text: `${flat.toLocaleString('en-US')} ${flat === 1 ? 'node' : 'nodes'} nested deeper than ${MAX_NESTING} containers drawn flat` })]));
  el.replaceChildren(h('ul', { className: 'calm-legend-list' }, items));
  el.hidden = items.length === 0;
}
