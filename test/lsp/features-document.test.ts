/**
 * Outline, folding, smart select, formatting, code lenses, workspace symbols and workspace validation
 * through the bundled language server; and what a CALM document left in JSON mode does not get twice.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import {
  CodeLensRequest,
  CodeLensResolveRequest,
  CompletionRequest,
  DocumentFormattingRequest,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  SelectionRangeRequest,
  WorkspaceSymbolRequest,
  type CompletionList,
  type DocumentSymbol,
} from 'vscode-languageserver-protocol/node';
import { ValidateWorkspaceRequestMethod, type ValidateWorkspaceResult } from '../../server/src/protocol';
import { applyTextEdits, EXAMPLE_TEXT, positionOf, rangeOf } from '../unit/features-support';
import { LspTestClient } from './lsp-test-client';

describe('document and workspace features over LSP', () => {
  let client: LspTestClient;
  let folder: string;
  const file = (name: string) => pathToFileURL(join(folder, name)).toString();
  const DANGLING = EXAMPLE_TEXT.replace('"actor": "admin"', '"actor": "ghost"');

  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'calm-lens-features-'));
    writeFileSync(join(folder, 'shop.calm.json'), EXAMPLE_TEXT);
    mkdirSync(join(folder, 'more'));
    writeFileSync(join(folder, 'more', 'broken-shop.json'), DANGLING);
    writeFileSync(join(folder, 'package.json'), '{ "name": "not-calm", "version": "1.0.0" }\n');
    mkdirSync(join(folder, 'node_modules', 'dep'), { recursive: true });
    writeFileSync(join(folder, 'node_modules', 'dep', 'vendored.json'), EXAMPLE_TEXT);
    ({ client } = await LspTestClient.start({ workspaceFolder: folder }));
  });
  after(async () => {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  test('outline: sections, node-type groups, nodes', async () => {
    const uri = file('shop.calm.json');
    await client.open(uri, EXAMPLE_TEXT, 'calm');
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.deepEqual(symbols.map((s) => s.name), ['$schema', 'metadata', 'nodes', 'relationships']);
    const nodes = symbols[2];
    assert.deepEqual(nodes.children?.map((g) => `${g.name} (${g.detail})`), ['actor (2)', 'service (4)', 'database (2)', 'system (1)']);
    assert.deepEqual(nodes.children?.[2].children?.map((n) => n.name), ['Order Database', 'Inventory Database']);
    await client.close(uri);
  });

  test('folding, smart select and formatting by the editor settings', async () => {
    const uri = file('shop.calm.json');
    const squashed = JSON.stringify(JSON.parse(EXAMPLE_TEXT));
    await client.open(uri, EXAMPLE_TEXT, 'calm');
    const folds = await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    assert.equal(folds?.length, 84);
    const [selection] = (await client.connection.sendRequest(SelectionRangeRequest.type, { textDocument: { uri }, positions: [positionOf(EXAMPLE_TEXT, '"HTTPS"', 2)] })) ?? [];
    assert.deepEqual(selection.range, rangeOf(EXAMPLE_TEXT, 'HTTPS'));
    assert.deepEqual(selection.parent?.range, rangeOf(EXAMPLE_TEXT, '"HTTPS"'));
    const version = await client.change(uri, squashed);
    await client.diagnosticsFor(uri, version);
    const edits = await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 3, insertSpaces: true } });
    assert.equal(applyTextEdits(squashed, edits ?? []), JSON.stringify(JSON.parse(EXAMPLE_TEXT), null, 3));
    await client.close(uri);
  });

  test('code lenses above each node, reference counts resolved on demand', async () => {
    const uri = file('shop.calm.json');
    await client.open(uri, EXAMPLE_TEXT, 'calm');
    const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } })) ?? [];
    assert.equal(lenses.length, 18);
    assert.deepEqual(lenses[6].command, { title: 'Show in diagram', command: 'calm.showInDiagram', arguments: ['order-service', uri] });
    const resolved = await client.connection.sendRequest(CodeLensResolveRequest.type, lenses[7]);
    assert.equal(resolved.command?.title, '4 references');
    assert.equal(resolved.command?.command, 'calm.showReferences');
    await client.close(uri);
  });

  test('in JSON mode, what VS Code\'s JSON language already offers is left to it; CALM ids and cards remain', async () => {
    const uri = file('shop.calm.json');
    await client.open(uri, EXAMPLE_TEXT, 'json');
    assert.equal(await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }), null);
    assert.equal(await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } }), null);
    assert.equal(await client.connection.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }), null);
    assert.equal(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(EXAMPLE_TEXT, '"node-type"', 2) }), null);
    const enums = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: positionOf(EXAMPLE_TEXT, '"node-type": "actor"', 15) })) as CompletionList;
    assert.deepEqual(enums.items, []);
    const ids = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: positionOf(EXAMPLE_TEXT, '"actor": "admin"', 11) })) as CompletionList;
    assert.equal(ids.items.length, 9);
    assert.ok(await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(EXAMPLE_TEXT, '"actor": "admin"', 11) }));
    await client.close(uri);
  });

  test('workspace symbols: CALM files of the folder read from disk, open documents from the editor', async () => {
    const openUri = file('more/broken-shop.json');
    const openText = DANGLING.replace('"name": "Payment Service"', '"name": "Payment Hub"');
    const validated = client.diagnosticsFor(openUri, 1);
    await client.open(openUri, openText, 'calm');
    await validated;
    const symbols = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'paysvc' })) ?? [];
    const found = symbols.map((s) => ['location' in s ? s.location.uri : '', s.name]).sort();
    assert.deepEqual(found, [
      [openUri, 'Payment Hub'],
      [file('shop.calm.json'), 'Payment Service'],
    ]);
    const cleared = client.nextDiagnostics(openUri);
    await client.close(openUri);
    await cleared;
  });

  test('Validate Workspace: problems of files that are not open are published; node_modules and non-CALM JSON are skipped', async () => {
    const published = client.nextDiagnostics(file('more/broken-shop.json'));
    const result = await client.connection.sendRequest<ValidateWorkspaceResult>(ValidateWorkspaceRequestMethod, {});
    // The mutant's admin is no longer referenced: a warning beside the dangling reference.
    assert.deepEqual(result, { files: 2, filesWithErrors: 1, errors: 1, warnings: 1 });
    const { diagnostics } = await published;
    assert.deepEqual(diagnostics.map((d) => d.message), ["Node with ID 'admin' is not referenced by any relationships.", "'ghost' does not refer to the unique-id of an existing node."]);
    assert.ok(!client.diagnostics.received.some((p) => p.uri.includes('node_modules') || p.uri.endsWith('package.json')));
  });
});
