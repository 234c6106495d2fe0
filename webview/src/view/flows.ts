/**
 * Flow highlight: everything else fades, the flow's transitions are drawn in the highlight colour with
 * their sequence numbers, in order, and their end nodes stay bright.
 */
import type { DiagramFlow } from '../diagram-graph';
import { labelAnchor } from '../svg';
import type { DiagramView } from './diagram-view';
import { s } from './dom';

export const FLOW_ON = 'calm-flow-on';
const DIM = 'calm-dim';

export function clearFlow(view: DiagramView): void {
  view.svg?.classList.remove(DIM);
  view.mark(FLOW_ON);
  view.svg?.querySelector('.calm-flow-badges')?.remove();
}

/** Highlights `flow`; returns the ids of the edges it lit, in sequence order. */
export function showFlow(view: DiagramView, flow: DiagramFlow): string[] {
  clearFlow(view);
  const svg = view.svg;
  if (!svg) return [];
  const badges = s('g', { class: 'calm-flow-badges' });
  const lit: string[] = [];
  const nodes = new Set<string>();
  for (const step of flow.steps) {
    for (const edge of view.edgesOfRelationship(step.relationshipId)) {
      const route = view.route(edge.id);
      if (!route) continue;
      lit.push(edge.id);
      nodes.add(edge.source);
      nodes.add(edge.target);
      const at = labelAnchor(route.points);
      const text = s('text', { 'text-anchor': 'middle', y: '4.2' });
      text.textContent = String(step.sequence);
      const title = s('title');
      title.textContent = step.description ?? `Step ${step.sequence}`;
      badges.appendChild(s('g', { class: 'calm-flow-badge', transform: `translate(${at.x} ${at.y})`, 'data-sequence': String(step.sequence), 'data-edge': edge.id }, [s('circle', { r: '11' }), text, title]));
    }
  }
  svg.classList.add(DIM);
  view.mark(FLOW_ON, nodes, lit);
  svg.appendChild(badges);
  return lit;
}
