/**
 * Hostile and broken documents: each gets its diagnostics within 2 s, and the server still answers
 * a `calm/model` request afterwards (the reference validator crashes or says nothing on several of them).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { generateArchitectureText } from '../../bench/generate-architecture';
import { fileUri, LspTestClient, positionAt, REPO_ROOT, SUITE_TIMEOUT_MS } from './lsp-test-client';

const EXAMPLE = readFileSync(resolve(REPO_ROOT, 'examples/ecommerce-platform.json'), 'utf8');
const META = 'https://calm.finos.org/release/1.1/meta/calm.json';
const BUDGET_MS = 2000;

describe('language server on bad input', { timeout: SUITE_TIMEOUT_MS }, () => {
  let client: LspTestClient;
  let count = 0;

  before(async () => {
    ({ client } = await LspTestClient.start());
  });
  after(async () => {
    await client.stop();
  });

  /** Opens `text` as a new document; resolves with its first diagnostics, checked to arrive within the budget. */
  async function openAndTime(text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = fileUri(`test-output/bad-input-${++count}.json`);
    const published = client.diagnosticsFor(uri, 1);
    const started = performance.now();
    await client.open(uri, text);
    const { diagnostics } = await published;
    const elapsed = performance.now() - started;
    assert.ok(elapsed < BUDGET_MS, `diagnostics took ${elapsed.toFixed(0)} ms`);
    return { uri, diagnostics };
  }

  async function stillAnswers(uri: string): Promise<void> {
    const model = await client.model(uri);
    assert.ok(model, 'the server answers calm/model with a model');
    assert.equal(model.uri, uri);
    await client.close(uri);
  }

  test('truncated JSON: an end-of-file error at the end', async () => {
    // Cut at the end of a line near the middle, as a half-saved file is: between values, not inside a string.
    const text = EXAMPLE.slice(0, EXAMPLE.indexOf('\n', Math.floor(EXAMPLE.length / 2)));
    const { uri, diagnostics } = await openAndTime(text);
    assert.ok(diagnostics.length >= 1);
    assert.ok(diagnostics.every((d) => d.code === 'json-syntax'));
    assert.match(diagnostics[0].message, /end of file/i);
    assert.deepEqual(diagnostics[0].range.start, positionAt(text, text.length));
    await stillAnswers(uri);
  });

  test('trailing comma: reported on the comma', async () => {
    const text = EXAMPLE.replace('"orders"\n', '"orders",\n');
    assert.notEqual(text, EXAMPLE);
    const comma = text.indexOf('"orders",') + '"orders"'.length;
    const { uri, diagnostics } = await openAndTime(text);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.message]),
      [['json-syntax', "Trailing comma: JSON does not allow a ',' before ']'."]],
    );
    assert.deepEqual(diagnostics[0].range, { start: positionAt(text, comma), end: positionAt(text, comma + 1) });
    await stillAnswers(uri);
  });

  test('a CALM document emptied: says so, and the last good model is kept', async () => {
    const uri = fileUri('test-output/emptied.json');
    const opened = client.diagnosticsFor(uri, 1);
    await client.open(uri, EXAMPLE);
    await opened;
    const started = performance.now();
    const version = await client.change(uri, '');
    const { diagnostics } = await client.diagnosticsFor(uri, version);
    assert.ok(performance.now() - started < BUDGET_MS);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.message]),
      [['json-syntax', 'The document is empty: a CALM document is a JSON object.']],
    );
    const model = await client.model(uri);
    assert.ok(model);
    assert.equal(model.stale, true);
    assert.equal(model.parsed, false);
    assert.equal(model.version, version);
    assert.equal(model.modelVersion, 1);
    assert.equal(model.nodes.length, 9);
    assert.equal(model.errorCount, 1);
    await client.close(uri);
  });

  test('`relationships` as an object: a schema error on it, not a crash', async () => {
    const architecture = JSON.parse(EXAMPLE) as Record<string, unknown>;
    architecture.relationships = { 'customer-to-gateway': { description: 'an object where an array belongs' } };
    const text = JSON.stringify(architecture, null, 2);
    const { uri, diagnostics } = await openAndTime(text);
    const value = text.indexOf('{', text.indexOf('"relationships":'));
    const onRelationships = diagnostics.filter((d) => d.code === 'json-schema' && d.range.start.line === positionAt(text, value).line);
    assert.ok(onRelationships.length >= 1, JSON.stringify(diagnostics));
    await stillAnswers(uri);
  });

  test('an `options` relationship: normal findings, and the model shows it', async () => {
    const architecture = JSON.parse(EXAMPLE) as { relationships: unknown[] };
    architecture.relationships.push({
      'unique-id': 'payment-options',
      description: 'Which payment provider the platform uses',
      'relationship-type': {
        options: [
          { description: 'In-house payments', nodes: ['payment-service'], relationships: ['orders-to-payment'] },
          { description: 'No payments', nodes: [], relationships: [] },
        ],
      },
    });
    const text = JSON.stringify(architecture, null, 2);
    const { uri } = await openAndTime(text);
    const model = await client.model(uri);
    assert.equal(model?.relationships.find((r) => r.uniqueId === 'payment-options')?.kind, 'options');
    await stillAnswers(uri);
  });

  test('100,000 levels of nesting: refused with a clear message', async () => {
    const depth = 100_000;
    const text = `{"$schema": "${META}", "nodes": [${'['.repeat(depth)}${']'.repeat(depth)}], "relationships": []}`;
    const { uri, diagnostics } = await openAndTime(text);
    assert.equal(diagnostics.length, 1);
    assert.equal(diagnostics[0].code, 'json-syntax');
    assert.match(diagnostics[0].message, /^Nesting deeper than \d+ levels/);
    await stillAnswers(uri);
  });

  test('a 20 MB document: its one dangling reference, exactly placed, and the model after it', async () => {
    const clean = generateArchitectureText({ nodes: 14_000 });
    assert.ok(clean.length >= 20 * 1024 * 1024, `the document is ${(clean.length / 2 ** 20).toFixed(1)} MB`);
    // The last connects destination, near the end of the file, names a node that does not exist.
    const destination = clean.lastIndexOf('"destination"');
    const id = clean.indexOf('"node": "', destination) + '"node": '.length;
    const end = clean.indexOf('"', id + 1) + 1;
    const text = `${clean.slice(0, id)}"ghost-node"${clean.slice(end)}`;
    const { uri, diagnostics } = await openAndTime(text);
    const at = text.indexOf('"ghost-node"');
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range, d.message]),
      [
        [
          'connects-relationship-references-existing-nodes-in-architecture',
          { start: positionAt(text, at), end: positionAt(text, at + '"ghost-node"'.length) },
          "'ghost-node' does not refer to the unique-id of an existing node.",
        ],
      ],
    );
    const model = await client.model(uri);
    assert.equal(model?.nodes.length, 14_000 + Math.ceil(14_000 / 50));
    await client.close(uri);
  });
});
