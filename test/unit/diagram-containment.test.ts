/**
 * How the diagram places nodes by containment (webview/src/containment.ts, containment-cycles.ts): the
 * first container that closes no cycle, the same answer as walking each container chain (checked on
 * seeded random graphs); cycle marks on exactly the nodes that contain themselves; a 10,000-deep
 * `composed-of` chain nested MAX_NESTING deep with the rest drawn flat; deep chains laid out by ELK.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ELK from 'elkjs/lib/elk.bundled.js';
import { MAX_NESTING } from '../../webview/src/containment';
import { toDiagramGraph, type DiagramGraph, type DiagramSource, type SourceRelationship } from '../../webview/src/diagram-graph';
import { computeLayout } from '../../webview/src/layout';
import type { LaidOutNode } from '../../webview/src/layout-types';
import { renderSvg } from '../../webview/src/svg';

type Kind = 'composed-of' | 'deployed-in';

function source(ids: readonly string[], containments: readonly (readonly [container: string, members: readonly string[], kind?: Kind])[]): DiagramSource {
  return {
    nodes: ids.map((id) => ({ uniqueId: id, name: `Node ${id}`, nodeType: 'system', interfaces: [] })),
    relationships: containments.map(([container, nodes, kind], i): SourceRelationship => ({ uniqueId: `r${i}`, kind: kind ?? 'composed-of', container, nodes })),
    flows: [],
  };
}

/** Node i contains node i + 1. */
function chain(length: number): DiagramSource {
  const ids = Array.from({ length }, (_, i) => `n${i}`);
  return source(ids, ids.slice(0, -1).map((id, i) => [id, [ids[i + 1]]] as const));
}

/** Drawn depth of every node, checking on the way that each container is listed before its members. */
function drawnDepths(graph: DiagramGraph): Map<string, number> {
  const depth = new Map<string, number>();
  for (const n of graph.nodes) {
    if (n.parent === undefined) {
      depth.set(n.id, 0);
      continue;
    }
    const outer = depth.get(n.parent);
    assert.ok(outer !== undefined, `${n.parent} is listed before its member ${n.id}`);
    depth.set(n.id, outer + 1);
  }
  return depth;
}

/** What the diagram did before it was linear: each member walks its container's chain. */
function naiveParents(model: DiagramSource): Map<string, string> {
  const ids = new Set(model.nodes.map((n) => n.uniqueId));
  const parents = new Map<string, string>();
  const insideItself = (member: string, container: string) => {
    for (let at: string | undefined = container; at !== undefined; at = parents.get(at)) if (at === member) return true;
    return false;
  };
  for (const r of model.relationships) {
    const container = r.container;
    if (container === undefined || !ids.has(container)) continue;
    for (const member of r.nodes ?? []) {
      if (!ids.has(member) || member === container || parents.has(member) || insideItself(member, container)) continue;
      parents.set(member, container);
    }
  }
  return parents;
}

/** Nodes that reach themselves through containment (naming themselves included). */
function naiveCyclic(model: DiagramSource): Set<string> {
  // The diagram draws no missing node, so no cycle runs through one.
  const ids = new Set(model.nodes.map((n) => n.uniqueId));
  const members = new Map<string, string[]>();
  for (const r of model.relationships) for (const m of r.nodes ?? []) if (r.container !== undefined && ids.has(r.container) && ids.has(m)) members.set(r.container, [...(members.get(r.container) ?? []), m]);
  const cyclic = new Set<string>();
  for (const { uniqueId: start } of model.nodes) {
    const seen = new Set<string>();
    const todo = [...(members.get(start) ?? [])];
    for (let at = todo.pop(); at !== undefined; at = todo.pop()) {
      if (at === start) cyclic.add(start);
      if (seen.has(at)) continue;
      seen.add(at);
      todo.push(...(members.get(at) ?? []));
    }
  }
  return cyclic;
}

/** A small seeded generator (mulberry32), so a failing case can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('containment in the diagram', () => {
  test('on 300 seeded random graphs: the same containers as walking the chains, and cycle marks on exactly the nodes that contain themselves', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const next = random(seed);
      const count = 2 + Math.floor(next() * 12);
      const ids = Array.from({ length: count }, (_, i) => `n${i}`);
      const pick = () => (next() < 0.05 ? 'ghost' : ids[Math.floor(next() * count)]);
      const containments = Array.from({ length: Math.floor(next() * count * 1.5) }, () => [pick(), Array.from({ length: 1 + Math.floor(next() * 3) }, pick), next() < 0.5 ? 'composed-of' : 'deployed-in'] as const);
      const model = source(ids, containments);
      const graph = toDiagramGraph(model);
      assert.deepEqual(new Map(graph.nodes.filter((n) => n.parent !== undefined).map((n) => [n.id, n.parent])), naiveParents(model), `seed ${seed}`);
      assert.deepEqual(new Set(graph.nodes.filter((n) => n.cycle).map((n) => n.id)), naiveCyclic(model), `seed ${seed}`);
      drawnDepths(graph);
    }
  });

  test('self-containment marks the node (self), a 2-cycle marks both with one shared list, and what they contain is not marked', () => {
    const graph = toDiagramGraph(
      source(['s', 'a', 'b', 'c', 'x', 'y'], [
        ['s', ['s', 'x']],
        ['a', ['b']],
        ['b', ['a', 'c'], 'deployed-in'],
        ['x', ['y']],
      ]),
    );
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    assert.deepEqual(byId.get('s')?.cycle, { self: true, nodes: ['s'] });
    assert.deepEqual(byId.get('a')?.cycle, { self: false, nodes: ['a', 'b'] });
    assert.equal(byId.get('a')?.cycle?.nodes, byId.get('b')?.cycle?.nodes);
    for (const id of ['c', 'x', 'y']) assert.equal(byId.get(id)?.cycle, undefined, id);
    // The SVG carries the mark, and its tooltip the note, on the marked nodes only.
    const svg = renderSvg(graph, { key: '', strategy: 'layered', width: 1000, height: 1000, nodes: graph.nodes.map((n, i) => ({ id: n.id, x: i * 10, y: 0, width: 220, height: 72, container: graph.nodes.some((m) => m.parent === n.id) })), edges: [] }, { showLabels: true, titles: true });
    const marked = [...svg.matchAll(/<g class="calm-node[^"]*calm-in-cycle[^"]*" data-id="([^"]+)"/g)].map((m) => m[1]).sort();
    assert.deepEqual(marked, ['a', 'b', 's']);
    assert.equal(svg.match(/class="calm-cycle-mark"/g)?.length, 3);
    assert.ok(svg.includes('Contains itself: a containment cycle'));
    assert.ok(svg.includes('In a containment cycle with b'));
  });

  test('a 10,000-deep composed-of chain: every node once, nested MAX_NESTING deep, the rest drawn flat with a line to its own container', () => {
    const length = 10_000;
    const graph = toDiagramGraph(chain(length));
    assert.equal(graph.nodes.length, length);
    assert.equal(new Set(graph.nodes.map((n) => n.id)).size, length, 'every node placed once');
    const depth = drawnDepths(graph);
    assert.equal(Math.max(...depth.values()), MAX_NESTING);
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    const deepest = `n${MAX_NESTING - 1}`;
    for (let i = 0; i < length; i++) {
      const n = byId.get(`n${i}`);
      assert.ok(n);
      if (i <= MAX_NESTING) {
        assert.equal(n.parent, i === 0 ? undefined : `n${i - 1}`, n.id);
        assert.equal(n.flattened, undefined, n.id);
      } else {
        assert.equal(n.parent, deepest, n.id);
        assert.deepEqual(n.flattened, { container: `n${i - 1}`, depth: i }, n.id);
      }
    }
    assert.equal(byId.get(deepest)?.flatInside, length - 1 - MAX_NESTING);
    assert.equal(graph.edges.length, length - 1 - MAX_NESTING);
    assert.ok(graph.edges.every((e) => e.kind === 'composed-of' && byId.get(e.source)?.flattened?.container === e.target));
  });

  test('a 3,000-deep chain (whose full nesting overflows the stack inside ELK) is laid out, every member inside its drawn container', async () => {
    const length = 3000;
    const graph = toDiagramGraph(chain(length));
    const layout = await computeLayout(graph, new ELK());
    assert.equal(layout.strategy, 'large');
    assert.equal(layout.nodes.length, length);
    const box = new Map(layout.nodes.map((n) => [n.id, n]));
    const inside = (inner: LaidOutNode | undefined, outer: LaidOutNode | undefined) => !!inner && !!outer && inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
    for (const n of graph.nodes) if (n.parent !== undefined) assert.ok(inside(box.get(n.id), box.get(n.parent)), `${n.id} inside ${n.parent}`);
    assert.equal(layout.edges.length, graph.edges.length, 'every line drawn');
  });

  test('a chain just past the nesting bound in the layered strategy: ELK lays it out, and the deepest container says what it holds flat', async () => {
    const graph = toDiagramGraph(chain(MAX_NESTING + 6));
    const layout = await computeLayout(graph, new ELK(), 'layered');
    assert.equal(layout.nodes.length, MAX_NESTING + 6);
    const svg = renderSvg(graph, layout, { showLabels: true, titles: true });
    assert.match(svg, />(SYSTEM · )?5 NESTED DEEPER, DRAWN FLAT<\/text>/, 'the title band of the deepest drawn container');
    assert.ok(svg.includes(`Nested ${MAX_NESTING + 5} containers deep, in n${MAX_NESTING + 4}: drawn flat (the diagram nests ${MAX_NESTING} deep)`));
    assert.equal(svg.match(/class="calm-node[^"]* calm-flat"/g)?.length, 5);
  });
});
