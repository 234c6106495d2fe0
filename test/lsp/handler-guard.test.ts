/**
 * Handlers never throw into the connection: a failing rule or schema load becomes a logged error while
 * the other findings still arrive, and a failing feature answers its fallback and leaves the server working.
 * The server runs in this process here, with a runtime and features made to fail.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { MessageType } from 'vscode-languageserver-protocol/node';
import { modelRequestsFeature } from '../../server/src/model-requests';
import type { ServerFeature } from '../../server/src/server-context';
import { startServer, type ServerRuntime } from '../../server/src/start-server';
import { fileUri, LspTestClient, REPO_ROOT, SUITE_TIMEOUT_MS } from './lsp-test-client';

const EXAMPLE = readFileSync(resolve(REPO_ROOT, 'examples/ecommerce-platform.json'), 'utf8');
const DANGLING = EXAMPLE.replace('"node": "order-service"', '"node": "ghost-node"');
const BOOM = 'test/boom';

const throwingRuntime: ServerRuntime = {
  createSchemaLoader: () => () => {
    throw new Error('the disk caught fire');
  },
};

const throwingFeature: ServerFeature = {
  name: 'boom',
  capabilities: { hoverProvider: true },
  register(server) {
    server.connection.onRequest(
      BOOM,
      server.guard<{ n: number }, string>(BOOM, 'fallback answer', () => {
        throw new TypeError('feature bug');
      }),
    );
  },
};

const unstartableFeature: ServerFeature = {
  name: 'unstartable',
  register() {
    throw new Error('cannot register');
  },
};

describe('handlers never throw into the connection', { timeout: SUITE_TIMEOUT_MS }, () => {
  let client: LspTestClient;
  let capabilities: Record<string, unknown>;

  before(async () => {
    const started = await LspTestClient.inProcess((input, output) => {
      const connection = createConnection(ProposedFeatures.all, input, output);
      startServer(connection, throwingRuntime, [modelRequestsFeature, throwingFeature, unstartableFeature]);
    });
    client = started.client;
    capabilities = started.initializeResult.capabilities as Record<string, unknown>;
  });
  after(async () => {
    await client.stop();
  });

  test('a feature that cannot register is logged; the others are in the capabilities', async () => {
    assert.equal(capabilities.hoverProvider, true);
    const logged = client.logs.received.find((l) => l.message.includes("Feature 'unstartable' could not start"));
    assert.equal(logged?.type, MessageType.Error);
  });

  test('a pattern loader that throws: logged as a failed json-schema check, the rule findings still arrive', async () => {
    const uri = fileUri('test-output/guard-pattern.json');
    const text = DANGLING.replace('https://calm.finos.org/release/1.1/meta/calm.json', './some-pattern.json');
    const logged = client.logs.next((l) => l.message.includes(uri));
    const published = client.diagnosticsFor(uri, 1);
    await client.open(uri, text);
    assert.deepEqual(
      (await published).diagnostics.map((d) => d.code),
      ['connects-relationship-references-existing-nodes-in-architecture'],
    );
    const log = await logged;
    assert.equal(log.type, MessageType.Error);
    assert.match(log.message, /'json-schema' failed .*the disk caught fire/s);
    await client.close(uri);
  });

  test('a feature handler that throws answers its fallback, logs, and the server keeps answering', async () => {
    const logged = client.logs.next((l) => l.message.startsWith(`${BOOM} failed`));
    assert.equal(await client.connection.sendRequest(BOOM, { n: 1 }), 'fallback answer');
    assert.match((await logged).message, /TypeError: feature bug/);
    const uri = fileUri('test-output/guard-after.json');
    const published = client.diagnosticsFor(uri, 1);
    await client.open(uri, EXAMPLE);
    assert.deepEqual((await published).diagnostics, []);
    assert.equal((await client.model(uri))?.nodes.length, 9);
    await client.close(uri);
  });
});
