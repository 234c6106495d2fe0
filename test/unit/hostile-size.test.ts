/**
 * Documents hostile by their size or shape, through the whole engine: 100,000 levels of nesting, a 50 MB
 * architecture, 10,000 duplicate ids. Each gives exactly the findings it should, and no rule throws.
 * (How fast is the benchmarks' business: nothing here is timed.)
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { countsFor, generateArchitectureText } from '../../bench/generate-architecture';
import { validateText } from '../../server/src/calm/engine';
import { MAX_NESTING_DEPTH } from '../../server/src/calm/syntax';

const META = 'https://calm.finos.org/release/1.1/meta/calm.json';
const DEPTH = 100_000;

function node(id: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { 'unique-id': id, 'node-type': 'service', name: id, description: id, ...extra };
}

/** A valid architecture whose one node carries `metadata` given as raw JSON text. */
function withMetadata(metadataJson: string): string {
  const interacts = { 'unique-id': 'r', description: 'r', 'relationship-type': { interacts: { actor: 'a', nodes: ['a'] } } };
  return `{"$schema": "${META}", "nodes": [{"unique-id": "a", "node-type": "service", "name": "a", "description": "a", "metadata": ${metadataJson}}], "relationships": [${JSON.stringify(interacts)}]}`;
}

function codesAndMessages(text: string): [string, string][] {
  const result = validateText(text);
  assert.deepEqual(result.ruleFailures, []);
  return result.findings.map((f) => [f.code, f.message]);
}

describe('hostile documents: size and shape', () => {
  test('100,000 levels of nesting (arrays, objects, mixed): one syntax finding at the first bracket too deep', () => {
    const tooDeep = `Nesting deeper than ${MAX_NESTING_DEPTH} levels: the document is not checked further.`;
    const shapes = {
      arrays: withMetadata(`${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}`),
      objects: withMetadata(`${'{"k":'.repeat(DEPTH)}1${'}'.repeat(DEPTH)}`),
      mixed: withMetadata(`${'[{"k":'.repeat(DEPTH / 2)}1${'}]'.repeat(DEPTH / 2)}`),
      unclosed: withMetadata('['.repeat(DEPTH)),
    };
    for (const [shape, text] of Object.entries(shapes)) {
      const result = validateText(text);
      assert.deepEqual(result.ruleFailures, [], shape);
      assert.deepEqual(result.findings.map((f) => [f.code, f.message]), [['json-syntax', tooDeep]], shape);
      // The document's own `{`, the nodes `[`, the node's `{`, then the metadata's brackets up to the limit.
      const metadataStart = text.indexOf('"metadata": ') + '"metadata": '.length;
      let depth = 3;
      let offset = metadataStart;
      for (; offset < text.length; offset++) if ((text[offset] === '[' || text[offset] === '{') && ++depth > MAX_NESTING_DEPTH) break;
      assert.equal(result.findings[0].range.start, offset, shape);
    }
  });

  test('nesting up to the limit is checked in full, one level more is refused; brackets inside strings are not nesting', () => {
    // Three levels around the metadata (the document, `nodes`, the node): MAX - 3 objects inside reach the limit exactly.
    const nested = (levels: number) => withMetadata(`${'{"k":'.repeat(levels)}1${'}'.repeat(levels)}`);
    assert.deepEqual(codesAndMessages(nested(MAX_NESTING_DEPTH - 4)), []);
    assert.deepEqual(codesAndMessages(nested(MAX_NESTING_DEPTH - 3)), []);
    assert.deepEqual(codesAndMessages(nested(MAX_NESTING_DEPTH - 2)), [['json-syntax', `Nesting deeper than ${MAX_NESTING_DEPTH} levels: the document is not checked further.`]]);
    assert.deepEqual(codesAndMessages(withMetadata(JSON.stringify({ text: '['.repeat(DEPTH) + '{'.repeat(DEPTH) }))), []);
  });

  test('a 50 MB architecture: exactly the two problems planted in it are found', () => {
    const nodes = 35_000;
    const clean = generateArchitectureText({ nodes });
    assert.ok(clean.length >= 50 * 1024 * 1024, `${(clean.length / 1024 / 1024).toFixed(1)} MB`);
    // The first actor's relationship names an actor that does not exist: it is dangling, the real actor unreferenced.
    const text = clean.replace('"actor": "actor-000"', '"actor": "ghost-actor"');
    assert.notEqual(text, clean);
    const result = validateText(text);
    assert.deepEqual(result.ruleFailures, []);
    assert.deepEqual(
      result.findings.map((f) => [f.code, f.path, f.message]),
      [
        ['architecture-nodes-must-be-referenced', '/nodes/actor-000/unique-id', "Node with ID 'actor-000' is not referenced by any relationships."],
        ['relationship-references-existing-nodes-in-architecture', '/relationships/actor-000-uses/relationship-type/interacts/actor', "'ghost-actor' does not refer to the unique-id of an existing node."],
      ],
    );
    const counts = countsFor({ nodes });
    assert.equal(result.doc.model.nodes.length, counts.nodes + counts.actors);
    assert.equal(result.doc.model.relationships.length, counts.connects + counts.interacts);
  });

  test('10,000 duplicates of one id: 10,000 findings, each naming its own path', () => {
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
    const result = validateText(text);
    assert.deepEqual(result.ruleFailures, []);
    assert.equal(result.findings.length, copies - 1);
    assert.ok(result.findings.every((f) => f.code === 'unique-ids-must-be-unique-in-architecture' && f.path === '/'));
    assert.deepEqual(
      result.findings.map((f) => f.message),
      Array.from({ length: copies - 1 }, (_, i) => `Duplicate unique-id detected. ID: dup, path: /nodes/${i + 1}/unique-id`),
    );
    assert.ok(result.findings.every((f) => text.slice(f.range.start, f.range.end) === '"dup"'));
  });

  test('10,000 ids each defined twice (a node and a relationship): 10,000 findings, one per repeated id', () => {
    const n = 10_000;
    const ids = Array.from({ length: n }, (_, i) => `id-${i}`);
    const text = JSON.stringify({
      $schema: META,
      nodes: ids.map((id) => node(id)),
      relationships: ids.map((id) => ({ 'unique-id': id, description: id, 'relationship-type': { interacts: { actor: id, nodes: [id] } } })),
    });
    const result = validateText(text);
    assert.deepEqual(result.ruleFailures, []);
    assert.deepEqual(
      result.findings.map((f) => f.message),
      ids.map((id, i) => `Duplicate unique-id detected. ID: ${id}, path: /relationships/${i}/unique-id`),
    );
  });
});
