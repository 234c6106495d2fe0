/**
 * The same graph as a Mermaid flowchart, drawn the way FINOS's CALM preview draws its diagrams
 * (Mermaid 11, `mermaid.render`, its flowchart settings, the ELK layout from @mermaid-js/layout-elk):
 * the benchmark's point of comparison. Ids become n0, n1, ... so no CALM id trips Mermaid's syntax.
 */
import type { DiagramGraph, DiagramNode } from '../webview/src/diagram-graph';

/** FINOS's preview initialises Mermaid with these (calm-plugins/vscode, mermaid-renderer.ts), plus the ELK layout. */
export const FINOS_MERMAID_CONFIG = {
  startOnLoad: false,
  securityLevel: 'strict',
  theme: 'base',
  deterministicIds: true,
  logLevel: 'error',
  layout: 'elk',
  flowchart: { curve: 'basis', padding: 15, nodeSpacing: 40, rankSpacing: 60, htmlLabels: true, useMaxWidth: true },
  maxTextSize: 2_000_000,
  maxEdges: 10_000,
} as const;

const label = (text: string) => `"${text.replace(/"/g, '#quot;').replace(/[\r\n]+/g, ' ')}"`;

function shape(node: DiagramNode, id: string): string {
  switch (node.shape) {
    case 'actor':
      return `${id}([${label(node.name)}])`;
    case 'database':
    case 'data-asset':
      return `${id}[(${label(node.name)})]`;
    default:
      return `${id}[${label(node.name)}]`;
  }
}

export function toMermaidFlowchart(graph: DiagramGraph): string {
  const ids = new Map(graph.nodes.map((n, i) => [n.id, `n${i}`]));
  const children = new Map<string | undefined, DiagramNode[]>();
  for (const n of graph.nodes) {
    const list = children.get(n.parent);
    if (list) list.push(n);
    else children.set(n.parent, [n]);
  }
  const lines = ['flowchart TB'];
  const emit = (parent: string | undefined, indent: string): void => {
    for (const n of children.get(parent) ?? []) {
      const id = ids.get(n.id) ?? '';
      if (children.has(n.id)) {
        lines.push(`${indent}subgraph ${id}[${label(n.name)}]`);
        emit(n.id, indent + '  ');
        lines.push(`${indent}end`);
      } else {
        lines.push(indent + shape(n, id));
      }
    }
  };
  emit(undefined, '  ');
  for (const e of graph.edges) {
    const from = ids.get(e.source);
    const to = ids.get(e.target);
    if (from === undefined || to === undefined) continue;
    if (e.kind === 'interacts') lines.push(`  ${from} -.-> ${to}`);
    else if (e.label) lines.push(`  ${from} -->|${label(e.label)}| ${to}`);
    else lines.push(`  ${from} --> ${to}`);
  }
  return lines.join('\n');
}
