// The Model Elements tree, read through the API `activate()` returns (VS Code's API cannot read tree
// items): the e-commerce model's sections and counts, the search a person types, and the example it opens.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TreeSnapshotItem } from '../../client/src/tree/tree-snapshot';
import { calmLens, EXTENSION_ID, openInEditor, workspaceFile } from './helpers';

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

    test('Open Example Architecture opens an untitled calm copy of the example (the installed file stays untouched) and the tree shows it', async () => {
      const api = await calmLens();
      const editor = await vscode.commands.executeCommand<vscode.TextEditor>('calm.tree.openExample');
      try {
        assert.equal(editor.document.uri.scheme, 'untitled');
        assert.equal(editor.document.languageId, 'calm');
        const extension = vscode.extensions.getExtension(EXTENSION_ID);
        assert.ok(extension);
        const installed = vscode.Uri.joinPath(extension.extensionUri, 'examples', 'ecommerce-platform.json');
        assert.equal(editor.document.getText(), new TextDecoder().decode(await vscode.workspace.fs.readFile(installed)));
        assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.toString() === installed.toString()), 'the installed example was opened');
        const snapshot = await api.tree.whenShowing(editor.document.uri.toString());
        assert.equal(section(snapshot.items, 'Nodes').label, 'Nodes (9)');
      } finally {
        await vscode.window.showTextDocument(editor.document);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      }
    });
  });
}
