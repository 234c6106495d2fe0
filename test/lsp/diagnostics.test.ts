/** The bundled language server publishes exact diagnostics on open and as the text changes, and clears them on close. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol/node';
import { validateText } from '../../server/src/calm/engine';
import { fileUri, LspTestClient, positionAt, REPO_ROOT, SUITE_TIMEOUT_MS } from './lsp-test-client';

const EXAMPLE = readFileSync(resolve(REPO_ROOT, 'examples/ecommerce-platform.json'), 'utf8');
const ORDER_DESTINATION = '"node": "order-service"';
/** The first connects relationship (gateway-to-orders) sends to a node that does not exist. */
const DANGLING = EXAMPLE.replace(ORDER_DESTINATION, '"node": "ghost-node"');

describe('language server diagnostics', { timeout: SUITE_TIMEOUT_MS }, () => {
  let client: LspTestClient;

  before(async () => {
    ({ client } = await LspTestClient.start());
  });
  after(async () => {
    await client.stop();
  });

  test('the e-commerce example opens with zero diagnostics', async () => {
    const uri = fileUri('examples/ecommerce-platform.json');
    const published = client.diagnosticsFor(uri, 1);
    const verdict = await client.open(uri, EXAMPLE);
    assert.equal(verdict.isCalm, true);
    assert.deepEqual((await published).diagnostics, []);
    await client.close(uri);
  });

  test('a dangling connects destination: one exact diagnostic, cleared by the fix, cleared on close', async () => {
    assert.notEqual(DANGLING, EXAMPLE, 'the mutation applies');
    const uri = fileUri('test-output/dangling-reference.json');
    const opened = client.diagnosticsFor(uri, 1);
    await client.open(uri, DANGLING);
    const { diagnostics } = await opened;
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    const [d] = diagnostics;
    const start = DANGLING.indexOf('"ghost-node"');
    assert.deepEqual(d.range, { start: positionAt(DANGLING, start), end: positionAt(DANGLING, start + '"ghost-node"'.length) });
    assert.equal(d.message, "'ghost-node' does not refer to the unique-id of an existing node.");
    assert.equal(d.code, 'connects-relationship-references-existing-nodes-in-architecture');
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.equal(d.source, 'calm');

    const fixedVersion = await client.change(uri, EXAMPLE);
    assert.deepEqual((await client.diagnosticsFor(uri, fixedVersion)).diagnostics, []);

    const brokenAgain = await client.change(uri, DANGLING);
    assert.equal((await client.diagnosticsFor(uri, brokenAgain)).diagnostics.length, 1);
    const cleared = client.nextDiagnostics(uri);
    await client.close(uri);
    assert.deepEqual((await cleared).diagnostics, []);
  });

  test('a summarised schema error is one diagnostic; its raw errors come as related information', async () => {
    const architecture = JSON.parse(EXAMPLE) as { relationships: Record<string, unknown>[] };
    architecture.relationships[2]['relationship-type'] = { bogus: {} };
    const text = JSON.stringify(architecture, null, 2);
    const summaries = validateText(text).findings.filter((f) => f.children && f.children.length > 1);
    assert.equal(summaries.length, 1, 'the engine summarises the failed oneOf');
    const uri = fileUri('test-output/summary.json');
    const opened = client.diagnosticsFor(uri, 1);
    await client.open(uri, text);
    const { diagnostics } = await opened;
    const shown = diagnostics.filter((d) => d.code === 'json-schema');
    assert.equal(shown.length, 1, JSON.stringify(diagnostics));
    assert.equal(shown[0].message, summaries[0].message);
    assert.deepEqual(
      shown[0].relatedInformation?.map((r) => [r.location.uri, r.message]),
      summaries[0].children?.map((c) => [uri, c.message]),
    );
    await client.close(uri);
  });

  test('an untitled document is validated too', async () => {
    const uri = 'untitled:Untitled-1';
    const opened = client.diagnosticsFor(uri, 1);
    await client.open(uri, DANGLING);
    assert.deepEqual(
      (await opened).diagnostics.map((d) => d.code),
      ['connects-relationship-references-existing-nodes-in-architecture'],
    );
    await client.close(uri);
  });

  test('a JSON syntax error is reported at its position in plain words', async () => {
    const uri = fileUri('test-output/syntax.json');
    const broken = EXAMPLE.replace('"unique-id": "admin",', '"unique-id": "admin"');
    const opened = client.diagnosticsFor(uri, 1);
    await client.open(uri, broken);
    const { diagnostics } = await opened;
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    assert.equal(diagnostics[0].code, 'json-syntax');
    assert.match(diagnostics[0].message, /Expected ','/);
    const after = broken.indexOf('"node-type"', broken.indexOf('"unique-id": "admin"'));
    assert.deepEqual(diagnostics[0].range.start, positionAt(broken, after));
    await client.close(uri);
  });
});
