/**
 * A layered diagram built off-screen in slices: each slice is parsed in one short task, and the page
 * answers input between them. The finished SVG is swapped in at once (no half-drawn frame).
 */
import { containerTitleSvg, edgeLabelSvg, edgeSvg, emptyLayers, nodeSvg, svgOpen } from '../svg';
import type { ViewData } from './view-data';

/** Elements per slice when a layered diagram is built: each slice is parsed in one short task. */
const SLICE = 150;

export async function buildLayered(data: ViewData, showLabels: boolean, between: () => Promise<boolean>): Promise<SVGSVGElement | null> {
  const { layout } = data;
  const holder = document.createElement('div');
  holder.innerHTML = `${svgOpen(layout, { showLabels })}${emptyLayers()}</svg>`;
  const svg = holder.querySelector('svg');
  if (!svg) return null;
  const group = (name: string) => svg.querySelector(`:scope > .${name}`) as SVGGElement;
  const [containers, edges, titles, nodes, labels] = [
    group('calm-containers'),
    group('calm-edges'),
    group('calm-container-titles'),
    group('calm-nodes'),
    group('calm-edge-labels'),
  ].map((g) => ({ group: g, parts: [] as (() => string)[] }));
  for (const box of layout.nodes) {
    const node = data.nodesById.get(box.id);
    if (!node) continue;
    (box.container ? containers : nodes).parts.push(() => nodeSvg(node, box, data.deployments.has(node.id)));
    if (box.container) titles.parts.push(() => containerTitleSvg(node, box));
  }
  for (const route of layout.edges) {
    const edge = data.edgesById.get(route.id);
    if (!edge || route.points.length < 4) continue;
    edges.parts.push(() => edgeSvg(edge, route));
    if (edge.kind === 'connects') labels.parts.push(() => edgeLabelSvg(edge, route));
  }
  const slices = [containers, edges, titles, nodes, labels];
  let pending = 0;
  for (const { group: g, parts } of slices) {
    for (let i = 0; i < parts.length; i += SLICE) {
      if (pending >= SLICE) {
        if (!(await between())) return null;
        pending = 0;
      }
      const slice = parts.slice(i, i + SLICE);
      g.insertAdjacentHTML('beforeend', slice.map((p) => p()).join(''));
      pending += slice.length;
    }
  }
  return svg;
}
