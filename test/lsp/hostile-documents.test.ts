/**
 * Hostile documents through the bundled language server over a real LSP connection: hostile ids through
 * every feature, 100,000-level nesting, a 50 MB architecture typed into, 10,000 duplicate ids, containment
 * cycles, and `$schema` naming a missing file, a folder, a file outside the workspace, a remote URL, a
 * device or a named pipe. Each gets its diagnostics, the server answers what follows, and it never logs
 * an error (a handler's exception).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import {
  CompletionRequest,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DocumentSymbolRequest,
  FoldingRangeRequest,
  HoverRequest,
  MessageType,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  ResponseError,
  type CompletionItem,
  type CompletionList,
  type Diagnostic,
  type DocumentSymbol,
  type Location,
  type MarkupContent,
  type Position,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { generateArchitectureText } from '../../bench/generate-architecture';
import { applyTextEdits, editsFor, positionOf, rangeOf } from '../unit/features-support';
import { LspTestClient, SUITE_TIMEOUT_MS } from './lsp-test-client';

const META = 'https://calm.finos.org/release/1.1/meta/calm.json';

function node(id: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { 'unique-id': id, 'node-type': 'service', name: `Node ${String(id).slice(0, 20)}`, description: 'd', ...extra };
}

/** Nodes `a` (with interface `i`) and `b`, a connects a -> b (id `rel`), b composed of a, a flow (id `flow`) through the connects. */
function architecture(ids: { a: string; b: string; i: string; rel: string; flow: string }): string {
  return JSON.stringify(
    {
      $schema: META,
      nodes: [node(ids.a, { interfaces: [{ 'unique-id': ids.i, host: 'h', port: 1 }] }), node(ids.b)],
      relationships: [
        { 'unique-id': ids.rel, description: 'r', 'relationship-type': { connects: { source: { node: ids.a, interfaces: [ids.i] }, destination: { node: ids.b } } } },
        { 'unique-id': 'holds', description: 'h', 'relationship-type': { 'composed-of': { container: ids.b, nodes: [ids.a] } } },
      ],
      flows: [{ 'unique-id': ids.flow, name: 'F', description: 'f', transitions: [{ 'relationship-unique-id': ids.rel, 'sequence-number': 1, description: 't' }] }],
    },
    null,
    2,
  );
}

function hoverText(contents: unknown): string {
  const c = contents as MarkupContent | string | undefined;
  return typeof c === 'string' ? c : (c?.value ?? '');
}

describe('hostile documents through the language server', { timeout: SUITE_TIMEOUT_MS }, () => {
  let base: string;
  let workspace: string;
  let client: LspTestClient;
  let count = 0;

  before(async () => {
    base = mkdtempSync(join(tmpdir(), 'calm-hostile-lsp-'));
    workspace = join(base, 'workspace');
    mkdirSync(join(workspace, 'docs'), { recursive: true });
    mkdirSync(join(workspace, 'a-folder'));
    mkdirSync(join(base, 'outside'));
    writeFileSync(join(base, 'outside', 'pattern.json'), JSON.stringify({ $schema: META, type: 'object' }));
    execFileSync('mkfifo', [join(workspace, 'pipe.json')]);
    ({ client } = await LspTestClient.start({ workspaceFolder: workspace }));
  });
  after(async () => {
    await client.stop();
    rmSync(base, { recursive: true, force: true });
  });

  /** Opens `text` in the `calm` language as a new document of the workspace; resolves with its first diagnostics. */
  async function open(text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = pathToFileURL(join(workspace, 'docs', `hostile-${++count}.json`)).toString();
    const published = client.diagnosticsFor(uri, 1);
    await client.open(uri, text, 'calm');
    return { uri, diagnostics: (await published).diagnostics };
  }

  function at(uri: string, position: Position) {
    return { textDocument: { uri }, position };
  }

  test('ids named after Object.prototype members: hover, definition, references, completion, symbols and rename all work on them', async () => {
    const text = architecture({ a: '__proto__', b: 'constructor', i: 'toString', rel: 'hasOwnProperty', flow: 'valueOf' });
    const { uri, diagnostics } = await open(text);
    assert.deepEqual(diagnostics, []);
    const reference = positionOf(text, '"node": "__proto__"', 12);
    const hover = await client.connection.sendRequest(HoverRequest.type, at(uri, reference));
    // Markdown-escaped, and its relationships found by id like any other node's.
    const card = hoverText(hover?.contents);
    assert.match(card, /^unique-id: \\_\\_proto\\_\\_$/m);
    assert.match(card, /^- hasOwnProperty: connects to Node constructor \(constructor\)$/m);
    const definition = (await client.connection.sendRequest(DefinitionRequest.type, at(uri, reference))) as Location[];
    assert.deepEqual(definition, [{ uri, range: rangeOf(text, '"__proto__"') }]);
    const references = await client.connection.sendRequest(ReferencesRequest.type, { ...at(uri, reference), context: { includeDeclaration: true } });
    assert.deepEqual(references?.map((l) => l.range), [0, 1, 2].map((i) => rangeOf(text, '"__proto__"', i)));
    const relationshipReferences = await client.connection.sendRequest(ReferencesRequest.type, { ...at(uri, positionOf(text, '"relationship-unique-id": "hasOwnProperty"', 27)), context: { includeDeclaration: true } });
    assert.deepEqual(relationshipReferences?.map((l) => l.range), [0, 1].map((i) => rangeOf(text, '"hasOwnProperty"', i)));
    const completion = (await client.connection.sendRequest(CompletionRequest.type, at(uri, reference))) as CompletionList | CompletionItem[] | null;
    const labels = (Array.isArray(completion) ? completion : (completion?.items ?? [])).map((item) => item.label);
    assert.ok(labels.includes('__proto__') && labels.includes('constructor'), JSON.stringify(labels));
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const names: string[] = [];
    const collect = (list: readonly DocumentSymbol[]): void => list.forEach((s) => (names.push(s.name, s.detail ?? ''), collect(s.children ?? [])));
    collect(symbols);
    for (const id of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']) assert.ok(names.some((n) => n.includes(id)), `${id} in ${JSON.stringify(names)}`);
    assert.deepEqual(await client.connection.sendRequest(PrepareRenameRequest.type, at(uri, reference)), { range: rangeOf(text, '"__proto__"', 1), placeholder: '__proto__' });
    const edit = (await client.connection.sendRequest(RenameRequest.type, { ...at(uri, reference), newName: 'api' })) as WorkspaceEdit;
    const renamed = applyTextEdits(text, editsFor(edit, uri));
    assert.equal(renamed, text.replaceAll('"__proto__"', '"api"'));
    await assert.rejects(
      client.connection.sendRequest(RenameRequest.type, { ...at(uri, reference), newName: 'constructor' }),
      (error: unknown) => error instanceof ResponseError && error.code === 0 && /constructor/.test(error.message),
    );
    await client.close(uri);
  });

  test('Unicode, right-to-left and 100 KB ids: diagnostics at exact UTF-16 positions, navigation and rename on them', async () => {
    const long = 'L'.repeat(100_000);
    const text = JSON.stringify(
      {
        $schema: META,
        nodes: [node('サービス😀', { interfaces: [{ 'unique-id': '\u202Eevil\u202C', host: 'h', port: 1 }] }), node(long)],
        relationships: [
          { 'unique-id': 'שרת-ראשי', description: 'r', 'relationship-type': { connects: { source: { node: 'サービス😀', interfaces: ['\u202Eevil\u202C'] }, destination: { node: `x${long}` } } } },
          { 'unique-id': 'holds', description: 'h', 'relationship-type': { 'composed-of': { container: long, nodes: ['サービス😀'] } } },
        ],
        flows: [{ 'unique-id': 'e\u0301', name: 'F', description: 'f', transitions: [{ 'relationship-unique-id': 'שרת-ראשי', 'sequence-number': 1, description: 't' }] }],
      },
      null,
      2,
    );
    const { uri, diagnostics } = await open(text);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range]),
      [['connects-relationship-references-existing-nodes-in-architecture', rangeOf(text, `"x${long}"`)]],
    );
    const emojiReference = positionOf(text, '"node": "サービス😀"', 14);
    const definition = (await client.connection.sendRequest(DefinitionRequest.type, at(uri, emojiReference))) as Location[];
    assert.deepEqual(definition, [{ uri, range: rangeOf(text, '"サービス😀"') }]);
    const hover = await client.connection.sendRequest(HoverRequest.type, at(uri, positionOf(text, `"container": "${long}"`, 20)));
    assert.ok(hoverText(hover?.contents).length > 0);
    const edit = (await client.connection.sendRequest(RenameRequest.type, { ...at(uri, positionOf(text, '"relationship-unique-id": "שרת-ראשי"', 28)), newName: 'עורק' })) as WorkspaceEdit;
    assert.equal(applyTextEdits(text, editsFor(edit, uri)), text.replaceAll('"שרת-ראשי"', '"עורק"'));
    await client.close(uri);
  });

  test('ids that are not strings, and empty ids: schema and rule diagnostics, and every feature answers on them', async () => {
    const text = JSON.stringify(
      {
        $schema: META,
        nodes: [node(42), node({ nested: ['x'] }), node(null), node('')],
        relationships: [{ 'unique-id': [], description: 'r', 'relationship-type': { interacts: { actor: 42, nodes: [{}, null, ''] } } }],
      },
      null,
      2,
    );
    const { uri, diagnostics } = await open(text);
    assert.ok(diagnostics.some((d) => d.code === 'json-schema' && /must be string/.test(d.message)));
    assert.ok(diagnostics.some((d) => d.code === 'architecture-has-no-empty-string-properties'));
    for (const needle of ['42', '"nested"', 'null', '""', '[]']) {
      const position = positionOf(text, needle, 1);
      await client.connection.sendRequest(HoverRequest.type, at(uri, position));
      await client.connection.sendRequest(DefinitionRequest.type, at(uri, position));
      await client.connection.sendRequest(ReferencesRequest.type, { ...at(uri, position), context: { includeDeclaration: true } });
      await client.connection.sendRequest(CompletionRequest.type, at(uri, position));
      if (needle === '""') {
        // An empty id can be renamed into a real one: the way out of the empty-string finding.
        assert.deepEqual(await client.connection.sendRequest(PrepareRenameRequest.type, at(uri, position)), { range: rangeOf(text, '""'), placeholder: '' });
      } else {
        await assert.rejects(client.connection.sendRequest(PrepareRenameRequest.type, at(uri, position)), (error: unknown) => error instanceof ResponseError && error.code === 0, needle);
      }
    }
    await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    await client.close(uri);
  });

  test('100,000 levels of nesting inside a node: one syntax diagnostic; features at the deepest point still answer', async () => {
    const depth = 100_000;
    const text = `{"$schema": "${META}", "nodes": [{"unique-id": "a", "metadata": ${'{"k":['.repeat(depth / 2)}1${']}'.repeat(depth / 2)}}], "relationships": []}`;
    const { uri, diagnostics } = await open(text);
    assert.deepEqual(diagnostics.map((d) => d.code), ['json-syntax']);
    assert.match(diagnostics[0].message, /^Nesting deeper than \d+ levels/);
    const deepest = positionOf(text, '1]}');
    await client.connection.sendRequest(HoverRequest.type, at(uri, deepest));
    await client.connection.sendRequest(CompletionRequest.type, at(uri, deepest));
    await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } });
    await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } });
    const model = await client.model(uri);
    assert.equal(model?.parsed, false);
    await client.close(uri);
  });

  test('10,000 duplicate ids: the first 1,000 diagnostics and a line saying how many more; the server answers what follows', async () => {
    const copies = 10_001;
    const text = JSON.stringify(
      {
        $schema: META,
        nodes: Array.from({ length: copies }, () => node('dup')),
        relationships: [{ 'unique-id': 'r', description: 'r', 'relationship-type': { interacts: { actor: 'dup', nodes: ['dup'] } } }],
      },
      null,
      2,
    );
    const { uri, diagnostics } = await open(text);
    assert.equal(diagnostics.length, 1001);
    assert.ok(diagnostics.slice(0, 1000).every((d) => d.code === 'unique-ids-must-be-unique-in-architecture'));
    assert.deepEqual(diagnostics.slice(0, 3).map((d) => d.message), [1, 2, 3].map((i) => `Duplicate unique-id detected. ID: dup, path: /nodes/${i}/unique-id`));
    assert.equal(diagnostics[1000].message, '9000 more problems are not shown (only the first 1000 are listed).');
    const reference = positionOf(text, '"actor": "dup"', 11);
    const references = await client.connection.sendRequest(ReferencesRequest.type, { ...at(uri, reference), context: { includeDeclaration: true } });
    assert.equal(references?.length, copies + 2);
    const definition = (await client.connection.sendRequest(DefinitionRequest.type, at(uri, reference))) as Location[];
    assert.equal(definition.length, copies);
    assert.ok(hoverText((await client.connection.sendRequest(HoverRequest.type, at(uri, reference)))?.contents).length > 0);
    await client.close(uri);
  });

  test('containment cycles: a diagnostic on the entry that closes each cycle; the model and outline still answer', async () => {
    const text = JSON.stringify(
      {
        $schema: META,
        nodes: [node('a'), node('b'), node('self')],
        relationships: [
          { 'unique-id': 'a-has-b', description: 'x', 'relationship-type': { 'composed-of': { container: 'a', nodes: ['b'] } } },
          { 'unique-id': 'b-in-a', description: 'x', 'relationship-type': { 'deployed-in': { container: 'b', nodes: ['a'] } } },
          { 'unique-id': 'self-in-self', description: 'x', 'relationship-type': { 'deployed-in': { container: 'self', nodes: ['self'] } } },
        ],
      },
      null,
      2,
    );
    const { uri, diagnostics } = await open(text);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.message.split('.')[0], d.range]),
      [
        ['containment-cycle', "Containment cycle: 'a' ⊃ 'b' ⊃ 'a'", rangeOf(text, '"a"', 2)],
        ['containment-cycle', "Containment cycle: 'self' ⊃ 'self'", rangeOf(text, '"self"', 2)],
      ],
    );
    const model = await client.model(uri);
    assert.deepEqual(model?.relationships.map((r) => r.kind), ['composed-of', 'deployed-in', 'deployed-in']);
    const symbols = (await client.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    assert.ok(symbols.length > 0);
    await client.close(uri);
  });

  describe('$schema naming something it cannot use: one diagnostic on the $schema value, and the server goes on', () => {
    const cases: [string, () => string, RegExp][] = [
      ['a missing file', () => '../missing-pattern.json', /could not be loaded: File not found: .*missing-pattern\.json$/],
      ['a folder', () => '../a-folder', /could not be loaded: .*a-folder is a folder, not a JSON file\.$/],
      ['a file outside the workspace', () => '../../outside/pattern.json', /could not be loaded: .*pattern\.json is outside the workspace folders/],
      ['a file outside the workspace, by file URL', () => pathToFileURL(join(base, 'outside', 'pattern.json')).toString(), /is outside the workspace folders/],
      ['a remote URL', () => 'https://patterns.example.com/pattern.json', /is a remote schema and is not fetched \(calm-lens works offline\)/],
      ['a named pipe (reading it would block the server)', () => '../pipe.json', /pipe\.json is not a regular file \(a device, pipe or socket\), so it is not read\.$/],
      ['a device that never ends, outside the workspace', () => '/dev/zero', /\/dev\/zero is outside the workspace folders/],
    ];
    for (const [name, ref, message] of cases) {
      test(name, async () => {
        const schema = ref();
        const text = JSON.stringify({ $schema: schema, nodes: [node('a')], relationships: [{ 'unique-id': 'r', description: 'r', 'relationship-type': { interacts: { actor: 'a', nodes: ['a'] } } }] }, null, 2);
        const { uri, diagnostics } = await open(text);
        assert.deepEqual(diagnostics.map((d) => [d.code, d.range]), [['json-schema', rangeOf(text, JSON.stringify(schema))]]);
        assert.match(diagnostics[0].message, message);
        assert.equal((await client.model(uri))?.nodes.length, 1);
        await client.close(uri);
      });
    }
  });

  test('through all of the above, the server logged no error (no handler threw)', () => {
    assert.deepEqual(client.logs.received.filter((l) => l.type === MessageType.Error).map((l) => l.message.split('\n')[0]), []);
  });
});

// Its own server, and a safety net sized for a busy machine: the 50 MB document is parsed and validated twice.
describe('a 50 MB document through the language server', { timeout: 10 * SUITE_TIMEOUT_MS }, () => {
  let client: LspTestClient;

  before(async () => {
    ({ client } = await LspTestClient.start());
  });
  after(async () => {
    await client.stop();
  });

  function at(uri: string, position: Position) {
    return { textDocument: { uri }, position };
  }

  test('a 50 MB architecture: its two planted problems, then an edit typed into it fixes them', async () => {
    const nodes = 35_000;
    const clean = generateArchitectureText({ nodes });
    assert.ok(clean.length >= 50 * 1024 * 1024);
    const text = clean.replace('"actor": "actor-000"', '"actor": "ghost-actor"');
    const uri = pathToFileURL(join(tmpdir(), 'calm-hostile-50mb.json')).toString();
    const first = client.diagnosticsFor(uri, 1);
    await client.open(uri, text, 'calm');
    const { diagnostics } = await first;
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.range]),
      [
        ['architecture-nodes-must-be-referenced', rangeOf(text, '"actor-000"')],
        ['relationship-references-existing-nodes-in-architecture', rangeOf(text, '"ghost-actor"')],
      ],
    );
    // The last node, far down the file: hover and definition find it.
    const lastNode = `svc-${String(nodes - 2).padStart(String(nodes).length, '0')}`;
    const reference = positionOf(text, `"node": "${lastNode}"`, 12);
    const definition = (await client.connection.sendRequest(DefinitionRequest.type, at(uri, reference))) as Location[];
    assert.deepEqual(definition, [{ uri, range: rangeOf(text, `"${lastNode}"`) }]);
    assert.ok(hoverText((await client.connection.sendRequest(HoverRequest.type, at(uri, reference)))?.contents).startsWith(`**Service ${nodes - 2}** — node (service)`));
    // Typing the right name back: an incremental edit of a few characters, re-validated in full.
    const ghost = positionOf(text, '"ghost-actor"', 1);
    const version = 2;
    const published = client.diagnosticsFor(uri, version);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: ghost, end: { line: ghost.line, character: ghost.character + 'ghost-actor'.length } }, text: 'actor-000' }],
    });
    assert.deepEqual((await published).diagnostics, []);
    await client.close(uri);
  });
});
