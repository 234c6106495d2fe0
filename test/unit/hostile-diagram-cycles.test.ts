/**
 * Containment cycles through the diagram's pure code (webview/src), from the text as the server models it:
 * the graph is built, every node is drawn once, nesting is a tree (no node inside itself), the relationship
 * that closes a cycle stays visible as an edge carrying the engine's error, the nodes of a cycle are
 * marked, and ELK lays it out.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ELK from 'elkjs/lib/elk.bundled.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentStore } from '../../server/src/documents';
import { toModelView } from '../../server/src/model-view';
import { MAX_NESTING } from '../../webview/src/containment';
import { toDiagramGraph, type DiagramGraph } from '../../webview/src/diagram-graph';
import { computeLayout } from '../../webview/src/layout';
import type { LayoutStrategy } from '../../webview/src/layout-types';
import { toPreviewModel } from '../../webview/src/messages';
import { renderSvg } from '../../webview/src/svg';

const META = 'https://calm.finos.org/release/1.1/meta/calm.json';

type Containment = readonly [id: string, kind: 'composed-of' | 'deployed-in', container: string, members: readonly string[]];

function architecture(ids: readonly string[], containments: readonly Containment[]): string {
  return JSON.stringify({
    $schema: META,
    nodes: ids.map((id) => ({ 'unique-id': id, 'node-type': 'service', name: `Node ${id}`, description: id })),
    relationships: containments.map(([id, kind, container, nodes]) => ({ 'unique-id': id, description: id, 'relationship-type': { [kind]: { container, nodes } } })),
  });
}

/** What the preview draws for this text: the server's model view, the preview model, the diagram graph. */
function graphOf(text: string): DiagramGraph {
  const state = new DocumentStore({ onRuleFailures: () => assert.fail('a rule threw') }).analyze(TextDocument.create('file:///cycle.json', 'json', 1, text), undefined);
  const view = toModelView(state);
  assert.ok(view, 'the document is CALM');
  return toDiagramGraph(toPreviewModel(view));
}

/** Every node once; each node's chain of containers ends (no node inside itself); containers listed first. */
function assertDrawable(graph: DiagramGraph, ids: readonly string[]): void {
  assert.deepEqual(graph.nodes.map((n) => n.id).sort(), [...ids].sort());
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const position = new Map(graph.nodes.map((n, i) => [n.id, i]));
  for (const n of graph.nodes) {
    const seen = new Set<string>([n.id]);
    for (let p = n.parent; p !== undefined; p = byId.get(p)?.parent) {
      assert.ok(!seen.has(p), `${n.id} ends up inside itself`);
      seen.add(p);
    }
    if (n.parent !== undefined) assert.ok(position.get(n.parent)! < position.get(n.id)!, `${n.parent} is listed before ${n.id}`);
  }
}

async function assertLaidOut(graph: DiagramGraph, strategy: LayoutStrategy): Promise<void> {
  const layout = await computeLayout(graph, new ELK(), strategy);
  assert.deepEqual(layout.nodes.map((n) => n.id).sort(), graph.nodes.map((n) => n.id).sort(), strategy);
  const svg = renderSvg(graph, layout, { showLabels: true, titles: true });
  for (const n of graph.nodes) assert.ok(svg.includes(`Node ${n.id}`), `${n.id} drawn (${strategy})`);
}

describe('containment cycles in the diagram', () => {
  test('a contains b contains a (composed-of, then deployed-in): b nested in a, the closing relationship an edge with the error', async () => {
    const graph = graphOf(architecture(['a', 'b'], [
      ['a-has-b', 'composed-of', 'a', ['b']],
      ['b-hosts-a', 'deployed-in', 'b', ['a']],
    ]));
    assertDrawable(graph, ['a', 'b']);
    assert.deepEqual(graph.nodes.map((n) => [n.id, n.parent]), [['a', undefined], ['b', 'a']]);
    assert.deepEqual(graph.edges.map((e) => [e.relationshipId, e.kind, e.source, e.target, e.problem]), [['b-hosts-a', 'deployed-in', 'a', 'b', 'error']]);
    for (const strategy of ['layered', 'large'] as const) await assertLaidOut(graph, strategy);
  });

  test('self-containment: the node is drawn once, not inside itself, and marked as containing itself', async () => {
    const graph = graphOf(architecture(['a', 'b'], [['a-in-a', 'composed-of', 'a', ['a', 'b']]]));
    assertDrawable(graph, ['a', 'b']);
    assert.deepEqual(graph.nodes.map((n) => [n.id, n.parent, n.cycle]), [['a', undefined, { self: true, nodes: ['a'] }], ['b', 'a', undefined]]);
    for (const strategy of ['layered', 'large'] as const) await assertLaidOut(graph, strategy);
  });

  test('two cycles sharing nodes (a ⊃ b ⊃ c ⊃ a, b ⊃ c ⊃ d ⊃ b): a tree of containers, both closing relationships edges with the error', async () => {
    const graph = graphOf(architecture(['a', 'b', 'c', 'd'], [
      ['a-has-b', 'composed-of', 'a', ['b']],
      ['b-has-c', 'composed-of', 'b', ['c']],
      ['c-has-a', 'deployed-in', 'c', ['a', 'd']],
      ['d-has-b', 'composed-of', 'd', ['b']],
    ]));
    assertDrawable(graph, ['a', 'b', 'c', 'd']);
    assert.deepEqual(
      graph.edges.map((e) => [e.relationshipId, e.problem]),
      [['c-has-a', 'error'], ['d-has-b', 'error']],
    );
    for (const strategy of ['layered', 'large'] as const) await assertLaidOut(graph, strategy);
  });

  test('a cycle through 1,000 containers: the graph is built, nested MAX_NESTING deep (the rest drawn flat), the closing relationship an edge, every node marked', () => {
    const n = 1000;
    const ids = Array.from({ length: n }, (_, i) => `n${i}`);
    const graph = graphOf(architecture(ids, ids.map((id, i) => [`r${i}`, 'composed-of', id, [ids[(i + 1) % n]]])));
    assertDrawable(graph, ids);
    const byId = new Map(graph.nodes.map((node) => [node.id, node]));
    assert.equal(byId.get(`n${MAX_NESTING}`)?.parent, `n${MAX_NESTING - 1}`);
    assert.equal(byId.get(`n${n - 1}`)?.parent, `n${MAX_NESTING - 1}`, 'drawn flat inside the deepest drawn container');
    const closing = graph.edges.filter((e) => e.problem === 'error');
    assert.deepEqual(closing.map((e) => [e.relationshipId, e.source, e.target]), [[`r${n - 1}`, 'n0', `n${n - 1}`]]);
    assert.equal(graph.edges.length, 1 + n - 1 - MAX_NESTING, 'and one line per node drawn flat');
    assert.ok(graph.nodes.every((node) => node.cycle?.nodes.length === n && !node.cycle.self));
  });
});
