/** Which documents are CALM: the client's cheap sniff, the server's verdict, and silence on other JSON. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { isCalmDocument, looksLikeCalm } from '../../server/src/calm/detect';
import { parseCalm } from '../../server/src/calm/parse';
import { createNodeSchemaLoader } from '../../server/src/node-schema-loader';
import { fileUri, LspTestClient, REPO_ROOT, SUITE_TIMEOUT_MS } from './lsp-test-client';

const EXAMPLE = readFileSync(resolve(REPO_ROOT, 'examples/ecommerce-platform.json'), 'utf8');
const META = 'https://calm.finos.org/release/1.1/meta/calm.json';

const PACKAGE_JSON = JSON.stringify({ name: 'shop', version: '1.0.0', dependencies: { express: '^4.0.0' }, scripts: { test: 'node test' } }, null, 2);
const TSCONFIG = JSON.stringify({ $schema: 'https://json.schemastore.org/tsconfig', compilerOptions: { strict: true }, include: ['src'] }, null, 2);
/** Mentions nodes, but not as a top-level array. */
const GRAPH_SETTINGS = JSON.stringify({ graph: { nodes: ['a', 'b'], relationships: [] }, nodes: 3 }, null, 2);

function calm(text: string, loader = createNodeSchemaLoader()): boolean {
  return isCalmDocument(parseCalm(text), loader);
}

describe('CALM detection (pure)', () => {
  test('looksLikeCalm accepts CALM texts, also broken ones', () => {
    assert.equal(looksLikeCalm(EXAMPLE), true);
    assert.equal(looksLikeCalm(EXAMPLE.slice(0, 400)), true, 'truncated');
    assert.equal(looksLikeCalm('{"nodes": [], "relationships": []}'), true);
    assert.equal(looksLikeCalm('{"relationships": {"oops": 1}}'), true);
    assert.equal(looksLikeCalm('{"moments": []}'), true);
  });

  test('looksLikeCalm rejects JSON that has nothing of CALM', () => {
    assert.equal(looksLikeCalm(PACKAGE_JSON), false);
    assert.equal(looksLikeCalm(TSCONFIG), false);
    assert.equal(looksLikeCalm(''), false);
  });

  test('isCalmDocument: a CALM $schema, or top-level nodes/relationships/moments arrays, whatever else is there', () => {
    assert.equal(calm(EXAMPLE), true);
    assert.equal(calm(`{"$schema": "${META}"}`), true);
    assert.equal(calm('{"nodes": []}'), true);
    assert.equal(calm('{"relationships": []}'), true);
    assert.equal(calm('{"moments": []}'), true);
    assert.equal(calm(`{"$schema": "${META}", "relationships": {"not": "an array"}}`), true);
  });

  test('isCalmDocument: other JSON is not CALM', () => {
    assert.equal(calm(PACKAGE_JSON), false);
    assert.equal(calm(TSCONFIG), false, 'a remote $schema is not fetched, so it cannot name a pattern');
    assert.equal(calm(GRAPH_SETTINGS), false);
    assert.equal(calm('[1, 2, 3]'), false);
    assert.equal(calm('"nodes"'), false);
  });

  test('isCalmDocument: broken text counts when it looks like CALM', () => {
    assert.equal(calm(EXAMPLE.slice(0, 400)), true);
    assert.equal(calm('{"name": "shop", '), false);
  });

  describe('a $schema naming a local pattern', () => {
    let dir: string;
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'calm-detect-'));
      writeFileSync(join(dir, 'pattern.json'), JSON.stringify({ $schema: META, type: 'object', properties: { nodes: { type: 'array' } } }));
      writeFileSync(join(dir, 'plain-schema.json'), JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'object' }));
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    test('is CALM when the file is a CALM pattern, not when it is some other schema', () => {
      const loader = createNodeSchemaLoader({ baseDir: dir });
      assert.equal(calm('{"$schema": "./pattern.json", "name": "x"}', loader), true);
      assert.equal(calm(`{"$schema": "${pathToFileURL(join(dir, 'pattern.json')).toString()}"}`, loader), true);
      assert.equal(calm('{"$schema": "./plain-schema.json", "name": "x"}', loader), false);
      assert.equal(calm('{"$schema": "./missing.json", "name": "x"}', loader), false);
    });
  });
});

describe('CALM detection in the server', { timeout: SUITE_TIMEOUT_MS }, () => {
  let client: LspTestClient;

  before(async () => {
    ({ client } = await LspTestClient.start());
  });
  after(async () => {
    await client.stop();
  });

  test('a package.json-like document: not CALM, no diagnostics, no model', async () => {
    const uri = fileUri('test-output/package.json');
    const verdict = await client.open(uri, PACKAGE_JSON);
    assert.deepEqual(verdict, { uri, isCalm: false });
    // Requests are answered in order: once this answers, anything published for the open has arrived.
    assert.equal(await client.model(uri), null);
    const edited = await client.change(uri, PACKAGE_JSON.replace('shop', 'shop2'));
    assert.equal(await client.model(uri), null);
    await client.close(uri);
    assert.equal(await client.model(uri), null);
    assert.deepEqual(client.diagnostics.received.filter((p) => p.uri === uri), [], `published for version ${edited}`);
    assert.deepEqual(client.isCalm.received.filter((p) => p.uri === uri), [{ uri, isCalm: false }]);
  });

  test('a document that becomes CALM as it is typed, and stops being CALM when replaced', async () => {
    const uri = fileUri('test-output/becomes-calm.json');
    assert.equal((await client.open(uri, '{\n  "name": "draft"\n}\n')).isCalm, false);
    const becameCalm = client.isCalm.next((p) => p.uri === uri);
    const version = await client.change(uri, EXAMPLE);
    assert.deepEqual(await becameCalm, { uri, isCalm: true });
    assert.deepEqual((await client.diagnosticsFor(uri, version)).diagnostics, []);
    const stoppedBeingCalm = client.isCalm.next((p) => p.uri === uri);
    const cleared = client.nextDiagnostics(uri);
    await client.change(uri, PACKAGE_JSON);
    assert.deepEqual(await stoppedBeingCalm, { uri, isCalm: false });
    assert.deepEqual((await cleared).diagnostics, []);
    await client.close(uri);
  });

  test('a document in the `calm` language is CALM even when empty', async () => {
    const uri = 'untitled:Untitled-calm';
    const published = client.diagnosticsFor(uri, 1);
    assert.equal((await client.open(uri, '', 'calm')).isCalm, true);
    assert.deepEqual((await published).diagnostics.map((d) => d.code), ['json-syntax']);
    await client.close(uri);
  });
});
