/** Definition, references, highlights and rename through the bundled language server, on the e-commerce example. */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  DefinitionRequest,
  DocumentHighlightRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  ResponseError,
  type Location,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { applyTextEdits, editsFor, EXAMPLE_TEXT, positionOf, rangeOf } from '../unit/features-support';
import { fileUri, LspTestClient } from './lsp-test-client';

function ranges(quoted: string): ReturnType<typeof rangeOf>[] {
  const out = [];
  for (let i = 0; EXAMPLE_TEXT.split(quoted).length - 1 > i; i++) out.push(rangeOf(EXAMPLE_TEXT, quoted, i));
  return out;
}

describe('navigation and rename over LSP', () => {
  let client: LspTestClient;
  const uri = fileUri('test-output/features-navigation.json');

  before(async () => {
    ({ client } = await LspTestClient.start());
    await client.open(uri, EXAMPLE_TEXT, 'calm');
  });
  after(async () => {
    await client.stop();
  });

  test('definition: from a reference to the unique-id it names', async () => {
    const locations = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position: positionOf(EXAMPLE_TEXT, '"node": "payment-service"', 12) })) as Location[];
    assert.deepEqual(locations, [{ uri, range: rangeOf(EXAMPLE_TEXT, '"payment-service"') }]);
  });

  test('references: every occurrence of a node id, the definition included on request', async () => {
    const at = { textDocument: { uri }, position: positionOf(EXAMPLE_TEXT, '"order-service"', 3) };
    const all = await client.connection.sendRequest(ReferencesRequest.type, { ...at, context: { includeDeclaration: true } });
    assert.deepEqual(all?.map((l) => l.range), ranges('"order-service"'));
    const refsOnly = await client.connection.sendRequest(ReferencesRequest.type, { ...at, context: { includeDeclaration: false } });
    assert.deepEqual(refsOnly?.map((l) => l.range), ranges('"order-service"').slice(1));
  });

  test('document highlight: the interface id everywhere', async () => {
    const highlights = await client.connection.sendRequest(DocumentHighlightRequest.type, { textDocument: { uri }, position: positionOf(EXAMPLE_TEXT, '"gateway-https"', 4) });
    assert.deepEqual(highlights?.map((h) => [h.range, h.kind]), ranges('"gateway-https"').map((r, i) => [r, i === 0 ? 3 : 2]));
  });

  test('prepareRename: the id under the cursor; a clear refusal elsewhere', async () => {
    const ok = await client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position: positionOf(EXAMPLE_TEXT, '"unique-id": "inventory-service"', 16) });
    assert.deepEqual(ok, { range: rangeOf(EXAMPLE_TEXT, '"inventory-service"'), placeholder: 'inventory-service' });
    await assert.rejects(
      client.connection.sendRequest(PrepareRenameRequest.type, { textDocument: { uri }, position: positionOf(EXAMPLE_TEXT, '"port": 8081', 9) }),
      (error: unknown) => error instanceof ResponseError && /Only a unique-id/.test(error.message),
    );
  });

  test('rename: one edit for this document version, definition and every reference; the result validates clean', async () => {
    const edit = (await client.connection.sendRequest(RenameRequest.type, {
      textDocument: { uri },
      position: positionOf(EXAMPLE_TEXT, '"container": "ecommerce-platform"', 16),
      newName: 'shop',
    })) as WorkspaceEdit;
    assert.equal(edit.documentChanges?.length, 1);
    const change = edit.documentChanges?.[0];
    assert.ok(change && 'textDocument' in change);
    assert.deepEqual(change.textDocument, { uri, version: 1 });
    assert.deepEqual(change.edits.map((e) => ('range' in e ? e.range : null)), ranges('"ecommerce-platform"'));
    const renamed = applyTextEdits(EXAMPLE_TEXT, editsFor(edit, uri));
    const version = await client.change(uri, renamed);
    assert.deepEqual((await client.diagnosticsFor(uri, version)).diagnostics, []);
    const back = await client.change(uri, EXAMPLE_TEXT);
    await client.diagnosticsFor(uri, back);
  });

  test('rename refusals: an existing id, and an empty name', async () => {
    const position = positionOf(EXAMPLE_TEXT, '"unique-id": "inventory-service"', 16);
    await assert.rejects(
      client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position, newName: 'payment-service' }),
      (error: unknown) => error instanceof ResponseError && error.message === "Cannot rename 'inventory-service' to 'payment-service': a node already has the unique-id 'payment-service'.",
    );
    await assert.rejects(
      client.connection.sendRequest(RenameRequest.type, { textDocument: { uri }, position, newName: '' }),
      (error: unknown) => error instanceof ResponseError && error.message === "Cannot rename 'inventory-service' to '': A unique-id must be a non-empty string.",
    );
  });
});
