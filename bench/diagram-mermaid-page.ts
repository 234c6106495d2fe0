/**
 * The benchmark's Mermaid page script (bundled by bench/diagram.ts): Mermaid 11 with the ELK layouts
 * registered and FINOS's settings; `calmBenchMermaid(code)` renders a flowchart and puts it in the page.
 */
import elkLayouts from '@mermaid-js/layout-elk';
import mermaid from 'mermaid';
import { FINOS_MERMAID_CONFIG } from './diagram-mermaid';

mermaid.registerLayoutLoaders(elkLayouts);
mermaid.initialize({ ...FINOS_MERMAID_CONFIG });

let next = 0;

async function render(code: string): Promise<{ ms: number; nodes: number }> {
  const started = performance.now();
  const { svg } = await mermaid.render(`bench-${next++}`, code);
  const host = document.getElementById('out');
  if (!host) throw new Error('no #out');
  host.innerHTML = svg;
  return { ms: performance.now() - started, nodes: host.querySelectorAll('g.node').length };
}

(window as unknown as { calmBenchMermaid: typeof render }).calmBenchMermaid = render;
