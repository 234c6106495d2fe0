import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runRules } from '../../server/src/calm/engine';
import { parseCalm } from '../../server/src/calm/parse';
import { buildPatternModel } from '../../server/src/calm/rules/support/pattern-model';
import { rootOf } from '../../server/src/calm/rules/support/tree';
import { avoidBooleanProperties } from '../../server/src/calm/rules/avoid-boolean-properties';
import { connectsRelationshipReferencesExistingNodesInPattern } from '../../server/src/calm/rules/connects-relationship-references-existing-nodes-in-pattern';
import { groupRelationshipReferencesExistingNodesInPattern } from '../../server/src/calm/rules/group-relationship-references-existing-nodes-in-pattern';
import { groupRelationshipWithConstNodesReferencesExistingNodesInPattern } from '../../server/src/calm/rules/group-relationship-with-const-nodes-references-existing-nodes-in-pattern';
import { PATTERN_RULES } from '../../server/src/calm/rules';
import { nodesReferencedInPatternDecisionMustBeInOneofOrAnyofBlock } from '../../server/src/calm/rules/nodes-referenced-in-pattern-decision-must-be-in-oneof-or-anyof-block';
import { patternHasNoEmptyProperties } from '../../server/src/calm/rules/pattern-has-no-empty-properties';
import { patternHasNoPlaceholderPropertiesNumerical } from '../../server/src/calm/rules/pattern-has-no-placeholder-properties-numerical';
import { patternHasNoPlaceholderPropertiesString } from '../../server/src/calm/rules/pattern-has-no-placeholder-properties-string';
import { patternHasNodesRelationships } from '../../server/src/calm/rules/pattern-has-nodes-relationships';
import { patternNodesMustBeReferenced } from '../../server/src/calm/rules/pattern-nodes-must-be-referenced';
import { patternOptionRelationshipMustHaveMaxOneItem } from '../../server/src/calm/rules/pattern-option-relationship-must-have-max-one-item';
import { patternOptionRelationshipMustOnlyHaveOneofOrAnyofItems } from '../../server/src/calm/rules/pattern-option-relationship-must-only-have-oneof-or-anyof-items';
import { referencedInterfacesDefinedInPattern } from '../../server/src/calm/rules/referenced-interfaces-defined-in-pattern';
import { referencedInterfacesDefinedOnCorrectNodeInPattern } from '../../server/src/calm/rules/referenced-interfaces-defined-on-correct-node-in-pattern';
import { relationshipReferencesExistingNodesInPattern } from '../../server/src/calm/rules/relationship-references-existing-nodes-in-pattern';
import { relationshipsReferencedInPatternDecisionMustBeInOneofOrAnyofBlock } from '../../server/src/calm/rules/relationships-referenced-in-pattern-decision-must-be-in-oneof-or-anyof-block';
import type { Rule } from '../../server/src/calm/rules/rule';
import { uniqueIdsMustBeUniqueInPattern } from '../../server/src/calm/rules/unique-ids-must-be-unique-in-pattern';

function check(rule: Rule, document: unknown) {
  const doc = parseCalm(JSON.stringify(document, null, 2));
  assert.equal(doc.kind, 'pattern');
  return runRules(doc, [rule]).findings.map((f) => ({
    path: f.path,
    severity: f.severity,
    message: f.message,
    underlined: doc.text.slice(f.range.start, f.range.end),
    line: doc.lines.positionAt(f.range.start).line + 1,
  }));
}

type Json = Record<string, unknown>;

function nodeSchema(id: string, extra: Json = {}): Json {
  return { $ref: 'https://calm.finos.org/release/1.1/meta/core.json#/defs/node', type: 'object', properties: { 'unique-id': { const: id }, ...extra } };
}

function relationshipSchema(id: string, type: Json): Json {
  return { type: 'object', properties: { 'unique-id': { const: id }, 'relationship-type': type } };
}

const A_INTERFACES = { interfaces: { type: 'array', prefixItems: [{ type: 'object', properties: { 'unique-id': { const: 'a-api' } } }] } };

/** A small valid pattern: nodes a (with interface a-api) and b, a relationship a -> b. */
function base(): Json & { properties: { nodes: Json & { prefixItems: Json[] }; relationships: Json & { prefixItems: Json[] } } } {
  return {
    $schema: 'https://calm.finos.org/release/1.1/meta/calm.json',
    $id: 'https://example.com/pattern',
    title: 'P',
    type: 'object',
    properties: {
      nodes: { type: 'array', minItems: 2, prefixItems: [nodeSchema('a', A_INTERFACES), nodeSchema('b')] },
      relationships: {
        type: 'array',
        minItems: 1,
        prefixItems: [relationshipSchema('a-b', { const: { connects: { source: { node: 'a', interfaces: ['a-api'] }, destination: { node: 'b' } } } })],
      },
    },
    required: ['nodes', 'relationships'],
  };
}

const REL = '/properties/relationships/prefixItems';

describe('pattern model', () => {
  test('declarations from prefixItems, their alternatives and items catalogs, with the way to each', () => {
    const pattern = base();
    pattern.properties.nodes.prefixItems.push({ oneOf: [nodeSchema('x'), nodeSchema('y')] });
    (pattern.properties.nodes as Json).items = { anyOf: [nodeSchema('z')] };
    const doc = parseCalm(JSON.stringify(pattern, null, 2));
    const model = buildPatternModel(rootOf(doc));
    assert.deepEqual(model.nodes.map((d) => [d.id.value, d.slot]), [['a', 'prefixItems'], ['b', 'prefixItems'], ['x', 'prefixItems.oneOf'], ['y', 'prefixItems.oneOf'], ['z', 'items.anyOf']]);
    assert.deepEqual(model.relationships.map((d) => d.id.value), ['a-b']);
    assert.deepEqual(model.nodes[0].id.segments(), ['properties', 'nodes', 'prefixItems', 0, 'properties', 'unique-id', 'const']);
  });
});

describe('pattern rules', () => {
  test('all are silent on a valid pattern', () => {
    for (const rule of PATTERN_RULES) assert.deepEqual(check(rule, base()), [], rule.code);
  });

  test('pattern-has-nodes-relationships: reported once on `properties`, whichever is missing', () => {
    const pattern = base();
    delete (pattern.properties as Json).relationships;
    const found = check(patternHasNodesRelationships, pattern);
    assert.deepEqual(found.map((f) => [f.path, f.underlined, f.line]), [['/properties', '"properties"', 6]]);
    assert.deepEqual(check(patternHasNodesRelationships, { $schema: base().$schema, type: 'object', properties: { nodes: {} } }).length, 1);
  });

  test('pattern-has-no-empty-properties: "", 0, false and null anywhere', () => {
    const pattern = base();
    Object.assign(pattern.properties.nodes, { minItems: 0, additionalItems: false, title: '' });
    const found = check(patternHasNoEmptyProperties, pattern);
    assert.deepEqual(found.map((f) => f.path), ['/properties/nodes/minItems', '/properties/nodes/additionalItems', '/properties/nodes/title']);
    assert.equal(found[0].message, 'All properties must be set to a nonempty, nonzero value.');
  });

  test('pattern placeholders: -1 and [[ NAME ]]', () => {
    const pattern = base();
    Object.assign(pattern.properties.nodes, { default: -1, description: '[[ DESCRIPTION ]]' });
    assert.deepEqual(check(patternHasNoPlaceholderPropertiesNumerical, pattern).map((f) => f.path), ['/properties/nodes/default']);
    assert.deepEqual(check(patternHasNoPlaceholderPropertiesString, pattern).map((f) => f.path), ['/properties/nodes/description']);
  });

  test('connects-relationship-references-existing-nodes-in-pattern: the source node', () => {
    const pattern = base();
    pattern.properties.relationships.prefixItems[0] = relationshipSchema('a-b', { const: { connects: { source: { node: 'ghost' }, destination: { node: 'b' } } } });
    assert.deepEqual(check(connectsRelationshipReferencesExistingNodesInPattern, pattern).map((f) => [f.path, f.message]), [
      [`${REL}/0/properties/relationship-type/const/connects/source/node`, "'ghost' does not refer to the unique-id of an existing node."],
    ]);
  });

  test('group relationships: `nodes` lists and `nodes.const` lists', () => {
    const pattern = base();
    pattern.properties.relationships.prefixItems.push(
      relationshipSchema('grp', { const: { 'composed-of': { container: 'a', nodes: ['b', 'ghost'] } } }),
      relationshipSchema('grp2', { properties: { 'deployed-in': { properties: { container: { const: 'a' }, nodes: { const: ['b', 'phantom'] } } } } }),
    );
    assert.deepEqual(check(groupRelationshipReferencesExistingNodesInPattern, pattern).map((f) => f.path), [`${REL}/1/properties/relationship-type/const/composed-of/nodes/1`]);
    assert.deepEqual(check(groupRelationshipWithConstNodesReferencesExistingNodesInPattern, pattern).map((f) => [f.path, f.message]), [
      [`${REL}/2/properties/relationship-type/properties/deployed-in/properties/nodes/const/1`, "'phantom' does not refer to the unique-id of an existing node."],
    ]);
  });

  test('relationship-references-existing-nodes-in-pattern: actor and container under the relationship type', () => {
    const pattern = base();
    pattern.properties.relationships.prefixItems.push(relationshipSchema('who', { const: { interacts: { actor: 'nobody', nodes: ['a'] } } }));
    assert.deepEqual(check(relationshipReferencesExistingNodesInPattern, pattern).map((f) => f.path), [`${REL}/1/properties/relationship-type/const/interacts/actor`]);
  });

  test('avoid-boolean-properties: a property typed boolean', () => {
    const pattern = base();
    Object.assign((pattern.properties.nodes.prefixItems[1] as { properties: Json }).properties, { enabled: { type: 'boolean' } });
    const found = check(avoidBooleanProperties, pattern);
    assert.deepEqual(found.map((f) => [f.path, f.severity, f.underlined]), [['/properties/nodes/prefixItems/1/properties/enabled/type', 'warning', '"boolean"']]);
  });

  test('referenced interfaces: must be declared somewhere, and on the node the end names', () => {
    const pattern = base();
    pattern.properties.nodes.prefixItems[1] = nodeSchema('b', { interfaces: { type: 'array', prefixItems: [{ properties: { 'unique-id': { const: 'b-api' } } }] } });
    pattern.properties.relationships.prefixItems[0] = relationshipSchema('a-b', {
      const: { connects: { source: { node: 'a', interfaces: ['ghost-api'] }, destination: { node: 'b', interfaces: ['a-api'] } } },
    });
    const connects = `${REL}/0/properties/relationship-type/const/connects`;
    assert.deepEqual(check(referencedInterfacesDefinedInPattern, pattern).map((f) => [f.path, f.message]), [
      [`${connects}/source/interfaces/0`, "'ghost-api' does not refer to the unique-id of an existing interface."],
    ]);
    assert.deepEqual(check(referencedInterfacesDefinedOnCorrectNodeInPattern, pattern).map((f) => [f.path, f.message]), [
      [`${connects}/source`, "Referenced interface with ID 'ghost-api' was not defined on the node with ID 'a'."],
      [`${connects}/destination`, "Referenced interface with ID 'a-api' was not defined on the node with ID 'b'."],
    ]);
    pattern.properties.nodes.prefixItems[1] = nodeSchema('b');
    assert.deepEqual(check(referencedInterfacesDefinedOnCorrectNodeInPattern, pattern).map((f) => f.message).slice(1), [
      'Node with unique-id b has no interfaces defined, expected interfaces [a-api]',
    ]);
  });

  test('pattern-nodes-must-be-referenced: a declared node no relationship names', () => {
    const pattern = base();
    pattern.properties.nodes.prefixItems.push(nodeSchema('c'));
    const found = check(patternNodesMustBeReferenced, pattern);
    assert.deepEqual(found.map((f) => [f.path, f.severity, f.underlined, f.message]), [
      ['/properties/nodes/prefixItems/2/properties/unique-id/const', 'warning', '"c"', "Node with ID 'c' is not referenced by any relationships."],
    ]);
  });

  test('unique-ids-must-be-unique-in-pattern: across kinds, except between alternatives of one choice', () => {
    const pattern = base();
    pattern.properties.relationships.prefixItems.push(relationshipSchema('b', { const: { interacts: { actor: 'a', nodes: ['b'] } } }));
    pattern.properties.nodes.prefixItems.push({ oneOf: [nodeSchema('x'), nodeSchema('x')] });
    const found = check(uniqueIdsMustBeUniqueInPattern, pattern);
    assert.deepEqual(found.map((f) => [f.path, f.message, f.underlined]), [
      ['/', 'Duplicate unique-id detected. ID: b, path: /properties/relationships/prefixItems/1/properties/unique-id/const', '"b"'],
    ]);
  });

  describe('options relationships (pattern decisions)', () => {
    function withDecision(prefixItems: Json[]): ReturnType<typeof base> {
      const pattern = base();
      pattern.properties.relationships.prefixItems.push(
        relationshipSchema('choice', { type: 'object', properties: { options: { type: 'array', prefixItems } } }),
      );
      return pattern;
    }
    const choose = (nodes: string[], relationships: string[]): Json => ({ properties: { nodes: { const: nodes }, relationships: { const: relationships } } });
    const OPTIONS = `${REL}/1/properties/relationship-type/properties/options/prefixItems`;

    test('a choice declared only positionally must move into a oneOf/anyOf block', () => {
      const pattern = withDecision([{ oneOf: [choose(['a'], ['a-b'])] }]);
      assert.deepEqual(check(nodesReferencedInPatternDecisionMustBeInOneofOrAnyofBlock, pattern).map((f) => [f.path, f.message]), [
        [`${OPTIONS}/0/oneOf/0/properties/nodes/const/0`, "'a' is part of a pattern option and must be defined in a oneOf or anyOf block."],
      ]);
      assert.deepEqual(check(relationshipsReferencedInPatternDecisionMustBeInOneofOrAnyofBlock, pattern).map((f) => f.path), [
        `${OPTIONS}/0/oneOf/0/properties/relationships/const/0`,
      ]);
      pattern.properties.nodes.prefixItems.push({ oneOf: [nodeSchema('a'), nodeSchema('c')] });
      assert.deepEqual(check(nodesReferencedInPatternDecisionMustBeInOneofOrAnyofBlock, pattern), []);
    });

    test('a decision has exactly one of oneOf / anyOf, and there is at most one decision', () => {
      const pattern = withDecision([{ oneOf: [], anyOf: [] }, { description: 'neither' }]);
      assert.deepEqual(check(patternOptionRelationshipMustOnlyHaveOneofOrAnyofItems, pattern).map((f) => [f.path, f.message]), [
        [`${OPTIONS}/0`, '"oneOf" and "anyOf" must not be both defined or both undefined'],
        [`${OPTIONS}/1`, '"oneOf" and "anyOf" must not be both defined or both undefined'],
      ]);
      assert.deepEqual(check(patternOptionRelationshipMustHaveMaxOneItem, pattern).map((f) => [f.path, f.message]), [
        [OPTIONS, '"prefixItems" property must be shorter than 1'],
      ]);
      assert.deepEqual(check(patternOptionRelationshipMustHaveMaxOneItem, withDecision([{ oneOf: [] }])), []);
    });
  });
});
