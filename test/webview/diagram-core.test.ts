// The pure code the preview, the render CLI and the benchmarks share, run in Node: model -> graph,
// topology key, layout with elkjs (both strategies), SVG text, and the check of the webview's messages.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ELK from 'elkjs/lib/elk.bundled.js';
import { generateDiagramArchitectureText } from '../../bench/diagram-architecture';
import { toDiagramGraph, type DiagramGraph, type SourceRelationship } from '../../webview/src/diagram-graph';
import { flowOrder, LAYERED_MAX_NODES } from '../../webview/src/elk-graph';
import { escapeXml } from '../../webview/src/escape';
import { computeLayout } from '../../webview/src/layout';
import type { DiagramLayout, LaidOutNode } from '../../webview/src/layout-types';
import { parseFromWebview, toPreviewModel } from '../../webview/src/messages';
import { renderSvg } from '../../webview/src/svg';
import { fitLines } from '../../webview/src/text-fit';
import { topologyKey } from '../../webview/src/topology';
import { editedExample, exampleText, modelOf } from './harness/models';

const exampleGraph = (): DiagramGraph => toDiagramGraph(toPreviewModel(modelOf(exampleText())));

function source(nodes: string[], relationships: SourceRelationship[]) {
  return { nodes: nodes.map((id) => ({ uniqueId: id, name: id.toUpperCase(), nodeType: 'service', interfaces: [] })), relationships, flows: [] };
}

const inside = (inner: LaidOutNode, outer: LaidOutNode) => inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

describe('model -> diagram graph', () => {
  test('the example: 9 nodes, the platform first with its 6 members, 2 interacts and 5 connects edges with their protocols', () => {
    const graph = exampleGraph();
    assert.equal(graph.nodes.length, 9);
    const index = (id: string) => graph.nodes.findIndex((n) => n.id === id);
    assert.ok(graph.nodes.filter((n) => n.parent !== undefined).every((n) => index(n.id) > index('ecommerce-platform')), 'containers come before their members');
    assert.deepEqual(graph.nodes.filter((n) => n.parent === 'ecommerce-platform').map((n) => n.id), ['api-gateway', 'order-service', 'inventory-service', 'payment-service', 'order-database', 'inventory-database']);
    assert.deepEqual(graph.edges.filter((e) => e.kind === 'interacts').map((e) => `${e.source}>${e.target}`), ['customer>api-gateway', 'admin>api-gateway']);
    assert.deepEqual(graph.edges.filter((e) => e.kind === 'connects').map((e) => `${e.id}:${e.label}`), [
      'gateway-to-orders:HTTPS',
      'gateway-to-inventory:HTTPS',
      'orders-to-database:JDBC',
      'orders-to-payment:HTTPS',
      'inventory-to-database:JDBC',
    ]);
  });

  test('an interacts with several nodes draws one edge each; references to missing nodes are left out', () => {
    const graph = toDiagramGraph(
      source(['a', 'b', 'c'], [
        { uniqueId: 'uses', kind: 'interacts', source: 'a', nodes: ['b', 'c', 'ghost'] },
        { uniqueId: 'dangling', kind: 'connects', source: 'a', destination: 'ghost' },
      ]),
    );
    assert.deepEqual(graph.edges.map((e) => [e.id, e.relationshipId, e.target]), [
      ['uses#0', 'uses', 'b'],
      ['uses#1', 'uses', 'c'],
    ]);
  });

  test('containment cycles are cut and a second container becomes an edge', () => {
    const graph = toDiagramGraph(
      source(['a', 'b', 'c'], [
        { uniqueId: 'a-has-b', kind: 'composed-of', container: 'a', nodes: ['b'] },
        { uniqueId: 'b-has-a', kind: 'composed-of', container: 'b', nodes: ['a'] },
        { uniqueId: 'b-runs-in-c', kind: 'deployed-in', container: 'c', nodes: ['b'] },
      ]),
    );
    const parents = Object.fromEntries(graph.nodes.map((n) => [n.id, n.parent]));
    assert.deepEqual(parents, { a: undefined, b: 'a', c: undefined });
    assert.deepEqual(graph.edges.map((e) => [e.id, e.kind, e.source, e.target]), [
      ['b-has-a#0', 'composed-of', 'a', 'b'],
      ['b-runs-in-c#0', 'deployed-in', 'b', 'c'],
    ]);
  });

  test('the topology key ignores names, descriptions, types and protocols, and sees ends and containers', () => {
    const key = (text: string) => topologyKey(toDiagramGraph(toPreviewModel(modelOf(text))), 'layered');
    const base = key(exampleText());
    const cosmetic = editedExample((a) => {
      a.nodes[0].name = 'Shopper';
      a.nodes[0].description = 'Someone';
      a.nodes[2]['node-type'] = 'webclient';
      (a.relationships[2] as { protocol?: string }).protocol = 'gRPC';
    });
    assert.equal(key(cosmetic), base);
    const rewired = editedExample((a) => {
      const connects = (a.relationships[2]['relationship-type'] as { connects: { destination: { node: string } } }).connects;
      connects.destination.node = 'payment-service';
    });
    assert.notEqual(key(rewired), base);
    const moved = editedExample((a) => {
      const composition = (a.relationships[7]['relationship-type'] as { 'composed-of': { nodes: string[] } })['composed-of'];
      composition.nodes.pop();
    });
    assert.notEqual(key(moved), base);
  });
});

describe('layout with elkjs', () => {
  test('the example: layered, members inside the platform below its title, every edge routed from its source to its target', async () => {
    const graph = exampleGraph();
    const layout = await computeLayout(graph, new ELK());
    assert.equal(layout.strategy, 'layered');
    const box = new Map(layout.nodes.map((n) => [n.id, n]));
    const platform = box.get('ecommerce-platform');
    assert.ok(platform?.container);
    for (const member of graph.nodes.filter((n) => n.parent === 'ecommerce-platform')) {
      const b = box.get(member.id);
      assert.ok(b && inside(b, platform), `${member.id} outside the platform`);
      assert.ok(b.y >= platform.y + 48, `${member.id} under the platform's title`);
    }
    assert.equal(layout.edges.length, 7);
    for (const route of layout.edges) {
      const e = graph.edges.find((x) => x.id === route.id);
      const from = e && box.get(e.source);
      const to = e && box.get(e.target);
      assert.ok(from && to);
      const [sx, sy] = route.points;
      const [ex, ey] = route.points.slice(-2);
      const near = (x: number, y: number, b: LaidOutNode) => x >= b.x - 1 && x <= b.x + b.width + 1 && y >= b.y - 1 && y <= b.y + b.height + 1;
      assert.ok(near(sx, sy, from) && near(ex, ey, to), `${route.id} does not join its nodes`);
    }
  });

  test('the same graph gives the same layout (positions are stable)', async () => {
    const a = await computeLayout(exampleGraph(), new ELK());
    const b = await computeLayout(exampleGraph(), new ELK());
    assert.deepEqual(a, b);
  });

  test(`above ${LAYERED_MAX_NODES} nodes: the large strategy places every node, members inside their containers, no two nodes overlapping`, async () => {
    const graph = toDiagramGraph(toPreviewModel(modelOf(generateDiagramArchitectureText({ nodes: 400 }))));
    const layout: DiagramLayout = await computeLayout(graph, new ELK());
    assert.equal(layout.strategy, 'large');
    assert.equal(layout.nodes.length, graph.nodes.length);
    assert.equal(layout.edges.length, graph.edges.length);
    const box = new Map(layout.nodes.map((n) => [n.id, n]));
    for (const n of graph.nodes) {
      if (n.parent === undefined) continue;
      const b = box.get(n.id);
      const c = box.get(n.parent);
      assert.ok(b && c && inside(b, c), `${n.id} is outside ${n.parent}`);
    }
    const leaves = layout.nodes.filter((n) => !n.container).sort((p, q) => p.x - q.x);
    for (let i = 0; i < leaves.length; i++) {
      for (let j = i + 1; j < leaves.length && leaves[j].x < leaves[i].x + leaves[i].width; j++) {
        const [p, q] = [leaves[i], leaves[j]];
        assert.ok(p.y + p.height <= q.y || q.y + q.height <= p.y, `${p.id} overlaps ${q.id}`);
      }
    }
    for (const e of layout.edges) assert.ok(e.points.length >= 4, `${e.id} has no route`);
  });

  test('the flow order puts sources before what they point to, and survives cycles', () => {
    const order = flowOrder(['d', 'c', 'b', 'a', 'x'], [
      { from: 'a', to: 'b' },
      { from: 'b', to: 'c' },
      { from: 'c', to: 'd' },
      { from: 'd', to: 'b' },
    ]);
    assert.deepEqual([...order].sort(), ['a', 'b', 'c', 'd', 'x']);
    assert.ok(order.indexOf('a') < order.indexOf('b') && order.indexOf('b') < order.indexOf('c') && order.indexOf('c') < order.indexOf('d'), order.join(','));
  });
});

describe('SVG text', () => {
  test('escapes markup and characters XML forbids', () => {
    assert.equal(escapeXml(`<a href="x">'&'</a>`), '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    assert.equal(escapeXml('a\u0000b\u001Fc\uD800d'), 'a\uFFFDb\uFFFDc\uFFFDd');
  });

  test('a hostile node renders as text', async () => {
    const graph = toDiagramGraph(source(['<img src=x onerror=alert(1)>', 'b'], [{ uniqueId: '"><script>x</script>', kind: 'connects', source: '<img src=x onerror=alert(1)>', destination: 'b', protocol: '<i>' }]));
    const svg = renderSvg(graph, await computeLayout(graph, new ELK()), { showLabels: true });
    assert.ok(!/<img|<script|<i>/.test(svg), svg);
    assert.ok(svg.includes('data-id="&lt;img src=x onerror=alert(1)&gt;"'));
  });

  test('names wrap onto two lines at most, the rest shortened', () => {
    assert.deepEqual(fitLines('Order Service', 148, 13.5, 2), ['Order Service']);
    assert.deepEqual(fitLines('The Extremely Long Name Of A Service That Never Ends', 148, 13.5, 2).length, 2);
    assert.ok(fitLines('The Extremely Long Name Of A Service That Never Ends', 148, 13.5, 2)[1].endsWith('\u2026'));
  });
});

describe('messages from the webview', () => {
  test('known messages pass, field by field', () => {
    assert.deepEqual(parseFromWebview({ type: 'reveal', element: { kind: 'node', uniqueId: 'order-service' }, extra: 1 }), { type: 'reveal', element: { kind: 'node', uniqueId: 'order-service' } });
    assert.deepEqual(parseFromWebview({ type: 'exported', format: 'png', data: 'iVBORw0KGgo=', requestId: 3 }), { type: 'exported', format: 'png', data: 'iVBORw0KGgo=', requestId: 3 });
  });

  test('anything else is dropped', () => {
    for (const bad of [
      null,
      'reveal',
      { type: 'runCommand', command: 'workbench.action.quit' },
      { type: 'reveal', element: { kind: 'file', uniqueId: '/etc/passwd' } },
      { type: 'reveal', element: { kind: 'node', uniqueId: 42 } },
      { type: 'reveal', element: { kind: 'node', uniqueId: '' } },
      { type: 'exported', format: 'exe', data: '', requestId: 0 },
      { type: 'exported', format: 'png', data: '<svg/>', requestId: 0 },
      { type: 'rendered', uri: 'x', version: -1, nodes: 1, edges: 1, containers: 0, strategy: 'layered', relaidOut: true, layoutMs: 1, drawMs: 1, totalMs: 1, stale: false },
    ]) {
      assert.equal(parseFromWebview(bad), undefined, JSON.stringify(bad));
    }
  });
});
