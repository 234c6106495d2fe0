/** `calm/model` and `calm/elementAt` on the e-commerce example, through the bundled server. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileUri, LspTestClient, positionAt, REPO_ROOT, SUITE_TIMEOUT_MS } from './lsp-test-client';

const EXAMPLE = readFileSync(resolve(REPO_ROOT, 'examples/ecommerce-platform.json'), 'utf8');

/** The position just inside the first occurrence of `snippet` after `after` (if given). */
function inside(snippet: string, after?: string): { line: number; character: number } {
  const from = after === undefined ? 0 : EXAMPLE.indexOf(after);
  const at = EXAMPLE.indexOf(snippet, from);
  assert.ok(from >= 0 && at >= 0, `${snippet} not found`);
  return positionAt(EXAMPLE, at + 1);
}

function rangeOf(snippet: string): { start: { line: number; character: number }; end: { line: number; character: number } } {
  const at = EXAMPLE.indexOf(snippet);
  return { start: positionAt(EXAMPLE, at), end: positionAt(EXAMPLE, at + snippet.length) };
}

describe('calm/model and calm/elementAt', { timeout: SUITE_TIMEOUT_MS }, () => {
  let client: LspTestClient;
  const uri = fileUri('examples/ecommerce-platform.json');

  before(async () => {
    ({ client } = await LspTestClient.start());
    const opened = client.diagnosticsFor(uri, 1);
    await client.open(uri, EXAMPLE);
    await opened;
  });
  after(async () => {
    await client.stop();
  });

  test('the model of the example: its nodes, relationships and where they are defined', async () => {
    const model = await client.model(uri);
    assert.ok(model);
    assert.equal(model.uri, uri);
    assert.equal(model.version, 1);
    assert.equal(model.kind, 'architecture');
    assert.equal(model.calmVersion, '1.1');
    assert.equal(model.parsed, true);
    assert.equal(model.stale, false);
    assert.equal(model.errorCount, 0);
    assert.equal(model.warningCount, 0);
    assert.deepEqual(
      model.nodes.map((n) => n.uniqueId),
      ['customer', 'admin', 'api-gateway', 'order-service', 'inventory-service', 'payment-service', 'order-database', 'inventory-database', 'ecommerce-platform'],
    );
    const orders = model.nodes.find((n) => n.uniqueId === 'order-service');
    assert.ok(orders);
    assert.equal(orders.name, 'Order Service');
    assert.equal(orders.nodeType, 'service');
    assert.deepEqual(orders.selectionRange, rangeOf('"order-service"'));
    assert.deepEqual(
      orders.interfaces.map((i) => [i.uniqueId, i.protocol, i.port]),
      [['order-api', 'HTTPS', 8080]],
    );
    assert.deepEqual(orders.interfaces[0].selectionRange, rangeOf('"order-api"'));
    assert.equal(orders.problem, undefined);

    assert.equal(model.relationships.length, 8);
    const gatewayToOrders = model.relationships.find((r) => r.uniqueId === 'gateway-to-orders');
    assert.deepEqual(
      {
        kind: gatewayToOrders?.kind,
        source: gatewayToOrders?.source,
        destination: gatewayToOrders?.destination,
        sourceInterfaces: gatewayToOrders?.sourceInterfaces,
        destinationInterfaces: gatewayToOrders?.destinationInterfaces,
      },
      { kind: 'connects', source: 'api-gateway', destination: 'order-service', sourceInterfaces: ['gateway-https'], destinationInterfaces: ['order-api'] },
    );
    const composition = model.relationships.find((r) => r.uniqueId === 'platform-composition');
    assert.equal(composition?.kind, 'composed-of');
    assert.equal(composition?.container, 'ecommerce-platform');
    assert.equal(composition?.nodes?.length, 6);
    const customer = model.relationships.find((r) => r.uniqueId === 'customer-to-gateway');
    assert.deepEqual([customer?.kind, customer?.source, customer?.nodes], ['interacts', 'customer', ['api-gateway']]);
    assert.deepEqual(model.flows, []);
  });

  test('a problem marks the element it is in', async () => {
    const broken = fileUri('test-output/model-problem.json');
    const opened = client.diagnosticsFor(broken, 1);
    await client.open(broken, EXAMPLE.replace('"node": "order-service"', '"node": "ghost-node"'));
    await opened;
    const model = await client.model(broken);
    assert.ok(model);
    assert.equal(model.errorCount, 1);
    assert.deepEqual(
      model.relationships.filter((r) => r.problem).map((r) => [r.uniqueId, r.problem]),
      [['gateway-to-orders', 'error']],
    );
    assert.ok(model.nodes.every((n) => n.problem === undefined));
    await client.close(broken);
  });

  test('elementAt names the innermost element with a unique-id at the position', async () => {
    assert.deepEqual(await client.elementAt(uri, inside('"name": "Order Service"')), { kind: 'node', uniqueId: 'order-service' });
    assert.deepEqual(await client.elementAt(uri, inside('"port": 8080')), { kind: 'interface', uniqueId: 'order-api' });
    assert.deepEqual(await client.elementAt(uri, inside('"destination"', '"unique-id": "gateway-to-orders"')), {
      kind: 'relationship',
      uniqueId: 'gateway-to-orders',
    });
    assert.deepEqual(await client.elementAt(uri, inside('"container": "ecommerce-platform"')), { kind: 'relationship', uniqueId: 'platform-composition' });
    assert.equal(await client.elementAt(uri, inside('"owner"')), null);
    assert.equal(await client.elementAt(uri, { line: 0, character: 0 }), null);
  });

  test('an unopened or non-CALM document has no model and no element', async () => {
    const unopened = fileUri('test-output/never-opened.json');
    assert.equal(await client.model(unopened), null);
    assert.equal(await client.elementAt(unopened, { line: 0, character: 0 }), null);
  });
});
