/** The hover card: a node's name, type, id, description and interfaces; an edge's ends, kind and description. */
import type { DiagramEdge, DiagramInterface, DiagramNode } from '../diagram-graph';
import { cycleNote, nestingNote } from '../node-notes';
import { SHAPE_LABELS } from '../node-shapes';
import type { Hit } from './diagram-view';
import { h } from './dom';

const EDGE_KIND_LABELS: Readonly<Record<DiagramEdge['kind'], string>> = {
  connects: 'connects',
  interacts: 'interacts',
  'deployed-in': 'deployed in',
  'composed-of': 'composed of',
};

function interfaceLine(i: DiagramInterface): string {
  const where = [i.host, i.port !== undefined ? `:${i.port}` : undefined, i.url].filter((p) => p !== undefined && p !== '').join('');
  return [i.id, i.protocol, where].filter((p) => p !== undefined && p !== '').join(' \u00b7 ');
}

export class Tooltip {
  constructor(
    private readonly el: HTMLElement,
    private readonly nameOf: (id: string) => string,
  ) {}

  show(hit: Hit, clientX: number, clientY: number): void {
    this.el.replaceChildren(...(hit.kind === 'node' ? this.nodeContent(hit.node) : this.edgeContent(hit.edge)));
    this.el.hidden = false;
    const pad = 14;
    const { innerWidth: vw, innerHeight: vh } = window;
    const r = this.el.getBoundingClientRect();
    const left = clientX + pad + r.width > vw ? Math.max(4, clientX - pad - r.width) : clientX + pad;
    const top = clientY + pad + r.height > vh ? Math.max(4, clientY - pad - r.height) : clientY + pad;
    this.el.style.left = `${left}px`;
    this.el.style.top = `${top}px`;
  }

  hide(): void {
    this.el.hidden = true;
  }

  private nodeContent(node: DiagramNode): Node[] {
    const type = node.shape === 'custom' && node.nodeType !== '' ? node.nodeType : SHAPE_LABELS[node.shape];
    const parts: Node[] = [h('div', { className: 'calm-tip-title', text: node.name }), h('div', { className: 'calm-tip-meta', text: `${type} \u00b7 ${node.id}` })];
    if (node.description) parts.push(h('div', { className: 'calm-tip-text', text: node.description }));
    if (node.interfaces.length > 0) {
      parts.push(h('div', { className: 'calm-tip-heading', text: 'Interfaces' }), h('ul', { className: 'calm-tip-list' }, node.interfaces.map((i) => h('li', { text: interfaceLine(i) }))));
    }
    const cycle = cycleNote(node, this.nameOf);
    if (cycle) parts.push(h('div', { className: 'calm-tip-problem calm-tip-error calm-tip-cycle', text: cycle }));
    const nesting = nestingNote(node, this.nameOf);
    if (nesting) parts.push(h('div', { className: 'calm-tip-text calm-tip-nesting', text: nesting }));
    if (node.problem) parts.push(h('div', { className: `calm-tip-problem calm-tip-${node.problem}`, text: node.problem === 'error' ? 'Has errors (see Problems)' : 'Has warnings (see Problems)' }));
    return parts;
  }

  private edgeContent(edge: DiagramEdge): Node[] {
    const parts: Node[] = [
      h('div', { className: 'calm-tip-title', text: `${this.nameOf(edge.source)} \u2192 ${this.nameOf(edge.target)}` }),
      h('div', { className: 'calm-tip-meta', text: `${EDGE_KIND_LABELS[edge.kind]} \u00b7 ${edge.relationshipId}` }),
    ];
    if (edge.description) parts.push(h('div', { className: 'calm-tip-text', text: edge.description }));
    if (edge.label) parts.push(h('div', { className: 'calm-tip-text', text: `Protocol: ${edge.label}` }));
    if (edge.problem) parts.push(h('div', { className: `calm-tip-problem calm-tip-${edge.problem}`, text: edge.problem === 'error' ? 'Has errors (see Problems)' : 'Has warnings (see Problems)' }));
    return parts;
  }
}
