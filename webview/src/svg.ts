/**
 * Laid-out diagram + its graph -> one SVG string. Pure; every string from the document is escaped
 * (escape.ts). Elements carry `data-id` (node id or edge id) and `data-rel` (an edge's relationship), which
 * is all the webview needs to wire clicks, tooltips, search and highlights.
 */
import type { DiagramEdge, DiagramGraph, DiagramNode } from './diagram-graph';
import { escapeXml } from './escape';
import type { DiagramLayout, LaidOutEdge, LaidOutNode } from './layout-types';
import { CONTAINER_HEADER, ICONS, decorationPath, outlinePath, roundedRect } from './node-shapes';
import { nodeNotes } from './node-notes';
import { fitLines, textWidth } from './text-fit';

export interface SvgOptions {
  /** Protocol labels on connects edges (they can be toggled later with the `calm-hide-labels` class). */
  readonly showLabels: boolean;
  /** A `<style>` to embed (standalone SVG); none in the webview, whose page holds the rules. */
  readonly style?: string;
  /** Native `<title>` tooltips (standalone SVG); the webview draws its own. */
  readonly titles?: boolean;
  /** A title for the whole picture (the document's file name). */
  readonly caption?: string;
}

const NAME_SIZE = 13.5;
/** Soft shadows under the nodes of small diagrams only: a filter per node is costly to paint. */
const SHADOWED_NODES = 40;
const TEXT_X = 60;
const TEXT_RIGHT_PAD = 12;

const n2 = (v: number) => Math.round(v * 10) / 10;

function caption(node: DiagramNode): string {
  const type = node.nodeType.trim() === '' ? 'node' : node.nodeType;
  return fitLines(type.toUpperCase(), 150, 10.5 * 1.1, 1)[0] ?? '';
}

function problemMark(node: DiagramNode, x: number): string {
  return node.problem ? `<circle class="calm-problem-${node.problem}" cx="${n2(x)}" cy="0" r="5.5"/>` : '';
}

/** A circular arrow around (0, 0), radius 4.5: the mark of a node in a containment cycle (also in the legend). */
export const CYCLE_GLYPH = 'M3.2 -3.2A4.5 4.5 0 1 1 0.4 -4.5M-0.8 -6.7L1.4 -4.5L-0.8 -2.3';

/** Marks a node in a containment cycle, at (x, 0) of its box; the hover card says which cycle. */
function cycleMark(node: DiagramNode, x: number): string {
  return node.cycle ? `<g class="calm-cycle-mark" transform="translate(${n2(x)} 0)"><circle r="8"/><path d="${CYCLE_GLYPH}"/></g>` : '';
}

/** Classes of a node's group for how containment draws it. */
function containmentClasses(node: DiagramNode): string {
  return (node.cycle ? ' calm-in-cycle' : '') + (node.flattened ? ' calm-flat' : '');
}

function icon(node: DiagramNode, x: number, y: number, size: number): string {
  const scale = size / 36;
  return `<g transform="translate(${x} ${y})${scale !== 1 ? ` scale(${scale})` : ''}"><rect class="calm-tile" width="36" height="36" rx="9"/><path class="calm-glyph" transform="translate(6 6)" d="${ICONS[node.shape]}"/></g>`;
}

function title(node: DiagramNode, options: Pick<SvgOptions, 'titles'>): string {
  if (!options.titles) return '';
  const lines = [`${node.name} (${node.id})`, node.description ?? '', ...nodeNotes(node, (id) => id)].filter((l) => l !== '');
  return `<title>${escapeXml(lines.join('\n'))}</title>`;
}

function leafNode(node: DiagramNode, box: LaidOutNode, options: Pick<SvgOptions, 'titles'>): string {
  const { width: w, height: h } = box;
  const deco = decorationPath(node.shape, w, h);
  const textX = node.shape === 'actor' ? TEXT_X + 10 : TEXT_X;
  const iconX = node.shape === 'actor' ? 22 : node.shape === 'network' ? 18 : 14;
  const top = node.shape === 'webclient' ? 6 : node.shape === 'database' ? 4 : 0;
  const lines = fitLines(node.name, w - textX - TEXT_RIGHT_PAD - (node.shape === 'network' ? 10 : 0), NAME_SIZE, 2);
  const nameY = top + (lines.length > 1 ? 42 : 48);
  const tspans = lines.map((l, i) => `<tspan x="${textX}"${i > 0 ? ' dy="16.5"' : ''}>${escapeXml(l)}</tspan>`).join('');
  const typeY = top + (lines.length > 1 ? 24 : 29);
  return (
    `<g class="calm-node shape-${node.shape}${node.problem ? ` calm-problem-${node.problem}-node` : ''}${containmentClasses(node)}" data-id="${escapeXml(node.id)}" transform="translate(${n2(box.x)} ${n2(box.y)})">` +
    title(node, options) +
    `<path class="calm-shape" d="${outlinePath(node.shape, w, h)}"/>` +
    (deco ? `<path class="calm-deco" d="${deco}"/>` : '') +
    icon(node, iconX, top + (h - top - 36) / 2 + (node.shape === 'database' ? 3 : 0), 36) +
    `<text class="calm-type" x="${textX}" y="${typeY}">${escapeXml(caption(node))}</text>` +
    `<text class="calm-name" x="${textX}" y="${nameY}">${tspans}</text>` +
    problemMark(node, w - 6) +
    cycleMark(node, w - 24) +
    `</g>`
  );
}

/** A container's box: its outline and title band (its title is drawn later, above the edges: containerTitleSvg). */
function containerNode(node: DiagramNode, box: LaidOutNode, deployment: boolean, options: Pick<SvgOptions, 'titles'>): string {
  const { width: w, height: h } = box;
  const r = 12;
  const header = `M${r},0H${w - r}Q${w},0 ${w},${r}V${CONTAINER_HEADER - 8}H0V${r}Q0,0 ${r},0Z`;
  return (
    `<g class="calm-node calm-container shape-${node.shape}${deployment ? ' calm-deployment' : ''}${containmentClasses(node)}" data-id="${escapeXml(node.id)}" transform="translate(${n2(box.x)} ${n2(box.y)})">` +
    title(node, options) +
    `<path class="calm-shape" d="${roundedRect(w, h, r)}"/>` +
    `<path class="calm-header" d="${header}"/>` +
    problemMark(node, w - 8) +
    cycleMark(node, w - 28) +
    `</g>`
  );
}

/** Nodes nested too deep to draw sit flat in a container: its title band says so, as fully as its width allows. */
function flatCaption(type: string, flat: number, width: number): string {
  const size = 10.5 * 1.1;
  const count = flat.toLocaleString('en-US');
  const candidates = [`${type} \u00b7 ${count} NESTED DEEPER, DRAWN FLAT`, `${count} NESTED DEEPER, DRAWN FLAT`, `${count} DRAWN FLAT`];
  return candidates.find((c) => textWidth(c, size) <= width) ?? (fitLines(candidates[candidates.length - 1], width, size, 1)[0] ?? '');
}

/**
 * A container's icon, name and type. Drawn above the edges, with a halo in the background colour, so an
 * edge entering the container through its title band never strikes through the name.
 */
export function containerTitleSvg(node: DiagramNode, box: LaidOutNode): string {
  const name = fitLines(node.name, box.width - 56 - 16, 14.5, 1)[0] ?? '';
  const type = node.flatInside ? flatCaption(caption(node), node.flatInside, box.width - 50 - 12) : caption(node);
  return (
    `<g class="calm-container-title shape-${node.shape}" data-id="${escapeXml(node.id)}" transform="translate(${n2(box.x)} ${n2(box.y)})">` +
    icon(node, 12, 8, 28) +
    `<text class="calm-name" x="50" y="22">${escapeXml(name)}</text>` +
    `<text class="calm-type" x="50" y="37">${escapeXml(type)}</text>` +
    `</g>`
  );
}

/** Polyline with softly rounded bends; the last segment stops short so the arrowhead meets the box. */
function linePath(points: readonly number[], trimEnd: number): string {
  const count = points.length / 2;
  const px = (i: number) => points[2 * i];
  const py = (i: number) => points[2 * i + 1];
  let endX = px(count - 1);
  let endY = py(count - 1);
  const lx = endX - px(count - 2);
  const ly = endY - py(count - 2);
  const len = Math.hypot(lx, ly);
  if (len > trimEnd) {
    endX -= (lx / len) * trimEnd;
    endY -= (ly / len) * trimEnd;
  }
  let d = `M${n2(px(0))} ${n2(py(0))}`;
  for (let i = 1; i < count - 1; i++) {
    const inLen = Math.hypot(px(i) - px(i - 1), py(i) - py(i - 1));
    const outLen = Math.hypot(px(i + 1) - px(i), py(i + 1) - py(i));
    const r = Math.min(7, inLen / 2, outLen / 2);
    if (r < 0.5) {
      d += `L${n2(px(i))} ${n2(py(i))}`;
      continue;
    }
    const ax = px(i) - ((px(i) - px(i - 1)) / inLen) * r;
    const ay = py(i) - ((py(i) - py(i - 1)) / inLen) * r;
    const bx = px(i) + ((px(i + 1) - px(i)) / outLen) * r;
    const by = py(i) + ((py(i + 1) - py(i)) / outLen) * r;
    d += `L${n2(ax)} ${n2(ay)}Q${n2(px(i))} ${n2(py(i))} ${n2(bx)} ${n2(by)}`;
  }
  return d + `L${n2(endX)} ${n2(endY)}`;
}

function arrowPath(points: readonly number[]): string {
  const count = points.length / 2;
  const ex = points[2 * count - 2];
  const ey = points[2 * count - 1];
  const dx = ex - points[2 * count - 4];
  const dy = ey - points[2 * count - 3];
  const len = Math.hypot(dx, dy) || 1;
  const ux = dx / len;
  const uy = dy / len;
  const L = 9;
  const W = 4.5;
  const bx = ex - ux * L;
  const by = ey - uy * L;
  return `M${n2(ex)} ${n2(ey)}L${n2(bx - uy * W)} ${n2(by + ux * W)}L${n2(bx + uy * W)} ${n2(by - ux * W)}Z`;
}

function hitPath(points: readonly number[]): string {
  let d = '';
  for (let i = 0; i < points.length; i += 2) d += `${i === 0 ? 'M' : 'L'}${n2(points[i])} ${n2(points[i + 1])}`;
  return d;
}

/** The middle of the longest segment: where a label has the most room. */
export function labelAnchor(points: readonly number[]): { x: number; y: number } {
  let best = 0;
  let at = { x: points[0], y: points[1] };
  for (let i = 0; i + 3 < points.length; i += 2) {
    const len = Math.hypot(points[i + 2] - points[i], points[i + 3] - points[i + 1]);
    if (len > best) {
      best = len;
      at = { x: (points[i] + points[i + 2]) / 2, y: (points[i + 1] + points[i + 3]) / 2 };
    }
  }
  return at;
}

export function edgeSvg(edge: DiagramEdge, route: LaidOutEdge, options: Pick<SvgOptions, 'titles'> = {}): string {
  const points = route.points;
  const tooltip = options.titles ? `<title>${escapeXml([edge.description ?? edge.relationshipId, edge.label ?? ''].filter((t) => t !== '').join('\n'))}</title>` : '';
  return (
    `<g class="calm-edge kind-${edge.kind}${edge.problem ? ` calm-problem-${edge.problem}` : ''}" data-id="${escapeXml(edge.id)}" data-rel="${escapeXml(edge.relationshipId)}">` +
    tooltip +
    `<path class="calm-hit" d="${hitPath(points)}"/>` +
    `<path class="calm-line" d="${linePath(points, 6)}"/>` +
    `<path class="calm-arrow" d="${arrowPath(points)}"/>` +
    `</g>`
  );
}

/** A connects edge's protocol label ('' when it has none). */
export function edgeLabelSvg(edge: DiagramEdge, route: LaidOutEdge): string {
  if (!edge.label) return '';
  const text = fitLines(edge.label, 140, 10.5, 1)[0] ?? '';
  const w = Math.ceil(textWidth(text, 10.5 * 1.06) + 16);
  const at = labelAnchor(route.points);
  return (
    `<g class="calm-edge-label" data-id="${escapeXml(edge.id)}" transform="translate(${n2(at.x)} ${n2(at.y)})">` +
    `<rect x="${-w / 2}" y="-9.5" width="${w}" height="19" rx="9.5"/>` +
    `<text text-anchor="middle" y="3.8">${escapeXml(text)}</text>` +
    `</g>`
  );
}

/** Containers whose members are there by `deployed-in` (drawn dashed). */
export function deploymentContainers(graph: DiagramGraph): Set<string> {
  const deployments = new Set<string>();
  for (const n of graph.nodes) if (n.parent !== undefined && n.parentVia === 'deployed-in') deployments.add(n.parent);
  return deployments;
}

/** One node (a container or a leaf) as SVG. */
export function nodeSvg(node: DiagramNode, box: LaidOutNode, deployment: boolean, options: Pick<SvgOptions, 'titles'> = {}): string {
  return box.container ? containerNode(node, box, deployment, options) : leafNode(node, box, options);
}

/** The opening tag of the diagram's `<svg>`, with its caption and style (the layers follow). */
export function svgOpen(layout: DiagramLayout, options: SvgOptions): string {
  const w = Math.ceil(layout.width);
  const h = Math.ceil(layout.height);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="calm-diagram${options.showLabels ? '' : ' calm-hide-labels'}" data-strategy="${layout.strategy}"${layout.nodes.length <= SHADOWED_NODES ? ' data-size="small"' : ''} viewBox="0 0 ${w} ${h}" width="${w}" height="${h}">` +
    (options.caption !== undefined ? `<title>${escapeXml(options.caption)}</title>` : '') +
    (options.style !== undefined ? `<style>${options.style}</style><rect class="calm-background" width="100%" height="100%"/>` : '')
  );
}

/** The diagram's layers, bottom to top. */
export const LAYERS = ['calm-containers', 'calm-edges', 'calm-container-titles', 'calm-nodes', 'calm-edge-labels'] as const;

/** The empty layers, to be filled piece by piece (the webview). */
export function emptyLayers(): string {
  return LAYERS.map((l) => `<g class="${l}"></g>`).join('');
}

export function renderSvg(graph: DiagramGraph, layout: DiagramLayout, options: SvgOptions): string {
  const nodesById = new Map(graph.nodes.map((n) => [n.id, n]));
  const edgesById = new Map(graph.edges.map((e) => [e.id, e]));
  const deployments = deploymentContainers(graph);

  const containers: string[] = [];
  const titles: string[] = [];
  const leaves: string[] = [];
  for (const box of layout.nodes) {
    const node = nodesById.get(box.id);
    if (!node) continue;
    (box.container ? containers : leaves).push(nodeSvg(node, box, deployments.has(node.id), options));
    if (box.container) titles.push(containerTitleSvg(node, box));
  }
  const edges: string[] = [];
  const labels: string[] = [];
  for (const route of layout.edges) {
    const edge = edgesById.get(route.id);
    if (!edge || route.points.length < 4) continue;
    edges.push(edgeSvg(edge, route, options));
    if (edge.kind === 'connects') labels.push(edgeLabelSvg(edge, route));
  }

  return (
    svgOpen(layout, options) +
    `<g class="calm-containers">${containers.join('')}</g>` +
    `<g class="calm-edges">${edges.join('')}</g>` +
    `<g class="calm-container-titles">${titles.join('')}</g>` +
    `<g class="calm-nodes">${leaves.join('')}</g>` +
    `<g class="calm-edge-labels">${labels.join('')}</g>` +
    `</svg>`
  );
}
