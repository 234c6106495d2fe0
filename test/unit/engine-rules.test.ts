import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, test } from 'node:test';
import { validateText } from '../../server/src/calm/engine';
import { architectureNodesMustBeReferenced } from '../../server/src/calm/rules/architecture-nodes-must-be-referenced';
import { patternNodesMustBeReferenced } from '../../server/src/calm/rules/pattern-nodes-must-be-referenced';
import type { Rule } from '../../server/src/calm/rules/rule';

const EXAMPLE = resolve(__dirname, '../../examples/ecommerce-platform.json');

const throwing: Rule = {
  code: 'always-throws',
  severity: 'error',
  kinds: ['architecture'],
  check() {
    throw new Error('boom');
  },
};

const lonelyNodes = JSON.stringify({ nodes: [{ 'unique-id': 'b' }, { 'unique-id': 'a' }], relationships: [] }, null, 2);

describe('the engine running the rules', () => {
  test('the example architecture has no finding at all', () => {
    const result = validateText(readFileSync(EXAMPLE, 'utf8'));
    assert.deepEqual(result.findings, []);
    assert.deepEqual(result.ruleFailures, []);
  });

  test('a rule that throws is a logged failure; the other rules still report', () => {
    const result = validateText(lonelyNodes, { rules: [throwing, architectureNodesMustBeReferenced] });
    assert.deepEqual(result.ruleFailures.map((f) => f.code), ['always-throws']);
    assert.deepEqual(result.findings.filter((f) => f.source === 'rule').map((f) => f.path), ['/nodes/b/unique-id', '/nodes/a/unique-id']);
  });

  test('a rule runs only on the document kinds it declares', () => {
    const result = validateText(lonelyNodes, { rules: [patternNodesMustBeReferenced] });
    assert.deepEqual(result.findings.filter((f) => f.source === 'rule'), []);
  });

  test('broken JSON gets syntax findings only, never rule findings on a guessed tree', () => {
    const result = validateText(lonelyNodes.slice(0, -10), { rules: [architectureNodesMustBeReferenced] });
    assert.ok(result.findings.length > 0);
    assert.ok(result.findings.every((f) => f.code === 'json-syntax'));
  });

  test('findings come in document order', () => {
    const doc = JSON.parse(readFileSync(EXAMPLE, 'utf8')) as { nodes: Record<string, unknown>[] };
    doc.nodes[3].name = '';
    doc.nodes.push({ 'unique-id': 'orphan', 'node-type': 'service', name: 'O', description: 'o' });
    doc.nodes[0].port = -1;
    const result = validateText(JSON.stringify(doc, null, 2));
    const starts = result.findings.map((f) => f.range.start);
    assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
    assert.deepEqual(result.findings.map((f) => f.code), [
      'architecture-has-no-placeholder-properties-numerical',
      'architecture-has-no-empty-string-properties',
      'architecture-nodes-must-be-referenced',
    ]);
  });

  test('a large architecture: every reference checked, the one dangling end found (1,000 nodes, 2,000 relationships)', () => {
    const n = 1000;
    const nodes = Array.from({ length: n }, (_, i) => ({ 'unique-id': `n${i}`, 'node-type': 'service', name: `N${i}`, description: 'd', interfaces: [{ 'unique-id': `n${i}-api`, port: 443 }] }));
    const relationships = Array.from({ length: 2 * n }, (_, i) => ({
      'unique-id': `r${i}`,
      description: 'r',
      'relationship-type': { connects: { source: { node: `n${i % n}`, interfaces: [`n${i % n}-api`] }, destination: { node: `n${(i + 1) % (n + 1)}` } } },
    }));
    const result = validateText(JSON.stringify({ nodes, relationships }));
    // Destinations run n1 .. n1000 and wrap: only r999 names n1000, which does not exist.
    assert.deepEqual(
      result.findings.filter((f) => f.source === 'rule').map((f) => [f.path, f.message]),
      [['/relationships/r999/relationship-type/connects/destination/node', "'n1000' does not refer to the unique-id of an existing node."]],
    );
  });
});
