/**
 * Quick fixes: the fixes offered for each finding, and that applying any of them leaves valid JSON that
 * re-validates without that finding — on hand-made mutants of the example and on every mutant of the
 * reference corpus.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { CodeAction } from 'vscode-languageserver-types';
import type { Finding } from '../../server/src/calm/findings';
import { codeActions, QUICK_FIXES } from '../../server/src/features/code-actions';
import { toRange } from '../../server/src/features/lsp-ranges';
import { applyTextEdits, editsFor, EXAMPLE_TEXT, SHARED_CALM, URI, validate } from './features-support';

interface Offered {
  readonly finding: Finding;
  readonly actions: CodeAction[];
}

function offered(text: string, code: string, nth = 0): Offered {
  const result = validate(text);
  const findings = result.findings.filter((f) => f.code === code);
  const finding = findings[nth];
  assert.ok(finding, `a ${code} finding in ${JSON.stringify(result.findings.map((f) => f.code))}`);
  const range = toRange(result.doc, finding.range);
  const diagnostic = { range, message: finding.message, code: finding.code, source: 'calm' };
  const actions = codeActions(result, { uri: URI, version: 3, range, diagnostics: [diagnostic] });
  return { finding, actions };
}

function titles(o: Offered): string[] {
  return o.actions.map((a) => a.title);
}

function applied(text: string, action: CodeAction): string {
  assert.ok(action.edit, action.title);
  const change = action.edit.documentChanges?.[0];
  assert.ok(change && 'textDocument' in change && change.textDocument.version === 3, 'a versioned edit of the document');
  return applyTextEdits(text, editsFor(action.edit, URI));
}

/** Applies the action and checks: valid JSON, and the finding (same code, message and path) is gone. Returns the new findings. */
function assertFixes(text: string, o: Offered, action: CodeAction): Finding[] {
  const after = applied(text, action);
  assert.doesNotThrow(() => JSON.parse(after), `${action.title} leaves valid JSON`);
  const findings = validate(after).findings;
  const same = (f: Finding) => f.code === o.finding.code && f.message === o.finding.message && f.path === o.finding.path;
  assert.ok(!findings.some(same), `${action.title} removes "${o.finding.message}" at ${o.finding.path}`);
  return findings;
}

function action(o: Offered, title: string): CodeAction {
  const found = o.actions.find((a) => a.title === title);
  assert.ok(found, `${title} in ${JSON.stringify(titles(o))}`);
  return found;
}

describe('quick fixes for dangling references', () => {
  const TYPO = EXAMPLE_TEXT.replace('"node": "order-service"', '"node": "order-servce"');

  test('a typo in a connects node: the closest ids, the nearest preferred, and "Create node"', () => {
    const o = offered(TYPO, 'connects-relationship-references-existing-nodes-in-architecture');
    assert.deepEqual(titles(o), ["Change to 'order-service'", "Change to 'payment-service'", "Change to 'order-database'", "Create node 'order-servce'"]);
    assert.equal(o.actions[0].isPreferred, true);
    assert.equal(o.actions[1].isPreferred, undefined);
    assert.equal(o.actions[0].kind, 'quickfix');
    assert.deepEqual(o.actions[0].diagnostics?.map((d) => d.code), ['connects-relationship-references-existing-nodes-in-architecture']);
    assert.deepEqual(assertFixes(TYPO, o, o.actions[0]), [], 'the preferred fix restores the clean example');
    for (const a of o.actions) assertFixes(TYPO, o, a);
  });

  test('"Create node" appends a valid node, in the layout of its siblings', () => {
    const o = offered(TYPO, 'connects-relationship-references-existing-nodes-in-architecture');
    const after = applied(TYPO, action(o, "Create node 'order-servce'"));
    const nodes = (JSON.parse(after) as { nodes: unknown[] }).nodes;
    assert.deepEqual(nodes[nodes.length - 1], {
      'unique-id': 'order-servce',
      'node-type': 'service',
      name: 'order-servce',
      description: "Created for the reference in relationship 'gateway-to-orders'.",
    });
    assert.ok(after.includes('    },\n    {\n      "unique-id": "order-servce",\n      "node-type": "service",'), 'indented like the other nodes');
  });

  test('a missing actor becomes an actor node; a missing container a system node', () => {
    const actorText = EXAMPLE_TEXT.replace('"actor": "customer"', '"actor": "ghost-actor"');
    const actor = offered(actorText, 'relationship-references-existing-nodes-in-architecture');
    const created = JSON.parse(applied(actorText, action(actor, "Create node 'ghost-actor'"))) as { nodes: { 'node-type': string }[] };
    assert.equal(created.nodes[created.nodes.length - 1]['node-type'], 'actor');
    for (const a of actor.actions) assertFixes(actorText, actor, a);

    const containerText = EXAMPLE_TEXT.replace('"container": "ecommerce-platform"', '"container": "ghost-container"');
    const container = offered(containerText, 'relationship-references-existing-nodes-in-architecture');
    const withSystem = JSON.parse(applied(containerText, action(container, "Create node 'ghost-container'"))) as { nodes: { 'node-type': string }[] };
    assert.equal(withSystem.nodes[withSystem.nodes.length - 1]['node-type'], 'system');
    for (const a of container.actions) assertFixes(containerText, container, a);
  });

  test('a node that does not exist in connects, with interfaces nobody defines: the created node defines them', () => {
    const text = EXAMPLE_TEXT.replace('"node": "order-service",\n            "interfaces": [\n              "order-api"', '"node": "billing",\n            "interfaces": [\n              "billing-api"');
    const o = offered(text, 'connects-relationship-references-existing-nodes-in-architecture');
    const after = applied(text, action(o, "Create node 'billing'"));
    const nodes = (JSON.parse(after) as { nodes: { interfaces?: unknown[] }[] }).nodes;
    assert.deepEqual(nodes[nodes.length - 1].interfaces, [{ 'unique-id': 'billing-api' }]);
    assert.deepEqual(validate(after).findings, []);
  });

  test('a flow transition naming no relationship: change to the closest relationship ids', () => {
    const text = readFileSync(join(SHARED_CALM, 'corpus/mutated/seed__seed-add-flow-bad-rel.json'), 'utf8');
    const o = offered(text, 'flow-transitions-references-existing-relationship-in-architecture');
    assert.equal(o.actions.length, 3);
    assert.ok(titles(o).every((t) => t.startsWith('Change to ')));
    for (const a of o.actions) assertFixes(text, o, a);
  });
});

describe('quick fixes for connects interfaces', () => {
  test('an interface nobody defines: add it to the node, or change to one of the node\'s interfaces', () => {
    const text = EXAMPLE_TEXT.replace('"node": "order-service",\n            "interfaces": [\n              "order-api"', '"node": "order-service",\n            "interfaces": [\n              "order-apx"');
    const o = offered(text, 'referenced-interfaces-defined-in-architecture');
    assert.deepEqual(titles(o), ["Add interface 'order-apx' to node 'order-service'", "Change to 'order-api'"]);
    assert.equal(o.actions[1].isPreferred, true);
    for (const a of o.actions) assert.deepEqual(assertFixes(text, o, a), [], `${a.title} fixes both interface findings`);
    const added = JSON.parse(applied(text, o.actions[0])) as { nodes: { interfaces?: unknown[] }[] };
    assert.deepEqual(added.nodes[3].interfaces, [{ 'unique-id': 'order-api', protocol: 'HTTPS', port: 8080 }, { 'unique-id': 'order-apx' }]);

    const wrongNode = offered(text, 'referenced-interfaces-defined-on-correct-node-in-architecture');
    assert.deepEqual(titles(wrongNode), titles(o));
  });

  test("an interface of another node: change to this node's interface, or point the end at the interface's node", () => {
    const text = EXAMPLE_TEXT.replace('"node": "order-service",\n            "interfaces": [\n              "order-api"', '"node": "order-service",\n            "interfaces": [\n              "payment-api"');
    const o = offered(text, 'referenced-interfaces-defined-on-correct-node-in-architecture');
    assert.deepEqual(titles(o), ["Change to 'order-api'", "Change node to 'payment-service' (which defines 'payment-api')"]);
    for (const a of o.actions) assertFixes(text, o, a);
  });

  test('a node without interfaces: the interfaces list is created on it', () => {
    const text = EXAMPLE_TEXT.replace('"node": "order-service",\n            "interfaces": [\n              "order-api"', '"node": "ecommerce-platform",\n            "interfaces": [\n              "platform-api"');
    const o = offered(text, 'referenced-interfaces-defined-on-correct-node-in-architecture');
    assert.deepEqual(titles(o), ["Add interface 'platform-api' to node 'ecommerce-platform'"]);
    const after = applied(text, o.actions[0]);
    assert.deepEqual((JSON.parse(after) as { nodes: { interfaces?: unknown[] }[] }).nodes[8].interfaces, [{ 'unique-id': 'platform-api' }]);
    assertFixes(text, o, o.actions[0]);
  });
});

describe('quick fixes for duplicates and unreferenced nodes', () => {
  test('a duplicated id: rename this occurrence to a fresh id', () => {
    const text = readFileSync(join(SHARED_CALM, 'corpus/mutated/seed__dup-rel-unique-id.json'), 'utf8');
    const o = offered(text, 'unique-ids-must-be-unique-in-architecture');
    assert.deepEqual(titles(o), ["Rename this one to 'customer-to-gateway-2'"]);
    assert.deepEqual(assertFixes(text, o, o.actions[0]), []);
  });

  test('an unreferenced node: a relationship from it to each of the most connected nodes', () => {
    const value = JSON.parse(EXAMPLE_TEXT) as { nodes: unknown[] };
    value.nodes.push({ 'unique-id': 'audit-service', 'node-type': 'service', name: 'Audit Service', description: 'Keeps an audit trail' });
    const text = JSON.stringify(value, null, 2);
    const o = offered(text, 'architecture-nodes-must-be-referenced');
    assert.deepEqual(titles(o), ["Add a relationship from 'audit-service' to 'api-gateway'", "Add a relationship from 'audit-service' to 'order-service'", "Add a relationship from 'audit-service' to 'inventory-service'"]);
    const after = applied(text, o.actions[1]);
    const rels = (JSON.parse(after) as { relationships: unknown[] }).relationships;
    assert.deepEqual(rels[rels.length - 1], {
      'unique-id': 'audit-service-to-order-service',
      description: 'Audit Service connects to Order Service.',
      'relationship-type': { connects: { source: { node: 'audit-service' }, destination: { node: 'order-service' } } },
    });
    for (const a of o.actions) assert.deepEqual(assertFixes(text, o, a), []);
  });

  test('an unreferenced actor in a document with an empty relationships list: an interacts relationship', () => {
    const text = '{\n\t"nodes": [\n\t\t{ "unique-id": "u", "node-type": "actor", "name": "U", "description": "a user" },\n\t\t{ "unique-id": "app", "node-type": "service", "name": "App", "description": "the app" }\n\t],\n\t"relationships": []\n}\n';
    const o = offered(text, 'architecture-nodes-must-be-referenced');
    assert.deepEqual(titles(o), ["Add a relationship from 'u' to 'app'"]);
    const after = applied(text, o.actions[0]);
    assert.ok(after.includes('\t"relationships": [\n\t\t{\n\t\t\t"unique-id": "u-to-app",'), 'tab indentation kept');
    assert.deepEqual(validate(after).findings, []);
  });
});

describe('every fix on every corpus mutant', () => {
  test('leaves valid JSON that re-validates without the finding it fixes', () => {
    const dir = join(SHARED_CALM, 'corpus/mutated');
    let fixed = 0;
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
      const text = readFileSync(join(dir, name), 'utf8');
      const result = validate(text);
      for (const finding of result.findings.filter((f) => QUICK_FIXES[f.code])) {
        const range = toRange(result.doc, finding.range);
        const diagnostic = { range, message: finding.message, code: finding.code };
        const actions = codeActions(result, { uri: URI, version: 3, range, diagnostics: [diagnostic] });
        // Fixes of other findings at the same place carry no diagnostic here: each is checked with its own finding.
        for (const a of actions.filter((x) => x.diagnostics?.[0] === diagnostic)) {
          assertFixes(text, { finding, actions }, a);
          fixed++;
        }
      }
    }
    assert.ok(fixed >= 20, `fixes checked: ${fixed}`);
  });
});
