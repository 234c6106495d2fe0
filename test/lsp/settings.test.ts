/** The calm.* settings the server pulls per document: debounce, and switching validation off and on. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileUri, LspTestClient, REPO_ROOT, SUITE_TIMEOUT_MS } from './lsp-test-client';

const EXAMPLE = readFileSync(resolve(REPO_ROOT, 'examples/ecommerce-platform.json'), 'utf8');
const DANGLING = EXAMPLE.replace('"node": "order-service"', '"node": "ghost-node"');

describe('language server settings', { timeout: SUITE_TIMEOUT_MS }, () => {
  let client: LspTestClient;

  before(async () => {
    // A long quiet period, so that a burst of edits sent at once surely falls inside it.
    ({ client } = await LspTestClient.start({ settings: { validation: { enabled: true, debounceMs: 600 } } }));
  });
  after(async () => {
    await client.stop();
  });

  test('a burst of edits is validated once, at its last version', async () => {
    const uri = fileUri('test-output/burst.json');
    const opened = client.diagnosticsFor(uri, 1);
    await client.open(uri, EXAMPLE);
    await opened;
    const seen = client.diagnostics.received.length;
    await client.change(uri, DANGLING);
    await client.change(uri, EXAMPLE.replace('"node": "order-service"', '"node": "ghost-two"'));
    const last = await client.change(uri, DANGLING);
    const { diagnostics } = await client.diagnosticsFor(uri, last);
    assert.deepEqual(diagnostics.map((d) => d.message), ["'ghost-node' does not refer to the unique-id of an existing node."]);
    const versions = client.diagnostics.received.slice(seen).filter((p) => p.uri === uri).map((p) => p.version);
    assert.deepEqual(versions, [last]);
    await client.close(uri);
  });

  test('calm.validation.enabled false clears the diagnostics; true brings them back', async () => {
    const uri = fileUri('test-output/settings.json');
    const opened = client.diagnosticsFor(uri, 1);
    await client.open(uri, DANGLING);
    assert.equal((await opened).diagnostics.length, 1);

    const off = client.nextDiagnostics(uri);
    await client.changeSettings({ validation: { enabled: false } });
    assert.deepEqual((await off).diagnostics, []);
    // Views keep their model while validation is off.
    assert.equal((await client.model(uri))?.nodes.length, 9);

    const on = client.nextDiagnostics(uri);
    await client.changeSettings({ validation: { enabled: true, debounceMs: 600 } });
    assert.equal((await on).diagnostics.length, 1);
    await client.close(uri);
  });
});
