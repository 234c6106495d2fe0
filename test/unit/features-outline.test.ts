/** Outline, folding, smart select, formatting, code lenses and workspace symbols. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import { codeLenses, resolveCodeLens } from '../../server/src/features/code-lens';
import { documentSymbols } from '../../server/src/features/document-symbols';
import { foldingRanges } from '../../server/src/features/folding';
import { formatDocument } from '../../server/src/features/formatting';
import { selectionRanges } from '../../server/src/features/selection-ranges';
import { fuzzyMatches, workspaceSymbols } from '../../server/src/features/workspace-symbols';
import { applyTextEdits, EXAMPLE_TEXT, positionOf, rangeOf, URI, validate } from './features-support';

const result = validate(EXAMPLE_TEXT);

function tree(symbols: readonly DocumentSymbol[] | undefined, depth = 0): string[] {
  return (symbols ?? []).flatMap((s) => [`${'  '.repeat(depth)}${s.name}${s.detail ? ` (${s.detail})` : ''}`, ...tree(s.children, depth + 1)]);
}

function contains(outer: DocumentSymbol['range'], inner: DocumentSymbol['range']): boolean {
  const before = (a: DocumentSymbol['range']['start'], b: DocumentSymbol['range']['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

describe('document symbols', () => {
  test('nodes by type with their interfaces, relationships with their ends, and plain JSON for the rest', () => {
    const symbols = documentSymbols(result);
    const lines = tree(symbols);
    assert.deepEqual(lines.slice(lines.indexOf('nodes (9)'), lines.indexOf('nodes (9)') + 8), [
      'nodes (9)',
      '  actor (2)',
      '    Customer (customer)',
      '    Admin (admin)',
      '  service (4)',
      '    API Gateway (api-gateway)',
      '      gateway-https (HTTPS)',
      '    Order Service (order-service)',
    ]);
    assert.ok(lines.includes('  system (1)'));
    assert.ok(lines.includes('  gateway-to-orders (connects: api-gateway → order-service)'));
    assert.ok(lines.includes('relationships (8)'));
    assert.equal(lines[0], '$schema (https://calm.finos.org/release/1.1/meta/calm.json)');
    assert.ok(lines.includes('  tags'));
    const nodes = symbols.find((s) => s.name === 'nodes');
    assert.equal(nodes?.children?.[0].children?.[0].kind, SymbolKind.Constructor, 'actors look like people');
    assert.deepEqual(nodes?.children?.[1].children?.[0].selectionRange, rangeOf(EXAMPLE_TEXT, '"api-gateway"'));
  });

  test('every symbol lies within its parent, and its selection within itself (breadcrumbs depend on it)', () => {
    const check = (symbols: readonly DocumentSymbol[] | undefined, parent?: DocumentSymbol) => {
      for (const s of symbols ?? []) {
        assert.ok(contains(s.range, s.selectionRange), `${s.name}: selection inside range`);
        if (parent) assert.ok(contains(parent.range, s.range), `${s.name} inside ${parent.name}`);
        check(s.children, s);
      }
    };
    check(documentSymbols(result));
  });

  test('interleaved node types are listed without type groups, so no group overlaps another', () => {
    const value = JSON.parse(EXAMPLE_TEXT) as { nodes: unknown[] };
    value.nodes.push({ 'unique-id': 'late-actor', 'node-type': 'actor', name: 'Late', description: 'x' });
    const symbols = documentSymbols(validate(JSON.stringify(value, null, 2)));
    const nodes = symbols.find((s) => s.name === 'nodes');
    assert.equal(nodes?.children?.length, 10);
    assert.equal(nodes?.children?.[0].detail, 'customer · actor');
  });

  test('flows list their transitions; controls are listed under their owner', () => {
    const value = JSON.parse(EXAMPLE_TEXT) as Record<string, unknown> & { nodes: Record<string, unknown>[] };
    value.nodes[2].controls = { security: { description: 'TLS everywhere', requirements: [{ 'requirement-url': 'https://example.com/r.json', config: {} }] } };
    value.flows = [{ 'unique-id': 'f', name: 'Checkout', description: 'd', transitions: [{ 'relationship-unique-id': 'gateway-to-orders', 'sequence-number': 1, description: 'forward' }] }];
    const lines = tree(documentSymbols(validate(JSON.stringify(value, null, 2))));
    assert.ok(lines.includes('      security (TLS everywhere)'), lines.join('\n'));
    assert.deepEqual(lines.slice(lines.indexOf('flows (1)'), lines.indexOf('flows (1)') + 3), ['flows (1)', '  Checkout (f)', '    1. gateway-to-orders (forward)']);
  });

  test('a pattern (not an architecture) keeps the plain JSON outline', () => {
    const pattern = '{\n  "$schema": "https://calm.finos.org/release/1.1/meta/calm.json",\n  "type": "object",\n  "properties": {\n    "nodes": { "type": "array" }\n  }\n}';
    assert.deepEqual(tree(documentSymbols(validate(pattern))), ['$schema (https://calm.finos.org/release/1.1/meta/calm.json)', 'type (object)', 'properties', '  nodes', '    type (array)']);
  });
});

describe('folding and smart select', () => {
  test('every multi-line object and array folds, its closing bracket left visible', () => {
    const ranges = foldingRanges(result);
    assert.deepEqual(ranges[0], { startLine: 0, endLine: EXAMPLE_TEXT.trimEnd().split('\n').length - 2 });
    assert.ok(ranges.some((r) => r.startLine === 2 && r.endLine === 12), 'metadata');
    assert.equal(foldingRanges(result, 3).length, 3, 'the client limit is respected');
    assert.deepEqual(foldingRanges(result, 3).map((r) => r.startLine), [0, 2, 14], 'outermost first');
  });

  test('smart select grows from the id text to the string, the property, the node, the nodes array...', () => {
    const [chain] = selectionRanges(result, [positionOf(EXAMPLE_TEXT, '"api-gateway"', 4)]);
    const ranges = [];
    for (let s: typeof chain | undefined = chain; s; s = s.parent) ranges.push(s.range);
    assert.deepEqual(ranges[0], rangeOf(EXAMPLE_TEXT, 'api-gateway'));
    assert.deepEqual(ranges[1], rangeOf(EXAMPLE_TEXT, '"api-gateway"'));
    assert.deepEqual(ranges[2], rangeOf(EXAMPLE_TEXT, '"unique-id": "api-gateway"'));
    assert.equal(ranges[ranges.length - 1].start.line, 0);
  });
});

describe('formatting', () => {
  const squashed = JSON.stringify(JSON.parse(EXAMPLE_TEXT));

  test('respects tab size and spaces, and changes nothing but whitespace', () => {
    const four = applyTextEdits(squashed, formatDocument(validate(squashed), { tabSize: 4, insertSpaces: true }));
    assert.equal(four, JSON.stringify(JSON.parse(EXAMPLE_TEXT), null, 4));
    const tabs = applyTextEdits(squashed, formatDocument(validate(squashed), { tabSize: 4, insertSpaces: false }));
    assert.equal(tabs, JSON.stringify(JSON.parse(EXAMPLE_TEXT), null, '\t'));
  });

  test('the example, already formatted with two spaces, needs no edit', () => {
    assert.deepEqual(formatDocument(result, { tabSize: 2, insertSpaces: true }), []);
  });

  test('a broken document is reformatted without losing a character of its tokens', () => {
    const broken = squashed.slice(0, 900);
    const formatted = applyTextEdits(broken, formatDocument(validate(broken), { tabSize: 2, insertSpaces: true, insertFinalNewline: true }));
    const tokens = (s: string) => s.replace(/"(?:[^"\\]|\\.)*"|\s+/g, (m) => (m.startsWith('"') ? m : ''));
    assert.equal(tokens(formatted), tokens(broken));
    assert.ok(formatted.endsWith('\n'));
  });

  test('range formatting touches only the range', () => {
    const text = EXAMPLE_TEXT.replace('"unique-id": "customer",\n      "node-type": "actor"', '"unique-id":"customer",   "node-type":"actor"');
    const edits = formatDocument(validate(text), { tabSize: 2, insertSpaces: true }, rangeOf(text, '"unique-id":"customer",   "node-type":"actor"'));
    assert.equal(applyTextEdits(text, edits), EXAMPLE_TEXT);
  });
});

describe('code lenses', () => {
  test('"Show in diagram" and a references count above every node', () => {
    const lenses = codeLenses(result, URI);
    assert.equal(lenses.length, 18);
    const [diagram, refs] = lenses.slice(4, 6);
    assert.deepEqual(diagram.command, { title: 'Show in diagram', command: 'calm.showInDiagram', arguments: ['api-gateway', URI] });
    assert.equal(diagram.range.start.line, positionOf(EXAMPLE_TEXT, '"unique-id": "api-gateway"').line - 1, 'above the node: on its opening brace');
    assert.equal(refs.command, undefined, 'counts are resolved lazily');
    const resolved = resolveCodeLens(result, refs);
    assert.equal(resolved.command?.title, '5 references');
    assert.equal(resolved.command?.command, 'calm.showReferences');
    const [uri, position, locations] = resolved.command?.arguments ?? [];
    assert.equal(uri, URI);
    assert.deepEqual(position, rangeOf(EXAMPLE_TEXT, '"api-gateway"').start);
    assert.equal((locations as unknown[]).length, 5);
  });

  test('a node nobody references: "0 references", not clickable', () => {
    const value = JSON.parse(EXAMPLE_TEXT) as { nodes: unknown[] };
    value.nodes.push({ 'unique-id': 'lonely', 'node-type': 'service', name: 'Lonely', description: 'x' });
    const r = validate(JSON.stringify(value, null, 2));
    const lenses = codeLenses(r, URI);
    assert.deepEqual(resolveCodeLens(r, lenses[lenses.length - 1]).command, { title: '0 references', command: '' });
  });
});

describe('workspace symbols', () => {
  test('nodes, interfaces, relationships and flows matched by name or id, fuzzily', () => {
    const symbols = workspaceSymbols([{ uri: URI, analysis: result }], 'ordsvc');
    assert.deepEqual(symbols.map((s) => s.name), ['Order Service']);
    assert.deepEqual(symbols[0].location, { uri: URI, range: rangeOf(EXAMPLE_TEXT, '"order-service"') });
    assert.equal(symbols[0].containerName, 'service');
    const all = workspaceSymbols([{ uri: URI, analysis: result }], '');
    assert.equal(all.length, 9 + 6 + 8);
    assert.ok(fuzzyMatches('GWH', 'gateway-https'));
    assert.ok(!fuzzyMatches('xyz', 'gateway-https'));
  });
});
