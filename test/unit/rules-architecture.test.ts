import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runRules } from '../../server/src/calm/engine';
import { parseCalm } from '../../server/src/calm/parse';
import { architectureHasNoEmptyStringProperties } from '../../server/src/calm/rules/architecture-has-no-empty-string-properties';
import { architectureHasNoPlaceholderPropertiesBoolean } from '../../server/src/calm/rules/architecture-has-no-placeholder-properties-boolean';
import { architectureHasNoPlaceholderPropertiesNumerical } from '../../server/src/calm/rules/architecture-has-no-placeholder-properties-numerical';
import { architectureHasNoPlaceholderPropertiesString } from '../../server/src/calm/rules/architecture-has-no-placeholder-properties-string';
import { architectureHasNodesRelationships } from '../../server/src/calm/rules/architecture-has-nodes-relationships';
import { architectureNodesMustBeReferenced } from '../../server/src/calm/rules/architecture-nodes-must-be-referenced';
import { compositionRelationshipsReferenceExistingNodesInArchitecture } from '../../server/src/calm/rules/composition-relationships-reference-existing-nodes-in-architecture';
import { connectsRelationshipReferencesExistingNodesInArchitecture } from '../../server/src/calm/rules/connects-relationship-references-existing-nodes-in-architecture';
import { controlLegacyNaming } from '../../server/src/calm/rules/control-legacy-naming';
import { controlRequirementValidation } from '../../server/src/calm/rules/control-requirement-validation';
import { flowTransitionsHaveUniqueSequenceNumbers } from '../../server/src/calm/rules/flow-transitions-have-unique-sequence-numbers';
import { flowTransitionsReferencesExistingRelationshipInArchitecture } from '../../server/src/calm/rules/flow-transitions-references-existing-relationship-in-architecture';
import { ALL_RULES, ARCHITECTURE_RULES } from '../../server/src/calm/rules';
import { referencedInterfacesDefinedInArchitecture } from '../../server/src/calm/rules/referenced-interfaces-defined-in-architecture';
import { referencedInterfacesDefinedOnCorrectNodeInArchitecture } from '../../server/src/calm/rules/referenced-interfaces-defined-on-correct-node-in-architecture';
import { relationshipReferencesExistingNodesInArchitecture } from '../../server/src/calm/rules/relationship-references-existing-nodes-in-architecture';
import type { Rule } from '../../server/src/calm/rules/rule';
import { uniqueIdsMustBeUniqueInArchitecture } from '../../server/src/calm/rules/unique-ids-must-be-unique-in-architecture';

/** What a rule reports on a document, with the underlined text and its 1-based line. */
function check(rule: Rule, document: unknown) {
  const doc = parseCalm(typeof document === 'string' ? document : JSON.stringify(document, null, 2));
  return runRules(doc, [rule]).findings.map((f) => ({
    code: f.code,
    severity: f.severity,
    path: f.path,
    message: f.message,
    underlined: doc.text.slice(f.range.start, f.range.end),
    line: doc.lines.positionAt(f.range.start).line + 1,
  }));
}

type Json = Record<string, unknown>;

/** A small valid architecture: every rule is silent on it. */
function base(): Json & { nodes: Json[]; relationships: Json[]; flows: Json[] } {
  return {
    $schema: 'https://calm.finos.org/release/1.1/meta/calm.json',
    nodes: [
      { 'unique-id': 'a', 'node-type': 'service', name: 'A', description: 'a', interfaces: [{ 'unique-id': 'a-api', host: 'h', port: 443 }] },
      { 'unique-id': 'b', 'node-type': 'database', name: 'B', description: 'b' },
      { 'unique-id': 'u', 'node-type': 'actor', name: 'U', description: 'u' },
      { 'unique-id': 'sys', 'node-type': 'system', name: 'S', description: 's' },
    ],
    relationships: [
      { 'unique-id': 'a-b', 'relationship-type': { connects: { source: { node: 'a', interfaces: ['a-api'] }, destination: { node: 'b' } } } },
      { 'unique-id': 'u-a', 'relationship-type': { interacts: { actor: 'u', nodes: ['a'] } } },
      { 'unique-id': 'sys-has', 'relationship-type': { 'composed-of': { container: 'sys', nodes: ['a', 'b'] } } },
    ],
    flows: [
      {
        'unique-id': 'f',
        name: 'F',
        description: 'f',
        transitions: [
          { 'relationship-unique-id': 'a-b', 'sequence-number': 1, description: 'x' },
          { 'relationship-unique-id': 'u-a', 'sequence-number': 2, description: 'y' },
        ],
      },
    ],
  };
}

function rel(doc: ReturnType<typeof base>, i: number): Json {
  return doc.relationships[i]['relationship-type'] as Json;
}

describe('architecture rules', () => {
  test('all are silent on a valid architecture, and every code is distinct', () => {
    for (const rule of ARCHITECTURE_RULES) assert.deepEqual(check(rule, base()), [], rule.code);
    assert.equal(new Set(ALL_RULES.map((r) => r.code)).size, ALL_RULES.length);
  });

  describe('architecture-has-nodes-relationships', () => {
    test('a missing property is reported once, on the document', () => {
      const { $schema, flows } = base();
      const found = check(architectureHasNodesRelationships, { $schema, flows });
      assert.deepEqual(found.map((f) => [f.path, f.severity, f.line, f.underlined]), [['/', 'error', 1, '{']]);
      assert.equal(found[0].message, 'Should have nodes and relationships as top level properties on the CALM document');
    });
    test('a present but falsy value is reported on itself; an empty array is fine', () => {
      assert.deepEqual(check(architectureHasNodesRelationships, { nodes: null, relationships: [] }).map((f) => f.path), ['/nodes']);
      assert.deepEqual(check(architectureHasNodesRelationships, '[1, 2]').map((f) => f.path), ['/']);
    });
  });

  test('architecture-has-no-empty-string-properties: every "" value, at its id path', () => {
    const doc = base();
    doc.nodes[1].name = '';
    doc.$schema = '';
    const found = check(architectureHasNoEmptyStringProperties, doc);
    assert.deepEqual(found.map((f) => [f.path, f.underlined]), [['/$schema', '""'], ['/nodes/b/name', '""']]);
    assert.equal(found[0].message, 'All properties must be set to a nonempty value.');
  });

  test('architecture-has-no-placeholder-properties-numerical: -1, "-1" and [-1] are placeholders; -2 and "x-1" are not', () => {
    const doc = base();
    (doc.nodes[0].interfaces as Json[])[0].port = -1;
    doc.nodes[1].replicas = '-1';
    doc.nodes[2].sizes = [-1];
    doc.nodes[3].other = [-2, 'x-1', [-1, 2]];
    const found = check(architectureHasNoPlaceholderPropertiesNumerical, doc);
    assert.deepEqual(
      found.map((f) => [f.path, f.underlined]),
      [['/nodes/a/interfaces/a-api/port', '-1'], ['/nodes/b/replicas', '"-1"'], ['/nodes/u/sizes', '"sizes"'], ['/nodes/u/sizes/0', '-1'], ['/nodes/sys/other/2/0', '-1']],
    );
    assert.ok(found.every((f) => f.severity === 'warning' && f.message === 'Numerical placeholder (-1) detected in architecture.'));
  });

  test('placeholder strings: [[ NAME ]] is a string placeholder, [[ BOOLEAN_X ]] is both', () => {
    const doc = base();
    doc.nodes[0].host = '[[ HOST ]]';
    doc.nodes[1].enabled = '[[BOOLEAN_ENABLED]]';
    doc.nodes[2].note = 'see [[ HOST ]]';
    assert.deepEqual(check(architectureHasNoPlaceholderPropertiesString, doc).map((f) => f.path), ['/nodes/a/host', '/nodes/b/enabled']);
    const booleans = check(architectureHasNoPlaceholderPropertiesBoolean, doc);
    assert.deepEqual(booleans.map((f) => [f.path, f.message]), [['/nodes/b/enabled', 'Boolean placeholder detected in architecture.']]);
  });

  describe('relationship-references-existing-nodes-in-architecture', () => {
    test('an unknown actor or container is reported on its value', () => {
      const doc = base();
      (rel(doc, 1).interacts as Json).actor = 'ghost';
      (rel(doc, 2)['composed-of'] as Json).container = 'nowhere';
      const found = check(relationshipReferencesExistingNodesInArchitecture, doc);
      assert.deepEqual(
        found.map((f) => [f.path, f.message, f.underlined]),
        [
          ['/relationships/u-a/relationship-type/interacts/actor', "'ghost' does not refer to the unique-id of an existing node.", '"ghost"'],
          ['/relationships/sys-has/relationship-type/composed-of/container', "'nowhere' does not refer to the unique-id of an existing node.", '"nowhere"'],
        ],
      );
    });
    test('nodes keyed by id in an object count as nodes, as the reference reads `nodes[*]`', () => {
      const doc = base();
      const nodes = Object.fromEntries(doc.nodes.map((n) => [n['unique-id'] as string, n]));
      assert.deepEqual(check(relationshipReferencesExistingNodesInArchitecture, { ...doc, nodes }), []);
    });
  });

  test('connects-relationship-references-existing-nodes-in-architecture: node objects and bare-string ends', () => {
    const doc = base();
    ((rel(doc, 0).connects as Json).destination as Json).node = 'ghost';
    doc.relationships.push({ 'unique-id': 'old', 'relationship-type': { connects: { source: 'a', destination: 'idp' } } });
    const found = check(connectsRelationshipReferencesExistingNodesInArchitecture, doc);
    assert.deepEqual(found.map((f) => f.path), ['/relationships/a-b/relationship-type/connects/destination/node', '/relationships/old/relationship-type/connects/destination']);
    assert.equal(found[1].message, "'idp' does not refer to the unique-id of an existing node.");
  });

  test('composition-relationships-reference-existing-nodes-in-architecture: nodes lists of every kind', () => {
    const doc = base();
    ((rel(doc, 2)['composed-of'] as Json).nodes as string[]).push('ghost');
    (rel(doc, 1).interacts as Json).nodes = ['a', 7];
    const found = check(compositionRelationshipsReferenceExistingNodesInArchitecture, doc);
    assert.deepEqual(
      found.map((f) => [f.path, f.message]),
      [
        ['/relationships/u-a/relationship-type/interacts/nodes/1', "'7' does not refer to the unique-id of an existing node."],
        ['/relationships/sys-has/relationship-type/composed-of/nodes/2', "'ghost' does not refer to the unique-id of an existing node."],
      ],
    );
  });

  test('referenced-interfaces-defined-in-architecture: any node interface counts, an unknown one is reported', () => {
    const doc = base();
    const source = (rel(doc, 0).connects as Json).source as Json;
    source.interfaces = ['a-api', 'ghost-api'];
    const found = check(referencedInterfacesDefinedInArchitecture, doc);
    assert.deepEqual(found.map((f) => [f.path, f.message]), [
      ['/relationships/a-b/relationship-type/connects/source/interfaces/1', "'ghost-api' does not refer to the unique-id of an existing interface."],
    ]);
  });

  describe('referenced-interfaces-defined-on-correct-node-in-architecture', () => {
    test('an interface of another node, reported on the connects end (its key underlined)', () => {
      const doc = base();
      const destination = (rel(doc, 0).connects as Json).destination as Json;
      doc.nodes[1].interfaces = [{ 'unique-id': 'b-jdbc' }];
      destination.interfaces = ['a-api'];
      const found = check(referencedInterfacesDefinedOnCorrectNodeInArchitecture, doc);
      assert.deepEqual(found.map((f) => [f.path, f.underlined, f.message]), [
        ['/relationships/a-b/relationship-type/connects/destination', '"destination"', "Referenced interface with ID 'a-api' was not defined on the node with ID 'b'."],
      ]);
    });
    test('a node without interfaces, a missing node, and an empty list', () => {
      const doc = base();
      const connects = rel(doc, 0).connects as Json;
      (connects.destination as Json).interfaces = ['x', 'y'];
      assert.deepEqual(check(referencedInterfacesDefinedOnCorrectNodeInArchitecture, doc).map((f) => f.message), [
        'Node with unique-id b has no interfaces defined, expected interfaces [x,y].',
      ]);
      (connects.destination as Json).interfaces = [];
      delete (connects.source as Json).node;
      assert.deepEqual(check(referencedInterfacesDefinedOnCorrectNodeInArchitecture, doc).map((f) => f.message), ['Invalid connects relationship - no node defined.']);
    });
  });

  test('architecture-nodes-must-be-referenced: a node no relationship names, by its unique-id value', () => {
    const doc = base();
    doc.nodes.push({ 'unique-id': 'lonely', 'node-type': 'service', name: 'L', description: 'l' }, { 'unique-id': 7, name: 'N' });
    const found = check(architectureNodesMustBeReferenced, doc);
    assert.deepEqual(found.map((f) => [f.path, f.severity, f.underlined, f.message]), [
      ['/nodes/lonely/unique-id', 'warning', '"lonely"', "Node with ID 'lonely' is not referenced by any relationships."],
      ['/nodes/5/unique-id', 'warning', '7', "Node with ID '7' is not referenced by any relationships."],
    ]);
  });

  test('unique-ids-must-be-unique-in-architecture: one namespace, reported at the root with the index path, the duplicate underlined', () => {
    const doc = base();
    doc.relationships[1]['unique-id'] = 'a';
    (doc.nodes[1] as Json).interfaces = [{ 'unique-id': 'a-api' }];
    const found = check(uniqueIdsMustBeUniqueInArchitecture, doc);
    assert.deepEqual(found.map((f) => [f.path, f.message, f.underlined]), [
      ['/', 'Duplicate unique-id detected. ID: a, path: /relationships/1/unique-id', '"a"'],
      ['/', 'Duplicate unique-id detected. ID: a-api, path: /nodes/1/interfaces/0/unique-id', '"a-api"'],
    ]);
  });

  test('flow-transitions-references-existing-relationship-in-architecture', () => {
    const doc = base();
    (doc.flows[0].transitions as Json[])[1]['relationship-unique-id'] = 'ghost';
    assert.deepEqual(check(flowTransitionsReferencesExistingRelationshipInArchitecture, doc).map((f) => [f.path, f.message]), [
      ['/flows/f/transitions/1/relationship-unique-id', "'ghost' does not refer to the unique-id of an existing relationship."],
    ]);
  });

  test('flow-transitions-have-unique-sequence-numbers: reported on the transitions list', () => {
    const doc = base();
    (doc.flows[0].transitions as Json[])[1]['sequence-number'] = 1;
    const found = check(flowTransitionsHaveUniqueSequenceNumbers, doc);
    assert.deepEqual(found.map((f) => [f.path, f.underlined, f.message]), [
      ['/flows/f/transitions', '"transitions"', 'Duplicate sequence-number 1 detected. path: /1/sequence-number'],
    ]);
  });

  test('control-legacy-naming: once per document, wherever the legacy key appears', () => {
    const doc = base();
    assert.deepEqual(check(controlLegacyNaming, doc), []);
    doc.nodes[0].controls = { sec: { description: 'd', requirements: [{ 'control-requirement-url': 'https://x', 'control-config-url': 'https://y' }] } };
    doc.controls = { other: { description: 'd', requirements: [{ 'control-requirement-url': 'https://z' }] } };
    const found = check(controlLegacyNaming, doc);
    assert.equal(found.length, 1);
    assert.equal(found[0].path, '/');
    assert.equal(found[0].severity, 'warning');
    assert.equal(found[0].underlined, '"control-requirement-url"');
  });

  test('control-requirement-validation: an inline config checked against a bundled requirement schema; unknown URLs are not judged', () => {
    const doc = base();
    const requirement = 'https://calm.finos.org/release/1.2/meta/control-requirement.json';
    doc.nodes[0].controls = {
      audit: {
        description: 'd',
        requirements: [
          { 'requirement-url': requirement, config: { 'control-id': 'c-1', name: 'Audit', description: 'ok' } },
          { 'requirement-url': requirement, config: { description: 'lacks id and name' } },
          { 'requirement-url': 'https://example.com/req.json', config: {} },
        ],
      },
    };
    const found = check(controlRequirementValidation, doc);
    assert.deepEqual(found.map((f) => [f.path, f.message]), [
      ['/nodes/a/controls/audit/requirements/1', "must have required property 'control-id'"],
      ['/nodes/a/controls/audit/requirements/1', "must have required property 'name'"],
    ]);
  });
});
