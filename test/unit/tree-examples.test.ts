/**
 * The Model Elements tree's data over real documents: the bundled e-commerce example and corpus files,
 * turned into the server's CalmModelView exactly as the `calm/model` request does.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentStore } from '../../server/src/documents';
import { toModelView } from '../../server/src/model-view';
import type { CalmModelView, ElementRef } from '../../server/src/protocol';
import { validateText } from '../../server/src/calm/engine';
import { buildModelTree } from '../../client/src/tree/tree-builder';
import type { ModelTree, TreeEntry } from '../../client/src/tree/tree-model';
import { snapshotOf, viewMessage, type TreeSnapshotItem } from '../../client/src/tree/tree-snapshot';
import { toTreeItemSpec } from '../../client/src/tree/tree-item-spec';
import { newArchitectureText } from '../../client/src/new-architecture';

const repoRoot = resolve(__dirname, '../..');
const corpus = resolve(repoRoot, '../shared/calm/corpus/real');
const exampleText = readFileSync(join(repoRoot, 'examples/ecommerce-platform.json'), 'utf8');

/** The model the server answers for a document with this text. */
function modelOf(text: string, uri = 'file:///work/doc.json'): CalmModelView {
  const store = new DocumentStore({ onRuleFailures: (_state, failures) => assert.fail(`rules threw: ${failures.map((f) => f.code).join(', ')}`) });
  const view = toModelView(store.analyze(TextDocument.create(uri, 'json', 1, text), undefined));
  assert.ok(view, 'the document is CALM');
  return view;
}

/** The tooltip VS Code shows on hover. */
function tip(entry: TreeEntry): string {
  return toTreeItemSpec(entry).tooltip ?? '';
}

function labels(entries: readonly TreeEntry[]): string[] {
  return entries.map((e) => e.label);
}

function section(tree: ModelTree, prefix: string): TreeEntry {
  const found = tree.roots.find((r) => r.kind === 'section' && r.label.startsWith(prefix));
  assert.ok(found, `no section ${prefix}`);
  return found;
}

/** Every label under an entry, depth first (what a person sees with everything expanded). */
function flatLabels(items: readonly TreeSnapshotItem[]): string[] {
  return items.flatMap((i) => [i.label, ...flatLabels(i.children)]);
}

describe('tree model: the e-commerce example', () => {
  const model = modelOf(exampleText);
  const tree = buildModelTree(model);

  test('three sections with the element counts', () => {
    assert.deepEqual(labels(tree.roots), ['Nodes (9)', 'Relationships (8)', 'Flows (0)']);
  });

  test('nodes grouped by node-type with counts, in the order the types first appear', () => {
    const groups = section(tree, 'Nodes').children;
    assert.deepEqual(labels(groups), ['actor (2)', 'service (4)', 'database (2)', 'system (1)']);
    assert.deepEqual(labels(groups[1]!.children), ['API Gateway', 'Order Service', 'Inventory Service', 'Payment Service']);
    assert.deepEqual(
      groups.map((g) => g.icon),
      ['person', 'server-process', 'database', 'layers'],
    );
  });

  test('relationships grouped by type with counts, each saying what it links', () => {
    const groups = section(tree, 'Relationships').children;
    assert.deepEqual(labels(groups), ['interacts (2)', 'connects (5)', 'composed-of (1)']);
    assert.deepEqual(labels(groups[0]!.children), ['customer ⇢ api-gateway', 'admin ⇢ api-gateway']);
    assert.deepEqual(labels(groups[1]!.children), [
      'api-gateway → order-service',
      'api-gateway → inventory-service',
      'order-service → order-database',
      'order-service → payment-service',
      'inventory-service → inventory-database',
    ]);
    assert.deepEqual(labels(groups[2]!.children), ['E-Commerce Platform ⊃ 6 nodes']);
    assert.equal(groups[1]!.children[0]!.description, 'gateway-to-orders');
  });

  test('nodes show their unique-id, their description as a tooltip, and their interfaces as children', () => {
    const order = tree.find({ kind: 'node', uniqueId: 'order-service' })!;
    assert.equal(order.label, 'Order Service');
    assert.equal(order.description, 'order-service');
    assert.match(tip(order), /Manages order lifecycle from creation to fulfillment/);
    assert.deepEqual(
      order.children.map((c) => [c.label, c.description]),
      [['order-api', 'HTTPS · port 8080']],
    );
    const gateway = tree.find({ kind: 'node', uniqueId: 'api-gateway' })!;
    assert.equal(gateway.children[0]!.description, 'HTTPS · api.ecommerce.example.com:443');
    assert.match(tip(tree.find({ kind: 'relationship', uniqueId: 'platform-composition' })!), /contains all services and databases/);
  });

  test('each item points at its definition: the unique-id value in the text', () => {
    const lines = exampleText.split('\n');
    for (const ref of [
      { kind: 'node', uniqueId: 'order-service' },
      { kind: 'relationship', uniqueId: 'orders-to-payment' },
    ] satisfies ElementRef[]) {
      const range = tree.find(ref)!.selectionRange!;
      assert.equal(lines[range.start.line]!.slice(range.start.character, range.end.character), `"${ref.uniqueId}"`);
    }
  });

  test('getParent: every item has its parent, and each model element reveals through a chain up to a section', () => {
    for (const root of tree.roots) assert.equal(tree.parentOf(root), undefined);
    let checked = 0;
    for (const entry of tree.all()) {
      for (const child of entry.children) {
        assert.equal(tree.parentOf(child), entry, `parent of ${child.id}`);
        checked++;
      }
    }
    assert.equal(checked, 9 + 8 + 6 + 4 + 3, 'nodes + relationships + interfaces + node-type groups + relationship-type groups');
    const refs: ElementRef[] = [
      ...model.nodes.map((n) => ({ kind: 'node' as const, uniqueId: n.uniqueId })),
      ...model.relationships.map((r) => ({ kind: 'relationship' as const, uniqueId: r.uniqueId })),
      ...model.nodes.flatMap((n) => n.interfaces.map((i) => ({ kind: 'interface' as const, uniqueId: i.uniqueId }))),
    ];
    for (const ref of refs) {
      const path: string[] = [];
      for (let e: TreeEntry | undefined = tree.find(ref); e; e = tree.parentOf(e)) path.unshift(e.label);
      assert.ok(path.length >= 3, `${ref.kind} ${ref.uniqueId} is reachable: ${path.join(' / ')}`);
      assert.match(path[0]!, /^(Nodes|Relationships) \(/);
    }
    const apiPath: string[] = [];
    for (let e: TreeEntry | undefined = tree.find({ kind: 'interface', uniqueId: 'order-api' }); e; e = tree.parentOf(e)) apiPath.unshift(e.label);
    assert.deepEqual(apiPath, ['Nodes (9)', 'service (4)', 'Order Service', 'order-api']);
  });

  test('right after a refresh, an element found for a reveal has its whole parent chain (getParent)', () => {
    const fresh = buildModelTree(model);
    const chain = (entry: TreeEntry | undefined): string[] => {
      const path: string[] = [];
      for (let e = entry; e; e = fresh.parentOf(e)) path.unshift(e.label);
      return path;
    };
    assert.deepEqual(chain(fresh.find({ kind: 'interface', uniqueId: 'order-api' })), ['Nodes (9)', 'service (4)', 'Order Service', 'order-api']);
    assert.deepEqual(chain(fresh.find({ kind: 'relationship', uniqueId: 'platform-composition' })), ['Relationships (8)', 'composed-of (1)', 'E-Commerce Platform ⊃ 6 nodes']);
    assert.equal(buildModelTree(model).get('node:order-database')?.label, 'Order Database', 'an item not built yet is found by its id');
    assert.equal(fresh.find({ kind: 'node', uniqueId: 'no-such-node' }), undefined);
  });

  test('while filtering, reveals find the filtered items, and nothing for what the filter hides', () => {
    const filtered = buildModelTree(model, 'order');
    assert.equal(filtered.find({ kind: 'node', uniqueId: 'order-service' })?.id, 'filtered:node:order-service');
    assert.equal(filtered.find({ kind: 'node', uniqueId: 'inventory-service' }), undefined);
    assert.equal(filtered.find({ kind: 'relationship', uniqueId: 'gateway-to-inventory' }), undefined);
    assert.equal(filtered.parentOf(filtered.find({ kind: 'relationship', uniqueId: 'orders-to-payment' })!)?.label, 'connects (3)');
  });

  for (const query of ['order', 'ORDER', '  Order ']) {
    test(`search '${query}': Order Service and Order Database first, not Inventory Service`, () => {
      const filtered = buildModelTree(model, query);
      const shown = flatLabels(snapshotOf(filtered).items);
      assert.equal(shown[0], `Filtered by '${query.trim()}' — 8 matches`);
      assert.ok(shown.includes('Order Service') && shown.includes('Order Database'));
      assert.ok(!shown.includes('Inventory Service') && !shown.includes('Inventory Database') && !shown.includes('API Gateway'));
      const nodes = section(filtered, 'Nodes');
      // Name matches first: service and database (names) before actor and system (descriptions mention orders).
      assert.deepEqual(labels(nodes.children), ['service (1)', 'database (1)', 'actor (2)', 'system (1)']);
      assert.deepEqual(labels(nodes.children.flatMap((g) => g.children)), ['Order Service', 'Order Database', 'Customer', 'Admin', 'E-Commerce Platform']);
      assert.deepEqual(labels(section(filtered, 'Relationships').children.flatMap((g) => g.children)), [
        'api-gateway → order-service',
        'order-service → order-database',
        'order-service → payment-service',
      ]);
      assert.ok(!filtered.roots.some((r) => r.label.startsWith('Flows')), 'an empty section is hidden while filtering');
    });
  }

  test('search matches node-type and description too', () => {
    const byType = buildModelTree(model, 'ACTOR');
    assert.deepEqual(labels(section(byType, 'Nodes').children.flatMap((g) => g.children)), ['Customer', 'Admin']);
    assert.equal(byType.matchCount, 2);
    const byDescription = buildModelTree(model, 'stock levels');
    assert.equal(byDescription.matchCount, 1);
    assert.equal(byDescription.find({ kind: 'node', uniqueId: 'inventory-service' })?.label, 'Inventory Service');
  });

  test('a dangling reference marks its relationship and the groups above it as errors', () => {
    const broken = exampleText.replace('"node": "payment-service"', '"node": "payment-svc"');
    const brokenTree = buildModelTree(modelOf(broken));
    const rel = brokenTree.find({ kind: 'relationship', uniqueId: 'orders-to-payment' })!;
    assert.equal(rel.problem, 'error');
    assert.equal(rel.label, 'order-service → payment-svc');
    assert.equal(brokenTree.parentOf(rel)!.problem, 'error');
    assert.equal(section(brokenTree, 'Relationships').problem, 'error');
    assert.equal(brokenTree.find({ kind: 'relationship', uniqueId: 'gateway-to-orders' })!.problem, undefined);
    assert.equal(tree.find({ kind: 'relationship', uniqueId: 'orders-to-payment' })!.problem, undefined);
  });

  test('a node with a problem inside is marked, and a blank name falls back to its unique-id', () => {
    const broken = buildModelTree(modelOf(exampleText.replace('"name": "Admin"', '"name": ""')));
    const admin = broken.find({ kind: 'node', uniqueId: 'admin' })!;
    assert.equal(admin.label, 'admin');
    assert.equal(admin.problem, 'error');
    assert.equal(broken.parentOf(admin)!.label, 'actor (2)');
    assert.equal(broken.parentOf(admin)!.problem, 'error');
    assert.equal(broken.find({ kind: 'node', uniqueId: 'customer' })!.problem, undefined);
  });
});

describe('the line above the tree', () => {
  test('names the file, what it is, and its problems', () => {
    assert.equal(viewMessage(modelOf(exampleText), 'ecommerce-platform.json'), 'ecommerce-platform.json: CALM 1.1 architecture');
    const broken = exampleText.replace('"node": "payment-service"', '"node": "payment-svc"').replace('"name": "Admin"', '"name": ""');
    assert.equal(viewMessage(modelOf(broken), 'x.json'), 'x.json: CALM 1.1 architecture, 2 errors');
  });

  test('while the text does not parse, says so, and the tree keeps the last valid model', () => {
    const store = new DocumentStore({ onRuleFailures: () => assert.fail('rules threw') });
    const uri = 'file:///work/typing.json';
    store.analyze(TextDocument.create(uri, 'json', 1, exampleText), undefined);
    const typing = toModelView(store.analyze(TextDocument.create(uri, 'json', 2, exampleText.slice(0, exampleText.length / 2)), undefined));
    assert.ok(typing?.stale);
    assert.equal(viewMessage(typing, 'typing.json'), 'typing.json does not parse at the moment: showing its last valid model.');
    assert.equal(buildModelTree(typing).roots[0]!.label, 'Nodes (9)');
  });
});

describe('tree model: flows', () => {
  const file = join(corpus, 'docs-static-calm-example__trading-system.architecture.json');
  const original = JSON.parse(readFileSync(file, 'utf8')) as { flows: { 'unique-id': string; transitions: unknown[] }[] };

  test('transitions are listed in sequence order even when the document lists them backwards', () => {
    const reversed = { ...original, flows: original.flows.map((f) => ({ ...f, transitions: [...f.transitions].reverse() })) };
    const tree = buildModelTree(modelOf(JSON.stringify(reversed, null, 2)));
    const flows = section(tree, 'Flows');
    assert.equal(flows.children.length, original.flows.length);
    for (const flow of flows.children) {
      const numbers = flow.children.map((t) => Number(/^(\d+)\. /.exec(t.label)?.[1]));
      assert.deepEqual(
        numbers,
        numbers.map((_, i) => i + 1),
        `${flow.label}: ${labels(flow.children).join(' | ')}`,
      );
      for (const t of flow.children) assert.equal(tree.parentOf(t), flow);
    }
    const submit = tree.find({ kind: 'flow', uniqueId: 'submit-trade-flow' })!;
    assert.equal(submit.children.length, 8);
    assert.ok(submit.children.every((t) => t.element?.kind === 'relationship'));
  });
});

describe('new CALM architecture skeleton', () => {
  test('is valid (no findings at all) and shows its elements in the tree', () => {
    const text = newArchitectureText();
    assert.deepEqual(
      validateText(text).findings.map((f) => `${f.code}: ${f.message}`),
      [],
    );
    const tree = buildModelTree(modelOf(text, 'untitled:Untitled-1'));
    assert.deepEqual(labels(tree.roots), ['Nodes (3)', 'Relationships (2)', 'Flows (0)']);
    assert.deepEqual(labels(section(tree, 'Relationships').children.flatMap((g) => g.children)), ['user ⇢ web-app', 'web-app → app-service']);
  });
});
