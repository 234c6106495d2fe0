/** Completion on the e-commerce example and variants: exact items at exact positions, and snippets that insert valid CALM. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver-types';
import { completion, MAX_ID_ITEMS, resolveCompletionItem } from '../../server/src/features/completion';
import { analyse } from '../../server/src/features/analysis';
import { fuzzyMatches } from '../../server/src/features/workspace-symbols';
import { parseCalm } from '../../server/src/calm/parse';
import { applyTextEdits, EXAMPLE_TEXT, expandSnippet, positionOf, rangeOf, URI, validate } from './features-support';

function complete(text: string, needle: string, delta: number, occurrence = 0): CompletionList {
  return completion(validate(text), positionOf(text, needle, delta, occurrence));
}

function sorted(list: CompletionList): CompletionItem[] {
  return [...list.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
}

function labels(list: CompletionList): string[] {
  return sorted(list).map((i) => i.label);
}

function edit(item: CompletionItem): TextEdit {
  assert.ok(item.textEdit && 'range' in item.textEdit, `${item.label} has a text edit`);
  return item.textEdit;
}

/** The text after accepting `item` with every snippet default. */
function accept(text: string, item: CompletionItem): string {
  const e = edit(item);
  return applyTextEdits(text, [{ range: e.range, newText: expandSnippet(e.newText) }]);
}

const ALL_NODES = ['customer', 'admin', 'api-gateway', 'order-service', 'inventory-service', 'payment-service', 'order-database', 'inventory-database', 'ecommerce-platform'];

/** The example with a flow over two relationships and a protocol on the first connects relationship. */
const WITH_FLOW = (() => {
  const value = JSON.parse(EXAMPLE_TEXT) as { relationships: Record<string, unknown>[]; flows?: unknown[] };
  value.relationships[2].protocol = 'HTTPS';
  value.flows = [
    {
      'unique-id': 'order-flow',
      name: 'Order Flow',
      description: 'A customer places an order',
      transitions: [
        { 'relationship-unique-id': 'customer-to-gateway', 'sequence-number': 1, description: 'Customer sends the order' },
        { 'relationship-unique-id': 'gateway-to-orders', 'sequence-number': 2, description: 'Gateway forwards it' },
      ],
    },
  ];
  return JSON.stringify(value, null, 2) + '\n';
})();

describe('completion of unique-ids at reference positions', () => {
  test('interacts.actor: every node, actors first, name and type as detail, replacing the string', () => {
    const list = complete(EXAMPLE_TEXT, '"actor": "customer"', 11);
    assert.deepEqual(labels(list), ALL_NODES);
    const [first, second, third] = sorted(list);
    assert.equal(first.detail, 'Customer · actor');
    assert.equal(second.detail, 'Admin · actor');
    assert.equal(third.detail, 'API Gateway · service');
    assert.deepEqual(first.documentation, { kind: 'plaintext', value: 'End user who browses products and places orders' });
    assert.deepEqual(edit(first), { range: rangeOf(EXAMPLE_TEXT, '"customer"', 1), newText: '"customer"' });
    assert.equal(first.filterText, '"customer"');
  });

  test('with the document URI: descriptions left to the resolve request; with item defaults: range and data sent once', () => {
    const result = validate(EXAMPLE_TEXT);
    const position = positionOf(EXAMPLE_TEXT, '"actor": "customer"', 11);
    const range = rangeOf(EXAMPLE_TEXT, '"customer"', 1);
    const plain = completion(result, position, { uri: URI });
    const customer = plain.items.find((i) => i.label === 'customer');
    assert.ok(customer);
    assert.equal(customer.documentation, undefined);
    assert.deepEqual(customer.data, { uri: URI, target: 'node' });
    assert.deepEqual(customer.textEdit, { range, newText: '"customer"' });
    assert.deepEqual(resolveCompletionItem(result, customer).documentation, { kind: 'plaintext', value: 'End user who browses products and places orders' });

    const compact = completion(result, position, { uri: URI, itemDefaults: true });
    assert.deepEqual(compact.itemDefaults, { editRange: range, data: { uri: URI, target: 'node' } });
    const first = compact.items.find((i) => i.label === 'admin');
    assert.ok(first);
    assert.equal(first.textEdit, undefined);
    assert.equal(first.data, undefined);
    assert.equal(first.textEditText, '"admin"');
    // The editor merges the list's data into the item before resolving it.
    assert.deepEqual(resolveCompletionItem(result, { ...first, data: compact.itemDefaults?.data }).documentation, { kind: 'plaintext', value: 'Administrator who manages inventory and monitors orders' });
    const full = completion(result, position);
    assert.ok(JSON.stringify(compact).length < JSON.stringify(full).length * 0.6, 'about half the size of the answer with every description and range');
  });

  test('connects destination node: every node', () => {
    assert.deepEqual(labels(complete(EXAMPLE_TEXT, '"node": "order-service"', 10)), ALL_NODES);
  });

  test('a list of nodes leaves out the ids already listed beside the one being edited', () => {
    // platform-composition lists the six services and databases; completing its second entry.
    const list = complete(EXAMPLE_TEXT, '"order-service",\n            "inventory-service"', 3);
    assert.deepEqual(labels(list), ['customer', 'admin', 'order-service', 'ecommerce-platform']);
  });

  test('composed-of container: every node', () => {
    assert.deepEqual(labels(complete(EXAMPLE_TEXT, '"container": "ecommerce-platform"', 15)), ALL_NODES);
  });

  test("connects interfaces: only the interfaces of the node that end names", () => {
    // gateway-to-orders: destination order-service, interface order-api.
    const list = complete(EXAMPLE_TEXT, '"order-api"', 3, 1);
    assert.deepEqual(labels(list), ['order-api']);
    assert.equal(list.items[0].detail, 'HTTPS · port 8080');
    const source = complete(EXAMPLE_TEXT, '"gateway-https"', 3, 1);
    assert.deepEqual(labels(source), ['gateway-https']);
    assert.equal(source.items[0].detail, 'HTTPS · api.ecommerce.example.com:443');
  });

  test('connects interfaces of an end whose node is unknown: every interface, with its node', () => {
    const text = EXAMPLE_TEXT.replace('"node": "order-service"', '"node": "ghost"');
    const list = complete(text, '"order-api"', 3, 1);
    assert.deepEqual(labels(list), ['gateway-https', 'order-api', 'inventory-api', 'payment-api', 'order-db-jdbc', 'inventory-db-jdbc']);
    assert.equal(sorted(list)[1].detail, 'HTTPS · port 8080 · on order-service');
  });

  test('flow transitions: relationship ids, with their kind and description', () => {
    const list = complete(WITH_FLOW, '"relationship-unique-id": "gateway-to-orders"', 27);
    assert.deepEqual(labels(list), [
      'customer-to-gateway',
      'admin-to-gateway',
      'gateway-to-orders',
      'gateway-to-inventory',
      'orders-to-database',
      'orders-to-payment',
      'inventory-to-database',
      'platform-composition',
    ]);
    assert.equal(sorted(list)[2].detail, 'connects');
  });

  test('an empty string being typed in a list: a new id inserted there, with the comma JSON needs', () => {
    const text = EXAMPLE_TEXT.replace('"nodes": [\n            "api-gateway"\n          ]', '"nodes": [\n            "api-gateway"\n            \n          ]');
    const list = complete(text, '"api-gateway"\n            \n', 27);
    assert.deepEqual(labels(list), ALL_NODES.filter((id) => id !== 'api-gateway'));
    const accepted = accept(text, sorted(list)[1]);
    assert.deepEqual(JSON.parse(accepted).relationships[0]['relationship-type'].interacts.nodes, ['api-gateway', 'admin']);
  });

  test('a missing actor value: ids inserted after the colon', () => {
    const text = EXAMPLE_TEXT.replace('"actor": "customer"', '"actor": ');
    const list = complete(text, '"actor": ', 9);
    assert.deepEqual(labels(list), ALL_NODES);
    assert.equal(JSON.parse(accept(text, sorted(list)[0])).relationships[0]['relationship-type'].interacts.actor, 'customer');
  });

  test('right after a typed colon, the value comes with a space', () => {
    const text = EXAMPLE_TEXT.replace('"actor": "customer"', '"actor":');
    const list = complete(text, '"actor":', 8);
    assert.equal(edit(sorted(list)[0]).newText, ' "customer"');
    assert.equal(JSON.parse(accept(text, sorted(list)[0])).relationships[0]['relationship-type'].interacts.actor, 'customer');
  });

  test('past the item cap, only ids matching what is typed (as the editor matches) are sent, and the list is marked incomplete', () => {
    const value = JSON.parse(EXAMPLE_TEXT) as { nodes: unknown[] };
    const extra = Array.from({ length: 1500 }, (_, i) => ({ 'unique-id': `extra-${i}`, 'node-type': 'service', name: `Extra ${i}`, description: 'x' }));
    value.nodes.push(...extra);
    const text = JSON.stringify(value, null, 2).replace('"actor": "customer"', '"actor": "extra-119');
    const list = complete(text, '"actor": "extra-119', 19);
    assert.equal(list.isIncomplete, true);
    const matching = extra.filter((n) => fuzzyMatches('extra-119', `${n['unique-id']} ${n.name} · service`));
    assert.equal(list.items.length, Math.min(MAX_ID_ITEMS, matching.length));
    assert.deepEqual(list.items.map((i) => i.label), matching.slice(0, MAX_ID_ITEMS).map((n) => n['unique-id']), 'the first matches, in document order');
    assert.ok(list.items.some((i) => i.label === 'extra-119'));
    assert.ok(!list.items.some((i) => i.label === 'extra-120' || i.label === 'customer'));
  });
});

describe('completion of values and properties', () => {
  test('node-type: the schema enum, replacing the value', () => {
    const list = complete(EXAMPLE_TEXT, '"node-type": "service"', 15);
    assert.deepEqual(labels(list), ['actor', 'ecosystem', 'system', 'service', 'database', 'network', 'ldap', 'webclient', 'data-asset']);
    assert.deepEqual(edit(list.items[0]).range, rangeOf(EXAMPLE_TEXT, '"service"'));
  });

  test('relationship protocol: the schema enum; interface protocol: the same values', () => {
    const rel = complete(WITH_FLOW, '"protocol": "HTTPS"', 14, 3);
    assert.deepEqual(labels(rel), ['HTTP', 'HTTPS', 'FTP', 'SFTP', 'JDBC', 'WebSocket', 'SocketIO', 'LDAP', 'AMQP', 'TLS', 'mTLS', 'TCP']);
    assert.deepEqual(labels(complete(EXAMPLE_TEXT, '"protocol": "JDBC"', 14)), labels(rel));
  });

  test('flow transition direction: the schema enum', () => {
    const text = WITH_FLOW.replace('"sequence-number": 1,', '"sequence-number": 1,\n          "direction": "",');
    assert.deepEqual(labels(complete(text, '"direction": ""', 14)), ['source-to-destination', 'destination-to-source']);
  });

  test('$schema: the bundled meta schema URLs, newest release first', () => {
    const list = complete(EXAMPLE_TEXT, '"https://calm.finos.org/release/1.1/meta/calm.json"', 5);
    assert.equal(labels(list)[0], 'https://calm.finos.org/release/1.2/meta/calm.json');
    assert.ok(labels(list).includes('https://calm.finos.org/release/1.1/meta/calm.json'));
    assert.ok(labels(list).includes('https://calm.finos.org/draft/2026-03/meta/calm.json'));
  });

  test('property names in a node: the ones it lacks, with schema descriptions, inserted with a comma before the next', () => {
    const text = EXAMPLE_TEXT.replace('"unique-id": "customer",', '"unique-id": "customer",\n      ');
    const list = complete(text, '"unique-id": "customer",\n      ', 31);
    assert.deepEqual(labels(list), ['details', 'interfaces', 'controls', 'metadata']);
    const interfaces = list.items.find((i) => i.label === 'interfaces');
    assert.ok(interfaces);
    assert.deepEqual(interfaces.documentation, { kind: 'plaintext', value: 'The points through which other nodes connect to this node.' });
    assert.equal(edit(interfaces).newText, '"interfaces": [\n\t$1\n],');
    assert.equal(JSON.parse(accept(text, interfaces)).nodes[0].interfaces.length, 0);
  });

  test('a property name being typed: required ones first, a reference property re-opens suggestions for its value', () => {
    const text = EXAMPLE_TEXT.replace('"actor": "customer",', '"actor": "customer",\n          "no"');
    const list = complete(text, '"no"', 2);
    assert.deepEqual(labels(list), ['nodes']);
    const nodes = list.items[0];
    assert.deepEqual(edit(nodes).range, rangeOf(text, '"no"'));
    assert.equal(nodes.command?.command, 'editor.action.triggerSuggest');
  });

  test('relationship-type: the kinds it does not have yet, each inserting a complete body', () => {
    const text = EXAMPLE_TEXT.replace('"relationship-type": {\n        "interacts"', '"relationship-type": {\n        "",\n        "interacts"');
    const list = complete(text, '"relationship-type": {\n        ""', 32);
    assert.deepEqual(labels(list), ['connects', 'deployed-in', 'composed-of', 'options']);
    assert.equal(edit(list.items.find((i) => i.label === 'connects') as CompletionItem).newText, '"connects": {\n\t"source": {\n\t\t"node": "$1"\n\t},\n\t"destination": {\n\t\t"node": "$2"\n\t}\n}');
  });

  test('interface properties: the schema ones plus the conventional protocol, host, port and url', () => {
    const text = EXAMPLE_TEXT.replace('"unique-id": "order-api",', '"unique-id": "order-api",\n          "",');
    assert.deepEqual(labels(complete(text, '"unique-id": "order-api",\n          ""', 36)), ['definition-url', 'config', 'host', 'url']);
  });

  test('nothing is proposed right after a finished value or outside the document', () => {
    assert.deepEqual(complete(EXAMPLE_TEXT, '"actor": "customer"', 19).items, []);
    assert.deepEqual(completion(validate(EXAMPLE_TEXT), { line: 400, character: 0 }).items, []);
  });

  test('JSON mode leaves schema properties and enums to VS Code\'s JSON language, keeps ids', () => {
    const result = validate(EXAMPLE_TEXT);
    assert.deepEqual(completion(result, positionOf(EXAMPLE_TEXT, '"node-type": "service"', 15), { schemaItems: false }).items, []);
    assert.equal(completion(result, positionOf(EXAMPLE_TEXT, '"actor": "customer"', 11), { schemaItems: false }).items.length, ALL_NODES.length);
  });
});

describe('snippets insert valid CALM', () => {
  test('an empty document: a whole architecture that validates without any finding', () => {
    const list = completion(analyse(parseCalm('')), { line: 0, character: 0 });
    assert.deepEqual(labels(list), ['New CALM architecture']);
    const text = accept('', list.items[0]);
    assert.deepEqual(validate(text).findings, []);
    assert.equal(JSON.parse(text).$schema, 'https://calm.finos.org/release/1.1/meta/calm.json');
  });

  test('an empty root object: the architecture members, valid once inserted', () => {
    const list = complete('{\n  \n}\n', '{\n  ', 4);
    const item = list.items.find((i) => i.label === 'New CALM architecture');
    assert.ok(item);
    assert.deepEqual(validate(accept('{\n  \n}\n', item)).findings, []);
  });

  test('each relationship kind, in the blank space of relationships: valid JSON, no new error', () => {
    const text = EXAMPLE_TEXT.replace('"relationships": [', '"relationships": [\n    ');
    const list = complete(text, '"relationships": [\n    ', 23);
    assert.deepEqual(labels(list), ['New interacts relationship', 'New connects relationship', 'New deployed-in relationship', 'New composed-of relationship', 'New options relationship']);
    for (const item of list.items) {
      const after = accept(text, item);
      const value = JSON.parse(after) as { relationships: { 'unique-id': string; 'relationship-type': Record<string, unknown> }[] };
      assert.equal(value.relationships.length, 9, item.label);
      const kind = item.label.split(' ')[1];
      assert.deepEqual(Object.keys(value.relationships[0]['relationship-type']), [kind]);
      assert.equal(value.relationships[0]['unique-id'], `new-${kind}`);
      // Defaults that fit the slot: an actor as actor, a system as container, never a node relating to itself.
      const body = value.relationships[0]['relationship-type'][kind] as Record<string, unknown>;
      if (kind === 'interacts') assert.deepEqual(body, { actor: 'customer', nodes: ['api-gateway'] });
      if (kind === 'connects') assert.deepEqual(body, { source: { node: 'api-gateway' }, destination: { node: 'order-service' } });
      if (kind === 'deployed-in' || kind === 'composed-of') assert.deepEqual(body, { container: 'ecommerce-platform', nodes: ['api-gateway'] });
      assert.deepEqual(validate(after).findings.filter((f) => f.severity === 'error'), [], item.label);
    }
  });

  test('a node with an interface, an actor, a flow and an interface: each valid, with fresh ids', () => {
    const nodesText = EXAMPLE_TEXT.replace('"nodes": [', '"nodes": [\n    ');
    const nodes = complete(nodesText, '"nodes": [\n    ', 15);
    assert.deepEqual(labels(nodes), ['New node with an interface', 'New actor']);
    const withNode = accept(nodesText, nodes.items[0]);
    const node = (JSON.parse(withNode) as { nodes: Record<string, unknown>[] }).nodes[0];
    assert.deepEqual(node.interfaces, [{ 'unique-id': 'new-service-api', protocol: 'HTTP', port: 8080 }]);
    // Only the unreferenced-node warning: the new node is not in a relationship yet.
    assert.deepEqual(validate(withNode).findings.map((f) => f.code), ['architecture-nodes-must-be-referenced']);

    const flowsText = WITH_FLOW.replace('"flows": [', '"flows": [\n    ');
    const flows = complete(flowsText, '"flows": [\n    ', 15);
    assert.deepEqual(labels(flows), ['New flow']);
    assert.deepEqual(validate(accept(flowsText, flows.items[0])).findings, []);

    const ifaceText = EXAMPLE_TEXT.replace('"interfaces": [\n        {\n          "unique-id": "order-api"', '"interfaces": [\n        \n        {\n          "unique-id": "order-api"');
    const ifaces = complete(ifaceText, '"interfaces": [\n        \n', 24);
    assert.deepEqual(labels(ifaces), ['New interface']);
    const withIface = accept(ifaceText, ifaces.items[0]);
    assert.equal((JSON.parse(withIface) as { nodes: { interfaces?: { 'unique-id': string }[] }[] }).nodes[3].interfaces?.[0]['unique-id'], 'order-service-api');
    assert.deepEqual(validate(withIface).findings, []);
  });
});
