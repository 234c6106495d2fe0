/** Definition, references, highlights and rename of unique-ids, on the e-commerce example. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DocumentHighlightKind } from 'vscode-languageserver-types';
import { definition } from '../../server/src/features/definition';
import { documentHighlights } from '../../server/src/features/highlight';
import { references } from '../../server/src/features/references';
import { prepareRename, rename } from '../../server/src/features/rename';
import { applyTextEdits, editsFor, EXAMPLE_TEXT, positionOf, rangeOf, URI, validate } from './features-support';

const result = validate(EXAMPLE_TEXT);

/** Every range of `"id"` in the example, in document order. */
function allRanges(quotedId: string) {
  const out = [];
  for (let i = 0; ; i++) {
    try {
      out.push(rangeOf(EXAMPLE_TEXT, quotedId, i));
    } catch {
      return out;
    }
  }
}

describe('definition', () => {
  test('from a node reference to the node unique-id', () => {
    assert.deepEqual(definition(result, URI, positionOf(EXAMPLE_TEXT, '"node": "order-service"', 12)), [{ uri: URI, range: rangeOf(EXAMPLE_TEXT, '"order-service"') }]);
  });

  test('from an interface reference to the interface unique-id', () => {
    assert.deepEqual(definition(result, URI, positionOf(EXAMPLE_TEXT, '"order-db-jdbc"', 2, 1)), [{ uri: URI, range: rangeOf(EXAMPLE_TEXT, '"order-db-jdbc"') }]);
  });

  test('from a definition to itself, and nothing from a dangling reference or a plain value', () => {
    assert.deepEqual(definition(result, URI, positionOf(EXAMPLE_TEXT, '"customer"', 1)), [{ uri: URI, range: rangeOf(EXAMPLE_TEXT, '"customer"') }]);
    const dangling = EXAMPLE_TEXT.replace('"actor": "customer"', '"actor": "ghost"');
    assert.deepEqual(definition(validate(dangling), URI, positionOf(dangling, '"ghost"', 1)), []);
    assert.deepEqual(definition(result, URI, positionOf(EXAMPLE_TEXT, '"HTTPS"', 1)), []);
  });

  test('a duplicated id has both definitions', () => {
    const dup = EXAMPLE_TEXT.replace('"unique-id": "admin"', '"unique-id": "customer"');
    const defs = definition(validate(dup), URI, positionOf(dup, '"actor": "customer"', 11));
    assert.deepEqual(
      defs.map((d) => d.range),
      [rangeOf(dup, '"customer"'), rangeOf(dup, '"customer"', 1)],
    );
  });
});

describe('references and highlights', () => {
  test('every reference of a node, with or without its definition', () => {
    const all = allRanges('"api-gateway"');
    assert.equal(all.length, 6);
    const withDecl = references(result, URI, positionOf(EXAMPLE_TEXT, '"api-gateway"', 3), true);
    assert.deepEqual(withDecl.map((l) => l.range), all);
    const without = references(result, URI, positionOf(EXAMPLE_TEXT, '"api-gateway"', 3, 4), false);
    assert.deepEqual(without.map((l) => l.range), all.slice(1));
    assert.ok(without.every((l) => l.uri === URI));
  });

  test('references of a relationship include the flow transitions naming it', () => {
    const text = EXAMPLE_TEXT.replace(
      /\n}\s*$/,
      ',\n  "flows": [\n    {\n      "unique-id": "f",\n      "name": "F",\n      "description": "d",\n      "transitions": [\n        { "relationship-unique-id": "gateway-to-orders", "sequence-number": 1, "description": "t" }\n      ]\n    }\n  ]\n}\n',
    );
    const refs = references(validate(text), URI, positionOf(text, '"gateway-to-orders"', 2), true);
    assert.deepEqual(refs.map((r) => r.range), [rangeOf(text, '"gateway-to-orders"'), rangeOf(text, '"gateway-to-orders"', 1)]);
  });

  test('highlights: the definition as a write, references as reads', () => {
    const highlights = documentHighlights(result, positionOf(EXAMPLE_TEXT, '"order-api"', 2, 2));
    const ranges = allRanges('"order-api"');
    assert.deepEqual(
      highlights,
      ranges.map((range, i) => ({ range, kind: i === 0 ? DocumentHighlightKind.Write : DocumentHighlightKind.Read })),
    );
  });
});

describe('rename', () => {
  test('prepareRename: the id string and its current text; a refusal elsewhere', () => {
    assert.deepEqual(prepareRename(result, positionOf(EXAMPLE_TEXT, '"actor": "admin"', 11)), { ok: true, range: rangeOf(EXAMPLE_TEXT, '"admin"', 1), placeholder: 'admin' });
    const refused = prepareRename(result, positionOf(EXAMPLE_TEXT, '"description"', 3));
    assert.equal(refused.ok, false);
    assert.match(refused.ok ? '' : refused.message, /Only a unique-id/);
  });

  test('renaming a node updates its definition and every reference, as one versioned edit, and the result validates clean', () => {
    const outcome = rename(result, URI, 7, positionOf(EXAMPLE_TEXT, '"node": "order-service"', 12), 'orders');
    assert.ok(outcome.ok);
    const [change] = outcome.edit.documentChanges ?? [];
    assert.ok(change && 'textDocument' in change);
    assert.deepEqual(change.textDocument, { uri: URI, version: 7 });
    const edits = editsFor(outcome.edit, URI);
    assert.deepEqual(
      edits.map((e) => e.range),
      allRanges('"order-service"'),
    );
    assert.ok(edits.every((e) => e.newText === '"orders"'));
    const renamed = applyTextEdits(EXAMPLE_TEXT, edits);
    assert.equal(renamed, EXAMPLE_TEXT.split('"order-service"').join('"orders"'));
    assert.deepEqual(validate(renamed).findings, []);
  });

  test('renaming an interface touches only interface occurrences; names needing escapes are written as JSON', () => {
    const outcome = rename(result, URI, null, positionOf(EXAMPLE_TEXT, '"payment-api"', 2), 'pay "v2"');
    assert.ok(outcome.ok);
    const renamed = applyTextEdits(EXAMPLE_TEXT, editsFor(outcome.edit, URI));
    const value = JSON.parse(renamed) as { nodes: { interfaces?: { 'unique-id': string }[] }[] };
    assert.equal(value.nodes[5].interfaces?.[0]['unique-id'], 'pay "v2"');
    assert.deepEqual(validate(renamed).findings, []);
  });

  test('refusals: an id that exists (of any kind), an empty or blank id, surrounding whitespace, control characters', () => {
    const at = positionOf(EXAMPLE_TEXT, '"unique-id": "admin"', 15);
    const message = (name: string) => {
      const outcome = rename(result, URI, 1, at, name);
      assert.equal(outcome.ok, false, name);
      return outcome.ok ? '' : outcome.message;
    };
    assert.equal(message('customer'), "Cannot rename 'admin' to 'customer': a node already has the unique-id 'customer'.");
    assert.equal(message('order-api'), "Cannot rename 'admin' to 'order-api': an interface already has the unique-id 'order-api'.");
    assert.equal(message('gateway-to-orders'), "Cannot rename 'admin' to 'gateway-to-orders': a relationship already has the unique-id 'gateway-to-orders'.");
    assert.equal(message(''), "Cannot rename 'admin' to '': A unique-id must be a non-empty string.");
    assert.equal(message('   '), "Cannot rename 'admin' to '   ': A unique-id must be a non-empty string.");
    assert.equal(message(' admin2'), "Cannot rename 'admin' to ' admin2': A unique-id must not start or end with whitespace.");
    assert.equal(message('a\tb'), "Cannot rename 'admin' to 'a\tb': A unique-id must not contain control characters.");
  });

  test('renaming to the same id changes nothing', () => {
    const outcome = rename(result, URI, 1, positionOf(EXAMPLE_TEXT, '"unique-id": "admin"', 15), 'admin');
    assert.ok(outcome.ok);
    assert.deepEqual(editsFor(outcome.edit, URI), []);
  });
});
