/**
 * The layout worker: ELK is synchronous and can take seconds on a big architecture, so it runs here,
 * never on the page's thread. One request at a time; the page drops answers it no longer needs and
 * terminates the worker when its deadline passes.
 */
import type { DiagramGraph } from './diagram-graph';
import { createElk } from './elk-factory';
import { computeLayout } from './layout';
import type { LayoutRequest, LayoutResponse } from './layout-protocol';

const elk = createElk();

/**
 * ELK's first layout in a fresh thread is several times slower than the next ones (its code is still
 * being compiled): lay out a small graph with a container right away, while the page waits for its model.
 */
const WARM_UP: DiagramGraph = {
  nodes: ['box', 'a', 'b', 'c', 'd'].map((id) => ({ id, name: id, nodeType: 'service', shape: 'service' as const, interfaces: [], parent: id === 'box' || id === 'a' ? undefined : 'box' })),
  edges: [
    { id: 'ab', relationshipId: 'ab', kind: 'interacts', source: 'a', target: 'b' },
    { id: 'bc', relationshipId: 'bc', kind: 'connects', source: 'b', target: 'c' },
    { id: 'bd', relationshipId: 'bd', kind: 'connects', source: 'b', target: 'd' },
  ],
  flows: [],
};
void computeLayout(WARM_UP, elk, 'layered').catch(() => undefined);
const scope = self as unknown as { onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null; postMessage(message: LayoutResponse): void };

scope.onmessage = (event) => {
  const { id, graph, strategy } = event.data;
  const started = performance.now();
  computeLayout(graph, elk, strategy).then(
    (layout) => scope.postMessage({ id, ok: true, layout, ms: performance.now() - started }),
    (error: unknown) => scope.postMessage({ id, ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
};
