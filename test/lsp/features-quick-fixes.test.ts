/**
 * Quick fixes through the bundled language server: for each mutant's diagnostic, every offered fix is
 * applied as the editor would, and the server's next diagnostics no longer hold that diagnostic.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CodeActionRequest, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { applyTextEdits, editsFor, EXAMPLE_TEXT, SHARED_CALM } from '../unit/features-support';
import { fileUri, LspTestClient } from './lsp-test-client';

interface Case {
  readonly name: string;
  readonly text: string;
  readonly code: string;
  readonly titles: readonly string[];
}

const orphan = (() => {
  const value = JSON.parse(EXAMPLE_TEXT) as { nodes: unknown[] };
  value.nodes.push({ 'unique-id': 'audit-log', 'node-type': 'database', name: 'Audit Log', description: 'Keeps what happened' });
  return JSON.stringify(value, null, 2) + '\n';
})();

const CASES: readonly Case[] = [
  {
    name: 'a mistyped connects node',
    text: EXAMPLE_TEXT.replace('"node": "inventory-service"', '"node": "inventory-servise"'),
    code: 'connects-relationship-references-existing-nodes-in-architecture',
    titles: ["Change to 'inventory-service'", "Change to 'inventory-database'", "Change to 'order-service'", "Create node 'inventory-servise'"],
  },
  {
    name: 'an interface of another node on a connects end',
    text: EXAMPLE_TEXT.replace('"node": "payment-service",\n            "interfaces": [\n              "payment-api"', '"node": "payment-service",\n            "interfaces": [\n              "order-api"'),
    code: 'referenced-interfaces-defined-on-correct-node-in-architecture',
    titles: ["Change to 'payment-api'", "Change node to 'order-service' (which defines 'order-api')"],
  },
  {
    name: 'a duplicated relationship id',
    text: readFileSync(join(SHARED_CALM, 'corpus/mutated/seed__dup-rel-unique-id.json'), 'utf8'),
    code: 'unique-ids-must-be-unique-in-architecture',
    titles: ["Rename this one to 'customer-to-gateway-2'"],
  },
  {
    name: 'an unreferenced node',
    text: orphan,
    code: 'architecture-nodes-must-be-referenced',
    titles: ["Add a relationship from 'audit-log' to 'api-gateway'", "Add a relationship from 'audit-log' to 'order-service'", "Add a relationship from 'audit-log' to 'inventory-service'"],
  },
  {
    name: 'a flow transition naming no relationship',
    text: readFileSync(join(SHARED_CALM, 'corpus/mutated/seed__seed-add-flow-bad-rel.json'), 'utf8'),
    code: 'flow-transitions-references-existing-relationship-in-architecture',
    titles: ["Change to 'gateway-to-orders'", "Change to 'customer-to-gateway'", "Change to 'admin-to-gateway'"],
  },
];

describe('quick fixes over LSP, applied and re-validated', () => {
  let client: LspTestClient;

  before(async () => {
    ({ client } = await LspTestClient.start({ settings: { validation: { debounceMs: 0 } } }));
  });
  after(async () => {
    await client.stop();
  });

  for (const c of CASES) {
    test(c.name, async () => {
      const uri = fileUri(`test-output/quick-fix-${c.code}.json`);
      const opened = client.diagnosticsFor(uri, 1);
      await client.open(uri, c.text, 'calm');
      const diagnostic = (await opened).diagnostics.find((d) => d.code === c.code);
      assert.ok(diagnostic, `a ${c.code} diagnostic`);
      const actions = (await client.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic], only: ['quickfix'] },
      })) as CodeAction[];
      assert.deepEqual(actions.map((a) => a.title), c.titles);
      for (const action of actions) {
        assert.equal(action.kind, 'quickfix');
        assert.deepEqual(action.diagnostics, [diagnostic], 'tied to the squiggle');
        assert.ok(action.edit);
        const fixed = applyTextEdits(c.text, editsFor(action.edit, uri));
        const version = await client.change(uri, fixed);
        const after: Diagnostic[] = (await client.diagnosticsFor(uri, version)).diagnostics;
        assert.ok(!after.some((d) => d.code === 'json-syntax'), `${action.title}: valid JSON`);
        assert.ok(!after.some((d) => d.code === diagnostic.code && d.message === diagnostic.message), `${action.title}: "${diagnostic.message}" is gone (${JSON.stringify(after.map((d) => d.message))})`);
        // Back to the mutant: the next action's edit is for that text (its version check aside).
        const reverted = await client.change(uri, c.text);
        await client.diagnosticsFor(uri, reverted);
      }
      await client.close(uri);
    });
  }

  test('a source action request gets no quick fix', async () => {
    const c = CASES[0];
    const uri = fileUri('test-output/quick-fix-only-source.json');
    const opened = client.diagnosticsFor(uri, 1);
    await client.open(uri, c.text, 'calm');
    const [diagnostic] = (await opened).diagnostics;
    const actions = await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['source'] } });
    assert.deepEqual(actions, []);
    await client.close(uri);
  });
});
