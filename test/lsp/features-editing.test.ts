/**
 * Completion and hover through the bundled language server (dist/server.js), on the e-commerce
 * example: exact items at given positions, hover text, and the capabilities the server announces.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CompletionRequest, CompletionResolveRequest, HoverRequest, type CompletionItem, type CompletionList, type InitializeResult, type MarkupContent } from 'vscode-languageserver-protocol/node';
import { EXAMPLE_TEXT, positionOf, rangeOf } from '../unit/features-support';
import { fileUri, LspTestClient } from './lsp-test-client';

describe('completion and hover over LSP', () => {
  let client: LspTestClient;
  let initialized: InitializeResult;
  const uri = fileUri('test-output/features-editing.json');

  before(async () => {
    ({ client, initializeResult: initialized } = await LspTestClient.start());
    await client.open(uri, EXAMPLE_TEXT, 'calm');
  });
  after(async () => {
    await client.stop();
  });

  async function complete(text: string, needle: string, delta: number, occurrence = 0): Promise<CompletionItem[]> {
    const list = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: positionOf(text, needle, delta, occurrence) })) as CompletionList;
    return [...list.items].sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? ''));
  }

  test('the server announces the language features', () => {
    const c = initialized.capabilities;
    assert.deepEqual(c.completionProvider, { triggerCharacters: ['"', ':'], resolveProvider: true });
    assert.equal(c.hoverProvider, true);
    assert.equal(c.definitionProvider, true);
    assert.equal(c.referencesProvider, true);
    assert.deepEqual(c.renameProvider, { prepareProvider: true });
    assert.deepEqual(c.codeActionProvider, { codeActionKinds: ['quickfix'] });
    assert.deepEqual(c.codeLensProvider, { resolveProvider: true });
    assert.equal(c.workspaceSymbolProvider, true);
    assert.equal(c.documentFormattingProvider, true);
  });

  test('interacts.actor: every node id, actors first, with name and type', async () => {
    const items = await complete(EXAMPLE_TEXT, '"actor": "customer"', 11);
    assert.deepEqual(
      items.map((i) => [i.label, i.detail]),
      [
        ['customer', 'Customer · actor'],
        ['admin', 'Admin · actor'],
        ['api-gateway', 'API Gateway · service'],
        ['order-service', 'Order Service · service'],
        ['inventory-service', 'Inventory Service · service'],
        ['payment-service', 'Payment Service · service'],
        ['order-database', 'Order Database · database'],
        ['inventory-database', 'Inventory Database · database'],
        ['ecommerce-platform', 'E-Commerce Platform · system'],
      ],
    );
    assert.deepEqual(items[1].textEdit, { range: rangeOf(EXAMPLE_TEXT, '"customer"', 1), newText: '"admin"' });
    // The description comes when the editor resolves the focused item.
    assert.equal(items[1].documentation, undefined);
    const resolved = await client.connection.sendRequest(CompletionResolveRequest.type, items[1]);
    assert.deepEqual(resolved.documentation, { kind: 'plaintext', value: 'Administrator who manages inventory and monitors orders' });
  });

  test("a connects end's interfaces: only those of its node", async () => {
    const items = await complete(EXAMPLE_TEXT, '"inventory-db-jdbc"', 3, 1);
    assert.deepEqual(items.map((i) => [i.label, i.detail]), [['inventory-db-jdbc', 'JDBC · port 5433']]);
  });

  test('node-type values, and property names with the key being edited', async () => {
    const types = await complete(EXAMPLE_TEXT, '"node-type": "database"', 15);
    assert.deepEqual(types.map((i) => i.label), ['actor', 'ecosystem', 'system', 'service', 'database', 'network', 'ldap', 'webclient', 'data-asset']);
    // On the key "unique-id" of the admin node: the key being edited, then what the node lacks (required first).
    const props = await complete(EXAMPLE_TEXT, '"unique-id": "admin"', 1);
    assert.deepEqual(props.map((i) => i.label), ['unique-id', 'details', 'interfaces', 'controls', 'metadata']);
    assert.equal(props[0].textEdit && 'range' in props[0].textEdit ? props[0].textEdit.newText : '', '"unique-id"', 'the colon is there already: only the name is replaced');
  });

  test('hover on a reference: the card of the node it names', async () => {
    const h = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(EXAMPLE_TEXT, '"container": "ecommerce-platform"', 16) });
    assert.ok(h);
    assert.deepEqual(h.range, rangeOf(EXAMPLE_TEXT, '"ecommerce-platform"', 1));
    assert.equal(
      (h.contents as MarkupContent).value,
      [
        '**E\\-Commerce Platform** — node (system)',
        '',
        'unique-id: ecommerce\\-platform',
        '',
        'Complete e\\-commerce order processing system',
        '',
        '**Outgoing relationships (1)**',
        '',
        '- platform\\-composition: is composed of API Gateway (api\\-gateway), Order Service (order\\-service), Inventory Service (inventory\\-service), Payment Service (payment\\-service), Order Database (order\\-database), Inventory Database (inventory\\-database)',
        '',
        '**Incoming relationships (0)**',
      ].join('\n'),
    );
  });

  test('a JSON document that is not CALM gets nothing from the CALM features', async () => {
    const other = fileUri('test-output/not-calm.json');
    const text = '{ "name": "shop", "nodes": 3 }';
    await client.open(other, text);
    const list = await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: other }, position: positionOf(text, '"shop"', 2) });
    assert.equal(list, null);
    assert.equal(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: other }, position: positionOf(text, '"name"', 2) }), null);
    await client.close(other);
  });
});
