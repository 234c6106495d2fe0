/**
 * The Model Elements tree's data on small hand-made models: the edge cases a real file rarely shows
 * (duplicate ids, hostile names, problems, unnumbered transitions, custom types).
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CalmModelView, ModelNode, ModelRelationship, ProtocolRange } from '../../server/src/protocol';
import { buildModelTree } from '../../client/src/tree/tree-builder';
import type { ModelTree, TreeEntry } from '../../client/src/tree/tree-model';
import { contextValueOf, toTreeItemSpec, initiallyVisible } from '../../client/src/tree/tree-item-spec';

function at(line: number): ProtocolRange {
  return { start: { line, character: 0 }, end: { line, character: 10 } };
}

function node(uniqueId: string, extra: Partial<ModelNode> = {}): ModelNode {
  return { uniqueId, interfaces: [], range: at(1), selectionRange: at(1), ...extra };
}

function rel(uniqueId: string, extra: Partial<ModelRelationship>): ModelRelationship {
  return { uniqueId, range: at(2), selectionRange: at(2), ...extra };
}

function model(parts: Partial<CalmModelView>): CalmModelView {
  return {
    uri: 'file:///m.json',
    version: 1,
    kind: 'architecture',
    parsed: true,
    stale: false,
    nodes: [],
    relationships: [],
    flows: [],
    errorCount: 0,
    warningCount: 0,
    ...parts,
  };
}

function byLabel(entries: readonly TreeEntry[], label: string): TreeEntry {
  const found = entries.find((e) => e.label === label);
  assert.ok(found, `no entry '${label}' among ${entries.map((e) => `'${e.label}'`).join(', ')}`);
  return found;
}

/** The tooltip VS Code shows on hover. */
function tip(entry: TreeEntry): string {
  return toTreeItemSpec(entry).tooltip ?? '';
}

function labels(entries: readonly TreeEntry[]): string[] {
  return entries.map((e) => e.label);
}

function assertParentsConsistent(tree: ModelTree): void {
  for (const root of tree.roots) assert.equal(tree.parentOf(root), undefined);
  for (const entry of tree.all()) for (const child of entry.children) assert.equal(tree.parentOf(child), entry);
}

describe('tree model: hand-made models', () => {
  test('an empty model shows the three sections with zero counts and nothing to expand', () => {
    const tree = buildModelTree(model({}));
    assert.deepEqual(labels(tree.roots), ['Nodes (0)', 'Relationships (0)', 'Flows (0)']);
    assert.ok(tree.roots.every((r) => toTreeItemSpec(r).collapsible === 'none'));
  });

  test('hostile names stay the exact characters, in labels and in plain-text tooltips', () => {
    const evil = '<img src=x onerror=alert(1)> **bold** [link](command:x) $(alert)';
    const tree = buildModelTree(model({ nodes: [node('evil', { name: evil, nodeType: evil, description: evil })] }));
    const group = tree.roots[0]!.children[0]!;
    assert.equal(group.label, `${evil} (1)`);
    const item = group.children[0]!;
    assert.equal(item.label, evil);
    assert.equal(item.description, 'evil');
    assert.ok(tip(item).includes(evil), 'the tooltip carries the text unchanged');
    assert.equal(typeof toTreeItemSpec(item).tooltip, 'string');
  });

  test('duplicate unique-ids still give every item its own id, and each has its parent', () => {
    const tree = buildModelTree(
      model({
        nodes: [node('a', { nodeType: 'service' }), node('a', { nodeType: 'service' }), node('a#2', { nodeType: 'service' })],
        relationships: [rel('r', { kind: 'connects', source: 'a', destination: 'a' }), rel('r', { kind: 'connects', source: 'a', destination: 'a' })],
      }),
    );
    const ids = [...tree.all()].map((e) => e.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(
      tree.roots[0]!.children[0]!.children.map((e) => e.id),
      ['node:a', 'node:a#2', 'node:a%232'],
    );
    assert.equal(tree.find({ kind: 'node', uniqueId: 'a' })?.id, 'node:a', 'the first definition is the one revealed');
    assert.equal(tree.find({ kind: 'node', uniqueId: 'a#2' })?.id, 'node:a%232');
    assertParentsConsistent(tree);
  });

  test('ids do not depend on position, so expansion survives an edit that inserts a node', () => {
    const before = buildModelTree(model({ nodes: [node('x', { nodeType: 'service', name: 'X' })] }));
    const after = buildModelTree(model({ version: 2, nodes: [node('new', { nodeType: 'service' }), node('x', { nodeType: 'service', name: 'X renamed' })] }));
    assert.equal(before.find({ kind: 'node', uniqueId: 'x' })?.id, after.find({ kind: 'node', uniqueId: 'x' })?.id);
    assert.equal(before.roots[0]!.children[0]!.id, after.roots[0]!.children[0]!.id, 'the node-type group keeps its id while its count changes');
  });

  test('problems colour the item and roll up to its groups; errors win over warnings', () => {
    const tree = buildModelTree(
      model({
        nodes: [node('ok', { nodeType: 'service' }), node('warn', { nodeType: 'service', problem: 'warning' }), node('bad', { nodeType: 'database', problem: 'error' })],
        relationships: [rel('r', { kind: 'interacts', source: 'ok', nodes: ['warn'], problem: 'warning' })],
      }),
    );
    const nodes = tree.roots[0]!;
    assert.equal(nodes.problem, 'error');
    assert.equal(byLabel(nodes.children, 'service (2)').problem, 'warning');
    assert.equal(byLabel(nodes.children, 'database (1)').problem, 'error');
    const bad = tree.find({ kind: 'node', uniqueId: 'bad' })!;
    assert.equal(toTreeItemSpec(bad).iconColor, 'list.errorForeground');
    assert.match(tip(bad), /Has errors/);
    assert.equal(toTreeItemSpec(tree.find({ kind: 'node', uniqueId: 'ok' })!).iconColor, undefined);
    assert.equal(tree.roots[1]!.problem, 'warning');
  });

  test('relationship labels say what they link, for every type', () => {
    const tree = buildModelTree(
      model({
        nodes: [node('k8s', { name: 'Cluster' })],
        relationships: [
          rel('i', { kind: 'interacts', source: 'u', nodes: ['a', 'b'] }),
          rel('i5', { kind: 'interacts', source: 'u', nodes: ['a', 'b', 'c', 'd', 'e'] }),
          rel('c', { kind: 'connects', source: 'a', destination: 'b', protocol: 'HTTPS' }),
          rel('c?', { kind: 'connects', destination: 'b' }),
          rel('d', { kind: 'deployed-in', container: 'k8s', nodes: ['a'] }),
          rel('o', { kind: 'options', description: 'choose one' }),
          rel('u', {}),
        ],
      }),
    );
    const groups = tree.roots[1]!.children;
    assert.deepEqual(labels(groups), ['interacts (2)', 'connects (2)', 'deployed-in (1)', 'options (1)', '(unknown relationship-type) (1)']);
    assert.deepEqual(labels(groups[0]!.children), ['u ⇢ a, b', 'u ⇢ 5 nodes']);
    assert.deepEqual(labels(groups[1]!.children), ['a → b', '? → b']);
    assert.deepEqual(labels(groups[2]!.children), ['Cluster ⊃ 1 node']);
    assert.deepEqual(labels(groups[3]!.children), ['o']);
    assert.equal(groups[1]!.children[0]!.description, 'c', 'the grey text names the relationship');
    assert.match(tip(groups[1]!.children[0]!), /protocol: HTTPS/);
  });

  test('transitions follow sequence numbers (not document order); unnumbered ones come last; reversed ones point back', () => {
    const tree = buildModelTree(
      model({
        relationships: [rel('a-b', { kind: 'connects', source: 'a', destination: 'b' })],
        flows: [
          {
            uniqueId: 'f',
            name: 'Flow',
            range: at(5),
            selectionRange: at(5),
            transitions: [
              { relationshipId: 'a-b', sequenceNumber: 3, description: 'third', range: at(8) },
              { relationshipId: 'a-b', description: 'unnumbered', range: at(9) },
              { relationshipId: 'a-b', sequenceNumber: 1, range: at(6) },
              { relationshipId: 'a-b', sequenceNumber: 2, description: 'reply', direction: 'destination-to-source', range: at(7) },
            ],
          },
        ],
      }),
    );
    const flow = tree.roots[2]!.children[0]!;
    assert.deepEqual(labels(flow.children), ['1. a → b', '2. reply', '3. third', '4. unnumbered']);
    assert.equal(flow.children[1]!.description, 'b → a');
    assert.deepEqual(flow.children[0]!.element, { kind: 'relationship', uniqueId: 'a-b' });
    assert.equal(flow.children[0]!.range?.start.line, 6, 'a transition goes to its own place in the flow');
    assert.equal(tree.find({ kind: 'relationship', uniqueId: 'a-b' })?.kind, 'relationship', 'revealing the relationship finds the relationship, not a transition');
  });

  test('nodes without a node-type and custom types get their own groups and neutral icons', () => {
    const tree = buildModelTree(model({ nodes: [node('a'), node('b', { nodeType: 'queue' })] }));
    assert.deepEqual(labels(tree.roots[0]!.children), ['(no node-type) (1)', 'queue (1)']);
    assert.equal(tree.roots[0]!.children[1]!.icon, 'symbol-misc');
  });

  test('a filter with no match shows only the filter row', () => {
    const tree = buildModelTree(model({ nodes: [node('a', { name: 'Alpha' })] }), 'zzz');
    assert.deepEqual(labels(tree.roots), ["Filtered by 'zzz' — 0 matches"]);
    assert.equal(tree.matchCount, 0);
  });

  test('a blank filter is no filter', () => {
    const tree = buildModelTree(model({ nodes: [node('a')] }), '   ');
    assert.equal(tree.filter, undefined);
    assert.equal(tree.roots[0]!.label, 'Nodes (1)');
  });

  test('filtered items get ids of their own, so the filtered view opens expanded whatever was collapsed before', () => {
    const plain = buildModelTree(model({ nodes: [node('a', { nodeType: 'service' })] }));
    const filtered = buildModelTree(model({ nodes: [node('a', { nodeType: 'service' })] }), 'a');
    const plainIds = new Set([...plain.all()].map((e) => e.id));
    assert.ok([...filtered.all()].every((e) => !plainIds.has(e.id)));
    const visible = initiallyVisible(filtered).map((e) => e.label);
    assert.deepEqual(visible, ["Filtered by 'a' — 1 match", 'Nodes (1)', 'service (1)', 'a']);
  });

  test('interfaces are children of their node, with protocol and address', () => {
    const tree = buildModelTree(
      model({
        nodes: [
          node('svc', {
            nodeType: 'service',
            interfaces: [
              { uniqueId: 'https', protocol: 'HTTPS', host: 'h.example', port: 443, range: at(3) },
              { uniqueId: 'jdbc', protocol: 'JDBC', port: 5432, range: at(4) },
              { uniqueId: 'web', url: 'https://x.example/', range: at(5) },
            ],
          }),
        ],
      }),
    );
    const svc = tree.find({ kind: 'node', uniqueId: 'svc' })!;
    assert.deepEqual(
      svc.children.map((c) => [c.label, c.description]),
      [
        ['https', 'HTTPS · h.example:443'],
        ['jdbc', 'JDBC · port 5432'],
        ['web', 'https://x.example/'],
      ],
    );
    assert.equal(toTreeItemSpec(svc).collapsible, 'collapsed');
    assert.equal(tree.parentOf(tree.find({ kind: 'interface', uniqueId: 'jdbc' })!), svc);
  });
});

describe('tree manifest', () => {
  interface MenuItem {
    command: string;
    when?: string;
    group?: string;
  }
  const manifest = JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')) as {
    contributes: {
      commands: { command: string }[];
      menus: Record<string, MenuItem[]>;
      views: Record<string, { id: string; name: string }[]>;
      viewsContainers: { activitybar: { id: string; title: string; icon: string }[] };
      viewsWelcome: { view: string; contents: string }[];
    };
  };
  const c = manifest.contributes;

  test('the CALM activity-bar container holds the Model Elements view, with an icon that ships', () => {
    const container = c.viewsContainers.activitybar.find((v) => v.id === 'calm');
    assert.equal(container?.title, 'CALM');
    assert.ok(existsSync(resolve(__dirname, '../..', container!.icon)), container!.icon);
    assert.deepEqual(
      c.views.calm?.map((v) => [v.id, v.name]),
      [['calm.modelElements', 'Model Elements']],
    );
  });

  test('inline actions show on element items (by their contextValue) and not on groups', () => {
    const inline = c.menus['view/item/context']!.filter((m) => m.group?.startsWith('inline') && m.when?.includes('view == calm.modelElements'));
    const byCommand = (command: string) => inline.find((m) => m.command === command)!;
    const shows = (item: MenuItem, contextValue: string): boolean => {
      const match = /viewItem =~ \/(.+)\/|viewItem == (\S+)/.exec(item.when ?? '');
      assert.ok(match, item.when);
      return match[1] !== undefined ? new RegExp(match[1]).test(contextValue) : match[2] === contextValue;
    };
    for (const command of ['calm.tree.showInDiagram', 'calm.tree.goToDefinition']) {
      for (const kind of ['node', 'interface', 'relationship', 'flow', 'transition'] as const) assert.ok(shows(byCommand(command), contextValueOf(kind)), `${command} on ${kind}`);
      for (const kind of ['section', 'node-type', 'relationship-type', 'filter'] as const) assert.ok(!shows(byCommand(command), contextValueOf(kind)), `${command} not on ${kind}`);
    }
    assert.ok(shows(byCommand('calm.tree.clearSearch'), contextValueOf('filter')));
  });

  test('every command the view, its menus and its welcome buttons name is contributed', () => {
    const contributed = new Set(c.commands.map((x) => x.command));
    const named = [
      ...Object.values(c.menus).flatMap((items) => items.filter((m) => m.when?.includes('calm.modelElements')).map((m) => m.command)),
      ...c.viewsWelcome.filter((w) => w.view === 'calm.modelElements').flatMap((w) => [...w.contents.matchAll(/\(command:([\w.]+)\)/g)].map((m) => m[1]!)),
    ];
    assert.ok(named.includes('calm.tree.openExample') && named.includes('calm.newArchitecture') && named.includes('calm.tree.search'));
    for (const command of named) assert.ok(contributed.has(command), `${command} is not in contributes.commands`);
  });
});
