/**
 * A 20 MB architecture (about 14,000 nodes, generated here): its diagnostics arrive within 2 s and the
 * server still answers afterwards. Kept apart from the other bad inputs: it is the one that measures the engine's pace.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { generateArchitecture } from '../../bench/generate-architecture';
import { fileUri, LspTestClient, positionAt, SUITE_TIMEOUT_MS } from './lsp-test-client';

const BUDGET_MS = 2000;

describe('language server on a 20 MB document', { timeout: SUITE_TIMEOUT_MS }, () => {
  let client: LspTestClient;

  before(async () => {
    ({ client } = await LspTestClient.start());
  });
  after(async () => {
    await client.stop();
  });

  async function openAndTime(text: string) {
    const uri = fileUri('test-output/huge.json');
    const published = client.diagnosticsFor(uri, 1);
    const started = performance.now();
    await client.open(uri, text);
    const { diagnostics } = await published;
    const elapsed = performance.now() - started;
    console.log(`20 MB document: diagnostics after ${elapsed.toFixed(0)} ms`);
    assert.ok(elapsed < BUDGET_MS, `diagnostics took ${elapsed.toFixed(0)} ms`);
    return { uri, diagnostics };
  }

  async function stillAnswers(uri: string): Promise<void> {
    const model = await client.model(uri);
    assert.ok(model, 'the server answers calm/model with a model');
    assert.equal(model.uri, uri);
    await client.close(uri);
  }

  test('a 20 MB architecture: its one dangling reference, exactly placed', async () => {
    const architecture = generateArchitecture({ nodes: 14_000 });
    const relationships = architecture.relationships as { 'relationship-type': { connects?: { destination: { node: string } } } }[];
    const first = relationships[0]['relationship-type'].connects;
    assert.ok(first);
    first.destination.node = 'ghost-node';
    const text = JSON.stringify(architecture, null, 2);
    assert.ok(text.length >= 20_000_000, `only ${text.length} characters`);
    const { uri, diagnostics } = await openAndTime(text);
    assert.deepEqual(
      diagnostics.map((d) => d.message),
      ["'ghost-node' does not refer to the unique-id of an existing node."],
    );
    const at = text.indexOf('"ghost-node"');
    assert.deepEqual(diagnostics[0].range, { start: positionAt(text, at), end: positionAt(text, at + '"ghost-node"'.length) });
    await stillAnswers(uri);
  });
});
