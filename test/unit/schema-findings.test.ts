import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { flattenFindings, type Finding } from '../../server/src/calm/findings';
import type { CalmDocument } from '../../server/src/calm/model';
import { parseCalm } from '../../server/src/calm/parse';
import { schemaFindings, type SchemaLoader } from '../../server/src/calm/schema';
import { seedValue } from './schema-support';

const CALM_1_1 = 'https://calm.finos.org/release/1.1/meta/calm.json';

function docOf(value: unknown): CalmDocument {
  return parseCalm(JSON.stringify(value, null, 2));
}

function textAt(doc: CalmDocument, f: Finding): string {
  return doc.text.slice(f.range.start, f.range.end);
}

function lineOf(doc: CalmDocument, offset: number): number {
  return doc.lines.positionAt(offset).line;
}

const noNetwork: SchemaLoader = (ref) => ({ ok: false, message: `${ref} is not available offline` });

describe('schema findings', () => {
  test('the tutorial architecture has none, under every bundled version', () => {
    for (const version of ['release/1.0', 'release/1.1', 'release/1.2', 'draft/2026-03']) {
      const seed = seedValue();
      seed.$schema = `https://calm.finos.org/${version}/meta/calm.json`;
      assert.deepEqual(schemaFindings(docOf(seed), {}), [], version);
    }
  });

  test('an unknown relationship type is one readable summary carrying every raw Ajv error', () => {
    const seed = seedValue();
    seed.relationships[0]['relationship-type'] = { 'depends-on': { actor: 'customer', nodes: ['api-gateway'] } };
    const doc = docOf(seed);
    const findings = schemaFindings(doc, {});
    assert.equal(findings.length, 1);
    const [summary] = findings;
    assert.equal(summary.path, '/relationships/customer-to-gateway/relationship-type');
    assert.match(summary.message, /exactly one of 'interacts', 'connects', 'deployed-in', 'composed-of' or 'options'/);
    assert.match(summary.message, /'depends-on'/);
    assert.equal(textAt(doc, summary), '"relationship-type"');
    // The raw findings, as the reference reports them: one per alternative tried, then the oneOf itself.
    const raw = flattenFindings(findings);
    assert.deepEqual(
      raw.map((f) => f.message),
      ["must have required property 'deployed-in'", "must have required property 'composed-of'", "must have required property 'interacts'", "must have required property 'connects'", "must have required property 'options'", 'must match exactly one schema in oneOf'],
    );
    assert.deepEqual(new Set(raw.map((f) => f.path)), new Set([summary.path]));
    assert.equal(raw[5].schemaPath, '#/properties/relationship-type/oneOf');
    for (const f of [summary, ...raw]) assert.deepEqual([f.code, f.severity, f.source], ['json-schema', 'error', 'json-schema']);
  });

  test('the summary names what the closest relationship type lacks, or the types that clash', () => {
    const seed = seedValue();
    seed.relationships[2]['relationship-type'] = { source: { node: 'api-gateway' }, destination: { node: 'order-service' } };
    seed.relationships[3]['relationship-type'] = { conects: { source: { node: 'order-service' }, destination: { node: 'order-database' } } };
    seed.relationships[0]['relationship-type'] = { interacts: { actor: 'customer', nodes: ['api-gateway'] }, connects: { source: { node: 'customer' }, destination: { node: 'api-gateway' } } };
    const messages = schemaFindings(docOf(seed), {}).map((f) => f.message);
    assert.equal(messages.length, 3);
    assert.ok(messages.some((m) => /has 2: 'interacts' and 'connects'/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /'source' and 'destination' belong inside 'connects'/.test(m)), messages.join('\n'));
    assert.ok(messages.some((m) => /Did you mean 'connects' instead of 'conects'\?/.test(m)), messages.join('\n'));
  });

  test('a relationship-type written as a string is one summary (the oneOf and the type error) saying how to write it', () => {
    const seed = seedValue();
    const relationship = seed.relationships[0];
    relationship.interacts = relationship['relationship-type'];
    relationship['relationship-type'] = 'interacts';
    const doc = docOf(seed);
    const findings = schemaFindings(doc, {});
    assert.equal(findings.length, 1);
    assert.equal(
      findings[0].message,
      `relationship-type must be an object holding exactly one of 'interacts', 'connects', 'deployed-in', 'composed-of' or 'options'; this is a string. Write "relationship-type": { "interacts": { ... } }, and move this relationship's 'interacts' property into it.`,
    );
    assert.deepEqual(flattenFindings(findings).map((f) => f.message), ['must match exactly one schema in oneOf', 'must be object']);
  });

  test('an interface without unique-id is summarised once, underlined at its opening brace', () => {
    const seed = seedValue();
    const gateway = seed.nodes.find((n) => n['unique-id'] === 'api-gateway')!;
    (gateway.interfaces as Record<string, unknown>[])[0] = { protocol: 'HTTPS', host: 'api.example.com', port: 443 };
    const doc = docOf(seed);
    const [summary, ...rest] = schemaFindings(doc, {});
    assert.equal(rest.length, 0);
    assert.equal(summary.path, '/nodes/api-gateway/interfaces/0');
    assert.match(summary.message, /no 'unique-id'/);
    assert.equal(textAt(doc, summary), '{');
    assert.ok(summary.children!.length >= 5);
  });

  test('a missing required property of an array element is underlined at its opening brace, not the whole object', () => {
    const seed = seedValue();
    delete seed.nodes[0].name;
    const doc = docOf(seed);
    const [finding] = schemaFindings(doc, {});
    assert.equal(finding.message, "must have required property 'name'");
    assert.equal(finding.path, '/nodes/customer');
    // An array element has no key: its opening brace, not the whole multi-line object.
    assert.equal(textAt(doc, finding), '{');
  });

  test('an extra property is named and underlined at its own key; the raw finding stays as the reference has it', () => {
    const seed = seedValue();
    seed.nodes[0].details = { 'detailed-architecture': 'x.json', color: 'blue' };
    const doc = docOf(seed);
    const [summary] = schemaFindings(doc, {});
    assert.equal(summary.message, "Property 'color' is not allowed in 'details'.");
    assert.equal(textAt(doc, summary), '"color"');
    const [raw] = summary.children!;
    assert.deepEqual([raw.message, raw.path, raw.schemaPath], ['must NOT have additional properties', '/nodes/customer/details', '#/properties/details/additionalProperties']);
    assert.equal(textAt(doc, raw), '"details"');
  });

  test('a wrong scalar is underlined whole, with enum values spelled out as the reference does', () => {
    const seed = seedValue();
    seed.relationships[2].protocol = 'GOPHER';
    const doc = docOf(seed);
    const [finding] = schemaFindings(doc, {});
    assert.equal(textAt(doc, finding), '"GOPHER"');
    assert.equal(finding.message, 'must be equal to one of the allowed values (expected one of ["HTTP","HTTPS","FTP","SFTP","JDBC","WebSocket","SocketIO","LDAP","AMQP","TLS","mTLS","TCP"])');
  });

  test('the version $schema names decides the rules: rc1 wants metadata as an array', () => {
    const seed = seedValue();
    seed.$schema = 'https://calm.finos.org/release/1.0-rc1/meta/calm.json';
    const findings = schemaFindings(docOf(seed), {});
    assert.ok(findings.length >= 1);
    assert.ok(findings.every((f) => f.message === 'must be array' && f.path.endsWith('/metadata')));
    seed.$schema = CALM_1_1;
    assert.deepEqual(schemaFindings(docOf(seed), {}), []);
  });

  test('calm.json also holds the document to the JSON Schema meta schema (as the reference does)', () => {
    const seed = seedValue();
    seed.title = 123;
    const [finding] = schemaFindings(docOf(seed), {});
    assert.deepEqual([finding.message, finding.path, finding.schemaPath], ['must be string', '/title', '#/properties/title/type']);
  });

  test('without $schema the newest release applies; an empty $schema counts as none', () => {
    for (const schema of [undefined, '']) {
      const seed = seedValue();
      seed.$schema = schema;
      delete seed.nodes[1]['node-type'];
      const findings = schemaFindings(docOf(seed), {});
      assert.deepEqual(findings.map((f) => [f.message, f.schemaPath]), [["must have required property 'node-type'", '#/required']], String(schema));
    }
  });
});

describe('what $schema says, when it cannot be used', () => {
  function schemaProblems(schema: unknown, loader?: SchemaLoader): { doc: CalmDocument; findings: Finding[] } {
    const seed = seedValue();
    seed.$schema = schema;
    const doc = docOf(seed);
    return { doc, findings: schemaFindings(doc, { loadSchema: loader }) };
  }

  test('an unknown CALM version: one finding at the $schema value, naming the known versions', () => {
    const { doc, findings } = schemaProblems('https://calm.finos.org/release/9.9/meta/calm.json');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].path, '/$schema');
    assert.equal(textAt(doc, findings[0]), '"https://calm.finos.org/release/9.9/meta/calm.json"');
    assert.match(findings[0].message, /release 9\.9, which this validator does not know \(it knows release 1\.0-rc1, 1\.0-rc2, 1\.0, 1\.1, 1\.2; draft 2025-03, 2026-03\)/);
  });

  test('a file a known version does not have', () => {
    const { findings } = schemaProblems('https://calm.finos.org/release/1.1/meta/calm-timeline.json');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /CALM release 1\.1 has no schema 'calm-timeline\.json'/);
  });

  test('a pattern that cannot be loaded: the loader says why, at the $schema value', () => {
    const { doc, findings } = schemaProblems('./does-not-exist.json', () => ({ ok: false, message: 'no such file: /tmp/does-not-exist.json' }));
    assert.equal(findings.length, 1);
    assert.equal(findings[0].message, "The pattern './does-not-exist.json' could not be loaded: no such file: /tmp/does-not-exist.json");
    assert.equal(textAt(doc, findings[0]), '"./does-not-exist.json"');
    assert.equal(lineOf(doc, findings[0].range.start), lineOf(doc, doc.text.indexOf('"$schema"')));
  });

  test('a pattern when the host loads nothing', () => {
    const { findings } = schemaProblems('https://example.com/calm.json');
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /could not be loaded: this host does not load schemas/);
  });

  test('a CALM URL with a stray trailing slash suggests the right one instead of fetching', () => {
    let asked = 0;
    const { findings } = schemaProblems(`${CALM_1_1}/`, (ref) => (asked++, noNetwork(ref)));
    assert.equal(asked, 0);
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, new RegExp(`did you mean '${CALM_1_1.replace(/\./g, '\\.')}'`));
  });

  test('a CALM URL without its scheme: the format error says which URL was meant', () => {
    const { findings } = schemaProblems('calm.finos.org/release/1.1/meta/calm.json');
    assert.equal(findings.length, 1);
    assert.equal(findings[0].message, "$schema must be an absolute URL: did you mean 'https://calm.finos.org/release/1.1/meta/calm.json'?");
    assert.deepEqual(flattenFindings(findings).map((f) => f.message), ['must match format "uri"']);
  });

  test('the JSON Schema meta schema is not mistaken for a pattern to fetch', () => {
    let asked = 0;
    const { findings } = schemaProblems('https://json-schema.org/draft/2020-12/schema', (ref) => (asked++, noNetwork(ref)));
    assert.equal(asked, 0);
    assert.equal(findings.length, 1);
    assert.match(findings[0].message, /is the JSON Schema meta schema: it describes schemas, not CALM documents/);
  });

  test('a non-string $schema is reported, and the document is still checked against the newest release', () => {
    const seed = seedValue();
    seed.$schema = 1;
    delete seed.nodes[0].description;
    const doc = docOf(seed);
    const findings = schemaFindings(doc, {});
    assert.equal(findings.length, 2);
    assert.match(findings[0].message, /\$schema must be a string.*this is a number/);
    assert.equal(textAt(doc, findings[0]), '1');
    assert.equal(findings[1].message, "must have required property 'description'");
  });
});

describe('timelines', () => {
  const moment = (id: string, extra: Record<string, unknown> = {}) => ({ 'unique-id': id, 'node-type': 'moment', name: id, description: `moment ${id}`, details: { 'detailed-architecture': `${id}.json` }, ...extra });

  test('a timeline is checked against the timeline schema of its version', () => {
    const timeline = {
      $schema: 'https://calm.finos.org/release/1.2/meta/calm-timeline.json',
      'current-moment': 'v2',
      moments: [moment('v1', { 'valid-from': '2025-01-01' }), moment('v2', { 'valid-from': 'last tuesday' }), { 'unique-id': 'v3', 'node-type': 'moment', name: 'v3', description: 'd' }],
    };
    const doc = docOf(timeline);
    assert.equal(doc.kind, 'timeline');
    const findings = flattenFindings(schemaFindings(doc, {}));
    assert.deepEqual(
      findings.map((f) => [f.path, f.message]),
      [
        ['/moments/v2/valid-from', 'must match format "date"'],
        ['/moments/v3', "must have required property 'details'"],
      ],
    );
  });

  test('an architecture that names the timeline schema lacks moments (at the root, underlined at its brace)', () => {
    const seed = seedValue();
    seed.$schema = 'https://calm.finos.org/release/1.2/meta/calm-timeline.json';
    const doc = docOf(seed);
    const findings = schemaFindings(doc, {});
    assert.deepEqual(findings.map((f) => [f.path, f.message, textAt(doc, f)]), [['/', "must have required property 'moments'", '{']]);
  });
});
