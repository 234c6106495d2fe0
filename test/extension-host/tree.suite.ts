// The Model Elements tree, read through the API `activate()` returns (VS Code's API cannot read tree
// items): the e-commerce model's sections and counts, and the search a person types.
import assert from 'node:assert/strict';
import type { TreeSnapshotItem } from '../../client/src/tree/tree-snapshot';
import { calmLens, openInEditor, workspaceFile } from './helpers';

function labels(items: readonly TreeSnapshotItem[]): string[] {
  return items.map((i) => i.label);
}

/** The node items: Nodes (n) > node-type (k) > node. */
function nodeItems(nodes: TreeSnapshotItem): TreeSnapshotItem[] {
  return nodes.children.flatMap((group) => group.children);
}

function section(items: readonly TreeSnapshotItem[], name: string): TreeSnapshotItem {
  const found = items.find((i) => i.label.startsWith(`${name} (`));
  assert.ok(found, `no ${name} section among ${JSON.stringify(labels(items))}`);
  return found;
}

export function treeSuite(): void {
  suite('model tree', () => {
    const uri = () => workspaceFile('ecommerce-platform.json');

    teardown(async () => {
      (await calmLens()).tree.search(undefined);
    });

    test('shows the e-commerce architecture: 9 nodes and 8 relationships', async () => {
      const api = await calmLens();
      await openInEditor(uri());
      const snapshot = await api.tree.whenShowing(uri().toString());
      assert.equal(section(snapshot.items, 'Nodes').label, 'Nodes (9)');
      assert.equal(section(snapshot.items, 'Relationships').label, 'Relationships (8)');
      const nodeLabels = labels(nodeItems(section(snapshot.items, 'Nodes')));
      assert.equal(nodeLabels.length, 9);
      assert.ok(nodeLabels.includes('Order Service') && nodeLabels.includes('Order Database'), JSON.stringify(nodeLabels));
    });

    test('searching "order" keeps Order Service and Order Database and drops the nodes that do not match', async () => {
      const api = await calmLens();
      await openInEditor(uri());
      await api.tree.whenShowing(uri().toString());
      const filtered = api.tree.search('order');
      assert.equal(filtered.filter, 'order');
      const nodes = nodeItems(section(filtered.items, 'Nodes'));
      const names = labels(nodes);
      assert.ok(names.includes('Order Service') && names.includes('Order Database'), JSON.stringify(names));
      assert.ok(!names.includes('Payment Service') && !names.includes('API Gateway'), `non-matching nodes kept: ${JSON.stringify(names)}`);
      const cleared = api.tree.search(undefined);
      assert.equal(cleared.filter, undefined);
      assert.equal(section(cleared.items, 'Nodes').label, 'Nodes (9)');
    });
  });
}
