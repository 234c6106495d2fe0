import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { flattenFindings } from '../../server/src/calm/findings';
import { parseCalm } from '../../server/src/calm/parse';
import { schemaFindings, type SchemaLoader } from '../../server/src/calm/schema';
import { patternValidator } from '../../server/src/calm/schema/patterns';

const CORE_1_1 = 'https://calm.finos.org/release/1.1/meta/core.json';

function pattern(id: string, gatewayName = 'API Gateway'): Record<string, unknown> {
  return {
    $schema: 'https://calm.finos.org/release/1.1/meta/calm.json',
    $id: id,
    type: 'object',
    properties: {
      nodes: {
        type: 'array',
        minItems: 1,
        prefixItems: [
          {
            $ref: `${CORE_1_1}#/defs/node`,
            properties: { 'unique-id': { const: 'api-gateway' }, name: { const: gatewayName }, 'node-type': { const: 'service' } },
          },
        ],
      },
      relationships: { type: 'array', items: { $ref: `${CORE_1_1}#/defs/relationship` } },
    },
    required: ['nodes', 'relationships'],
  };
}

function architecture(schema: string, node: Record<string, unknown>): string {
  return JSON.stringify({ $schema: schema, nodes: [node], relationships: [] }, null, 2);
}

/** A loader over an in-memory set of files that records what it was asked for. */
function memoryLoader(files: Record<string, unknown>): SchemaLoader & { asked: string[] } {
  const asked: string[] = [];
  const load: SchemaLoader = (ref) => {
    asked.push(ref);
    return ref in files ? { ok: true, schema: files[ref], source: `/patterns/${ref}` } : { ok: false, message: `no file for ${ref}` };
  };
  return Object.assign(load, { asked });
}

const gateway = { 'unique-id': 'api-gateway', 'node-type': 'service', name: 'API Gateway', description: 'entry point' };

describe('architectures validated against a pattern', () => {
  test("a pattern's $refs to the published CALM ids resolve to the bundled definitions, offline", () => {
    const load = memoryLoader({ './gateway.pattern.json': pattern('https://example.com/patterns/gateway-1') });
    const { name: _dropped, ...nameless } = gateway;
    const doc = parseCalm(architecture('./gateway.pattern.json', nameless));
    const findings = flattenFindings(schemaFindings(doc, { loadSchema: load }));
    assert.deepEqual(findings.map((f) => [f.path, f.message]), [['/nodes/api-gateway', "must have required property 'name'"]]);
    // Only the pattern itself was asked for: the CALM meta schemas never went to the loader (or the network).
    assert.deepEqual(load.asked, ['./gateway.pattern.json']);
  });

  test('a conforming architecture has no findings; a pattern constraint is reported as the reference does', () => {
    const load = memoryLoader({ 'p.json': pattern('https://example.com/patterns/gateway-2') });
    assert.deepEqual(schemaFindings(parseCalm(architecture('p.json', gateway)), { loadSchema: load }), []);
    const renamed = parseCalm(architecture('p.json', { ...gateway, name: 'Front Door' }));
    const [finding] = schemaFindings(renamed, { loadSchema: load });
    assert.deepEqual(
      [finding.path, finding.message, finding.schemaPath],
      ['/nodes/api-gateway/name', 'must be equal to constant (expected "API Gateway")', '#/properties/nodes/prefixItems/0/properties/name/const'],
    );
  });

  test('--pattern overrides the CALM schema the document names', () => {
    const load = memoryLoader({ '/abs/p.json': pattern('https://example.com/patterns/gateway-3') });
    const doc = parseCalm(architecture('https://calm.finos.org/release/1.1/meta/calm.json', { ...gateway, 'unique-id': 'edge' }));
    assert.deepEqual(schemaFindings(doc, {}), []);
    const findings = schemaFindings(doc, { loadSchema: load, patternRef: '/abs/p.json' });
    assert.deepEqual(findings.map((f) => f.path), ['/nodes/edge/unique-id']);
  });

  test('a pattern that is not a valid schema is reported at $schema, with Ajv text as the reference prints it', () => {
    const broken = pattern('https://example.com/patterns/broken');
    (broken.properties as Record<string, Record<string, unknown>>).nodes.type = 'list';
    const load = memoryLoader({ 'broken.json': broken });
    const doc = parseCalm(architecture('broken.json', gateway));
    const findings = schemaFindings(doc, { loadSchema: load });
    assert.equal(findings.length, 1);
    assert.equal(findings[0].path, '/$schema');
    assert.equal(
      findings[0].message,
      "The pattern '/patterns/broken.json' is not a valid schema: data/properties/nodes/type must be equal to one of the allowed values, data/properties/nodes/type must be array, data/properties/nodes/type must match a schema in anyOf",
    );
  });

  test("a $ref to a schema we do not bundle goes through the host's loader", () => {
    const withRef = pattern('https://example.com/patterns/with-ref');
    (withRef.properties as Record<string, unknown>).metadata = { $ref: 'https://example.com/schemas/metadata.json' };
    const load = memoryLoader({ 'p.json': withRef, 'https://example.com/schemas/metadata.json': { type: 'object', required: ['owner'] } });
    const doc = parseCalm(JSON.stringify({ $schema: 'p.json', nodes: [gateway], relationships: [], metadata: {} }, null, 2));
    const findings = schemaFindings(doc, { loadSchema: load });
    assert.deepEqual(load.asked, ['p.json', 'https://example.com/schemas/metadata.json']);
    assert.deepEqual(findings.map((f) => [f.path, f.message]), [['/metadata', "must have required property 'owner'"]]);

    const missing = memoryLoader({ 'p.json': { ...withRef, $id: 'https://example.com/patterns/with-missing-ref', properties: { metadata: { $ref: 'https://example.com/schemas/gone.json' } } } });
    const [problem] = schemaFindings(doc, { loadSchema: missing });
    assert.match(problem.message, /refers to 'https:\/\/example\.com\/schemas\/gone\.json', which could not be loaded: no file for/);
  });

  test('a pattern is compiled once per content; an edited pattern with the same $id replaces the old one', () => {
    const id = 'https://example.com/patterns/edited';
    const first = patternValidator('p.json', memoryLoader({ 'p.json': pattern(id) }));
    const again = patternValidator('p.json', memoryLoader({ 'p.json': pattern(id) }));
    assert.ok(first.ok && again.ok);
    assert.equal(again.validate, first.validate);
    const edited = patternValidator('p.json', memoryLoader({ 'p.json': pattern(id, 'Edge Gateway') }));
    assert.ok(edited.ok);
    assert.notEqual(edited.validate, first.validate);
    assert.equal(edited.validate({ nodes: [{ ...gateway, name: 'Edge Gateway' }], relationships: [] }), true);
    assert.equal(edited.validate({ nodes: [gateway], relationships: [] }), false);
  });

  test("a pattern's own oneOf failing is summarised by its closest alternative", () => {
    const choice = pattern('https://example.com/patterns/choice');
    (choice.properties as Record<string, unknown>).nodes = {
      type: 'array',
      prefixItems: [
        {
          oneOf: [
            { properties: { 'node-type': { const: 'database' } }, required: ['node-type'] },
            { properties: { 'node-type': { const: 'service' }, port: { type: 'integer' } }, required: ['node-type', 'port'] },
          ],
        },
      ],
    };
    const load = memoryLoader({ 'p.json': choice });
    const doc = parseCalm(architecture('p.json', { ...gateway, port: 'eighty' }));
    const [summary, ...rest] = schemaFindings(doc, { loadSchema: load });
    assert.equal(rest.length, 0);
    assert.equal(summary.path, '/nodes/api-gateway');
    assert.equal(summary.message, `'api-gateway' matches none of the alternatives; the closest (#2) fails: port: must be integer.`);
    assert.deepEqual(flattenFindings([summary]).map((f) => f.message), ['must be equal to constant (expected "database")', 'must be integer', 'must match exactly one schema in oneOf']);
  });

  test('a pattern may not take the $id of a CALM meta schema', () => {
    const result = patternValidator('p.json', memoryLoader({ 'p.json': pattern(CORE_1_1) }));
    assert.equal(result.ok, false);
    assert.match(result.ok ? '' : result.message, /claims the \$id of a CALM meta schema/);
  });
});

describe('pattern documents', () => {
  test('a pattern is checked as a schema: the reference path and text, underlined at the bad value', () => {
    const broken = pattern('https://example.com/patterns/doc');
    (broken.properties as Record<string, Record<string, unknown>>).nodes.type = 'INVALID VALUE HERE!';
    const doc = parseCalm(JSON.stringify(broken, null, 2));
    assert.equal(doc.kind, 'pattern');
    const [summary, ...rest] = schemaFindings(doc, {});
    assert.equal(rest.length, 0);
    assert.match(summary.message, /^This pattern is not a valid schema: 'type' matches none of the alternatives: it must be equal to one of the allowed values \(expected one of \["array","boolean","integer","null","number","object","string"\]\), or must be array\.$/);
    assert.equal(doc.text.slice(summary.range.start, summary.range.end), '"INVALID VALUE HERE!"');
    assert.deepEqual(
      flattenFindings([summary]).map((f) => [f.path, f.message]),
      [['/', 'schema is invalid: data/properties/nodes/type must be equal to one of the allowed values, data/properties/nodes/type must be array, data/properties/nodes/type must match a schema in anyOf']],
    );
  });

  test('a valid pattern has no schema findings', () => {
    assert.deepEqual(schemaFindings(parseCalm(JSON.stringify(pattern('https://example.com/patterns/ok'), null, 2)), {}), []);
  });
});
