/**
 * Hostile unique-ids through the whole engine: names of Object.prototype members, ids that are not
 * strings, empty ids, 100 KB ids, Unicode and right-to-left text, pointer metacharacters. Each gives the
 * findings the reference's rules give, at the right paths and on the right text, and no rule throws.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { validateText } from '../../server/src/calm/engine';
import { flattenFindings } from '../../server/src/calm/findings';
import { buildIndex } from '../../server/src/calm/model-index';
import { parseCalm } from '../../server/src/calm/parse';

const META = 'https://calm.finos.org/release/1.1/meta/calm.json';

interface Ids {
  readonly node: unknown;
  readonly other?: unknown;
  readonly iface?: unknown;
  readonly relationship?: unknown;
  readonly flow?: unknown;
}

/**
 * Two nodes (the first with an interface), a connects from the first to the second, a composed-of holding
 * the first, a flow through the connects. `refs` replace what the references name (default: the ids).
 */
function architecture(ids: Ids, refs: Partial<Ids> = {}): string {
  const { node, other = 'other', iface = 'iface', relationship = 'rel', flow = 'flow' } = ids;
  const r = { node, iface, relationship, ...refs };
  return JSON.stringify(
    {
      $schema: META,
      nodes: [
        { 'unique-id': node, 'node-type': 'service', name: 'A', description: 'a', interfaces: [{ 'unique-id': iface, host: 'h', port: 1 }] },
        { 'unique-id': other, 'node-type': 'database', name: 'B', description: 'b' },
      ],
      relationships: [
        { 'unique-id': relationship, description: 'r', 'relationship-type': { connects: { source: { node: r.node, interfaces: [r.iface] }, destination: { node: other } } } },
        { 'unique-id': 'sys', description: 's', 'relationship-type': { 'composed-of': { container: other, nodes: [r.node] } } },
      ],
      flows: [{ 'unique-id': flow, name: 'F', description: 'f', transitions: [{ 'relationship-unique-id': r.relationship, 'sequence-number': 1, description: 't' }] }],
    },
    null,
    2,
  );
}

/** Two nodes and an interacts from the second to the first (by `ref`). */
function small(id: unknown, ref: unknown = id): string {
  return JSON.stringify(
    {
      $schema: META,
      nodes: [
        { 'unique-id': id, 'node-type': 'service', name: 'A', description: 'a' },
        { 'unique-id': 'b', 'node-type': 'actor', name: 'B', description: 'b' },
      ],
      relationships: [{ 'unique-id': 'r', description: 'r', 'relationship-type': { interacts: { actor: 'b', nodes: [ref] } } }],
    },
    null,
    2,
  );
}

/** [code, path, message] of every finding (summaries flattened); asserts that no rule threw. */
function findings(text: string): [string, string, string][] {
  const result = validateText(text);
  assert.deepEqual(result.ruleFailures, []);
  return flattenFindings(result.findings).map((f) => [f.code, f.path, f.message]);
}

/** The text each finding underlines. */
function underlined(text: string): string[] {
  return validateText(text).findings.map((f) => text.slice(f.range.start, f.range.end));
}

const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString'];

describe('hostile ids', () => {
  test('Object.prototype member names as ids: a clean document stays clean', () => {
    assert.deepEqual(findings(architecture({ node: '__proto__', other: 'constructor', iface: 'toString', relationship: 'hasOwnProperty', flow: 'valueOf' })), []);
    const doc = parseCalm(architecture({ node: '__proto__', other: 'constructor', iface: 'toString', relationship: 'hasOwnProperty', flow: 'valueOf' }));
    const index = buildIndex(doc);
    assert.deepEqual(index.nodesById.get('__proto__')?.map((n) => n.path), ['/nodes/__proto__']);
    assert.deepEqual(index.interfacesById.get('toString')?.map((i) => i.path), ['/nodes/__proto__/interfaces/toString']);
    assert.deepEqual(index.referencesById.get('__proto__')?.map((r) => r.role), ['connects.source.node', 'composed-of.nodes']);
    assert.equal(index.nodesById.get('isPrototypeOf'), undefined);
  });

  test('Object.prototype member names as dangling references: reported, never found on the prototype', () => {
    assert.deepEqual(
      findings(architecture({ node: '__proto__', other: 'constructor', iface: 'toString', relationship: 'hasOwnProperty', flow: 'valueOf' }, { node: 'isPrototypeOf', iface: 'propertyIsEnumerable', relationship: 'toLocaleString' })),
      [
        ['architecture-nodes-must-be-referenced', '/nodes/__proto__/unique-id', "Node with ID '__proto__' is not referenced by any relationships."],
        ['connects-relationship-references-existing-nodes-in-architecture', '/relationships/hasOwnProperty/relationship-type/connects/source/node', "'isPrototypeOf' does not refer to the unique-id of an existing node."],
        ['referenced-interfaces-defined-in-architecture', '/relationships/hasOwnProperty/relationship-type/connects/source/interfaces/0', "'propertyIsEnumerable' does not refer to the unique-id of an existing interface."],
        ['composition-relationships-reference-existing-nodes-in-architecture', '/relationships/sys/relationship-type/composed-of/nodes/0', "'isPrototypeOf' does not refer to the unique-id of an existing node."],
        ['flow-transitions-references-existing-relationship-in-architecture', '/flows/valueOf/transitions/0/relationship-unique-id', "'toLocaleString' does not refer to the unique-id of an existing relationship."],
      ],
    );
  });

  test('Object.prototype member names duplicated: one duplicate finding each', () => {
    for (const name of PROTOTYPE_NAMES) {
      const text = architecture({ node: name, other: name });
      const duplicates = findings(text).filter(([code]) => code === 'unique-ids-must-be-unique-in-architecture');
      assert.deepEqual(duplicates, [['unique-ids-must-be-unique-in-architecture', '/', `Duplicate unique-id detected. ID: ${name}, path: /nodes/1/unique-id`]], name);
    }
  });

  test("Object.prototype member names as a control's requirement-url: no bundled schema is found, nothing throws", () => {
    for (const url of [...PROTOTYPE_NAMES, 'htt[ps://not-a-uri', '%']) {
      const text = JSON.stringify({
        $schema: META,
        nodes: [{ 'unique-id': 'a', 'node-type': 'service', name: 'a', description: 'a', controls: { c: { description: 'd', requirements: [{ 'requirement-url': url, config: { x: 1 } }] } } }],
        relationships: [{ 'unique-id': 'r', description: 'r', 'relationship-type': { interacts: { actor: 'a', nodes: ['a'] } } }],
      });
      assert.deepEqual(findings(text), [], url);
    }
  });

  test('ids that are not strings: "must be string" where they stand, and the reference rules judge them as JavaScript does', () => {
    const mustBeString = (path: string): [string, string, string] => ['json-schema', path, 'must be string'];
    const NODE = '/nodes/0/unique-id';
    const REF = '/relationships/r/relationship-type/interacts/nodes/0';
    const unreferenced = (shown: string): [string, string, string] => ['architecture-nodes-must-be-referenced', NODE, `Node with ID '${shown}' is not referenced by any relationships.`];
    const dangling = (shown: string): [string, string, string] => ['composition-relationships-reference-existing-nodes-in-architecture', REF, `'${shown}' does not refer to the unique-id of an existing node.`];
    // Numbers, booleans and null equal themselves, so the reference resolves; objects and arrays never do.
    assert.deepEqual(findings(small(42)), [mustBeString(NODE), unreferenced('42'), mustBeString(REF)]);
    assert.deepEqual(findings(small(true)), [mustBeString(NODE), unreferenced('true'), mustBeString(REF)]);
    assert.deepEqual(findings(small(null)), [mustBeString(NODE), unreferenced('null'), mustBeString(REF)]);
    assert.deepEqual(findings(small({})), [unreferenced('[object Object]'), mustBeString(NODE), mustBeString(REF), dangling('[object Object]')]);
    assert.deepEqual(findings(small([])), [unreferenced(''), mustBeString(NODE), mustBeString(REF), dangling('')]);
    // An object with its own toString/valueOf cannot be turned into text by JavaScript: shown as the plain object.
    // (Spread over lines, its findings start at its bracket: the schema's first, in document order.)
    assert.deepEqual(findings(small({ toString: 'x', valueOf: 1 })), [mustBeString(NODE), unreferenced('[object Object]'), mustBeString(REF), dangling('[object Object]')]);
  });

  test('empty ids: "must be set to a nonempty value" on each, and empty ids count as duplicates of each other', () => {
    const text = architecture({ node: '', iface: '', relationship: '' });
    assert.deepEqual(findings(text), [
      ['architecture-has-no-empty-string-properties', '/nodes//unique-id', 'All properties must be set to a nonempty value.'],
      ['architecture-has-no-empty-string-properties', '/nodes//interfaces//unique-id', 'All properties must be set to a nonempty value.'],
      ['unique-ids-must-be-unique-in-architecture', '/', 'Duplicate unique-id detected. ID: , path: /nodes/0/interfaces/0/unique-id'],
      ['architecture-has-no-empty-string-properties', '/relationships//unique-id', 'All properties must be set to a nonempty value.'],
      ['unique-ids-must-be-unique-in-architecture', '/', 'Duplicate unique-id detected. ID: , path: /relationships/0/unique-id'],
      ['referenced-interfaces-defined-on-correct-node-in-architecture', '/relationships//relationship-type/connects/source', 'Invalid connects relationship - no node defined.'],
      ['architecture-has-no-empty-string-properties', '/relationships//relationship-type/connects/source/node', 'All properties must be set to a nonempty value.'],
      ['architecture-has-no-empty-string-properties', '/relationships//relationship-type/connects/source/interfaces/0', 'All properties must be set to a nonempty value.'],
      ['architecture-has-no-empty-string-properties', '/relationships/sys/relationship-type/composed-of/nodes/0', 'All properties must be set to a nonempty value.'],
      ['architecture-has-no-empty-string-properties', '/flows/flow/transitions/0/relationship-unique-id', 'All properties must be set to a nonempty value.'],
    ]);
  });

  test('a 100 KB id: resolves like any other; dangling, it is named in full at the right path', () => {
    const long = 'n'.repeat(100_000);
    assert.deepEqual(findings(architecture({ node: long })), []);
    const text = architecture({ node: long }, { node: `${long}x` });
    const found = findings(text);
    assert.deepEqual(
      found.map(([code, path]) => [code, path]),
      [
        ['architecture-nodes-must-be-referenced', `/nodes/${long}/unique-id`],
        ['connects-relationship-references-existing-nodes-in-architecture', '/relationships/rel/relationship-type/connects/source/node'],
        ['composition-relationships-reference-existing-nodes-in-architecture', '/relationships/sys/relationship-type/composed-of/nodes/0'],
      ],
    );
    assert.equal(found[1][2], `'${long}x' does not refer to the unique-id of an existing node.`);
    assert.deepEqual(underlined(text), [`"${long}"`, `"${long}x"`, `"${long}x"`]);
  });

  test('Unicode, right-to-left and invisible characters: exact paths, and the underline is exactly the id', () => {
    const ids = { node: 'サービス', other: 'שרת-ראשי', iface: '\u202Eevil\u202C', relationship: '😀-rel', flow: 'e\u0301\u200d' };
    assert.deepEqual(findings(architecture(ids)), []);
    const text = architecture(ids, { node: 'שרת', iface: 'i😀', relationship: 'r\u202E' });
    assert.deepEqual(findings(text), [
      ['architecture-nodes-must-be-referenced', '/nodes/サービス/unique-id', "Node with ID 'サービス' is not referenced by any relationships."],
      ['connects-relationship-references-existing-nodes-in-architecture', '/relationships/😀-rel/relationship-type/connects/source/node', "'שרת' does not refer to the unique-id of an existing node."],
      ['referenced-interfaces-defined-in-architecture', '/relationships/😀-rel/relationship-type/connects/source/interfaces/0', "'i😀' does not refer to the unique-id of an existing interface."],
      ['composition-relationships-reference-existing-nodes-in-architecture', '/relationships/sys/relationship-type/composed-of/nodes/0', "'שרת' does not refer to the unique-id of an existing node."],
      ['flow-transitions-references-existing-relationship-in-architecture', '/flows/e\u0301\u200d/transitions/0/relationship-unique-id', "'r\u202E' does not refer to the unique-id of an existing relationship."],
    ]);
    assert.deepEqual(underlined(text), ['"サービス"', '"שרת"', '"i😀"', '"שרת"', '"r\u202E"']);
  });

  test('ids with "/" and "~": escaped in paths as JSON pointers require', () => {
    const text = architecture({ node: 'a/b', other: '~0', iface: 'c~1d', relationship: 'e/f~' }, { node: 'missing/~' });
    assert.deepEqual(
      findings(text).map(([code, path]) => [code, path]),
      [
        ['architecture-nodes-must-be-referenced', '/nodes/a~1b/unique-id'],
        ['connects-relationship-references-existing-nodes-in-architecture', '/relationships/e~1f~0/relationship-type/connects/source/node'],
        ['composition-relationships-reference-existing-nodes-in-architecture', '/relationships/sys/relationship-type/composed-of/nodes/0'],
      ],
    );
  });
});
