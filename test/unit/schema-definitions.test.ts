import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { AnySchemaObject, ValidateFunction } from 'ajv/dist/2020';
import { allMetaSchemas, getMetaSchema, getMetaSchemas, VERSIONS } from '../../server/src/calm/schema/definitions';
import { CORPUS, corpusDocuments, errorKey, officialSchemas, referenceLikeAjv } from './schema-support';

const official = referenceLikeAjv();
for (const { schema } of officialSchemas()) official.addSchema(schema);
const ours = referenceLikeAjv();
for (const { schema } of allMetaSchemas()) ours.addSchema(schema as AnySchemaObject);

function errorSet(validate: ValidateFunction, value: unknown): string[] {
  validate(value);
  return [...new Set((validate.errors ?? []).map(errorKey))].sort();
}

/** The schemas a document can be validated against directly. */
const ENTRY_FILES = ['calm.json', 'core.json', 'calm-timeline.json', 'timeline.json'];

describe('our CALM definitions against the published schemas', () => {
  const docs = corpusDocuments();

  test('every published file has a counterpart answering the same $id', () => {
    const ourIds = new Set(allMetaSchemas().map((s) => s.id));
    const officialIds = officialSchemas().map((s) => s.id);
    assert.ok(officialIds.length >= 60);
    assert.deepEqual(officialIds.filter((id) => !ourIds.has(id)), []);
    assert.deepEqual([...ourIds].filter((id) => !officialIds.includes(id)), []);
  });

  for (const version of VERSIONS) {
    test(`${version.id}: every corpus document gets the same errors from ours as from the published schemas`, () => {
      let compared = 0;
      let withErrors = 0;
      for (const file of ENTRY_FILES) {
        const meta = getMetaSchema(version.id, file);
        if (!meta) continue;
        const theirs = official.getSchema(meta.id);
        const mine = ours.getSchema(meta.id);
        assert.ok(theirs && mine, meta.id);
        for (const doc of docs) {
          const expected = errorSet(theirs, doc.value);
          assert.deepEqual(errorSet(mine, doc.value), expected, `${doc.name} against ${meta.id}`);
          compared++;
          if (expected.length > 0) withErrors++;
        }
      }
      // The comparison must exercise failures, not only documents that pass everywhere.
      assert.ok(compared >= docs.length * 2 && withErrors >= 20, `${compared} comparisons, ${withErrors} with errors`);
    });
  }

  test('every published file, annotations aside, has exactly our structure (so every #/defs pointer and schema path agree)', () => {
    const ours = new Map(allMetaSchemas().map((m) => [m.id, m.schema]));
    const differing: string[] = [];
    for (const { id, schema } of officialSchemas()) {
      if (JSON.stringify(withoutAnnotations(ours.get(id))) !== JSON.stringify(withoutAnnotations(schema))) differing.push(id);
    }
    assert.deepEqual(differing, []);
  });

  test('architectures checked against a pattern that $refs the published pointers get the same errors', () => {
    for (const pair of ['api-gateway-ok', 'api-gateway-schema-mismatch', 'api-gateway-spectral-fail', 'options-oneof-a', 'seed-vs-api-gateway-pattern']) {
      const dir = join(CORPUS, 'pairs', pair);
      const pattern = JSON.parse(readFileSync(join(dir, 'pattern.json'), 'utf8')) as AnySchemaObject;
      const architecture: unknown = JSON.parse(readFileSync(join(dir, 'architecture.json'), 'utf8'));
      const theirs = official.compile({ ...pattern, $id: undefined });
      const mine = ours.compile({ ...pattern, $id: undefined });
      assert.deepEqual(errorSet(mine, architecture), errorSet(theirs, architecture), pair);
    }
  });

  test('every property we define carries a description (hover and completion show it)', () => {
    const undocumented: string[] = [];
    const walk = (schema: unknown, where: string): void => {
      if (schema === null || typeof schema !== 'object') return;
      const entries = Array.isArray(schema) ? schema.map((v, i) => [String(i), v] as const) : Object.entries(schema);
      const properties = Array.isArray(schema) ? undefined : (schema as Record<string, unknown>).properties;
      if (properties && typeof properties === 'object' && !Array.isArray(properties)) {
        for (const [name, sub] of Object.entries(properties)) {
          if (sub && typeof sub === 'object' && !Array.isArray(sub) && typeof (sub as Record<string, unknown>).description !== 'string') undocumented.push(`${where}/properties/${name}`);
        }
      }
      for (const [key, value] of entries) walk(value, `${where}/${key}`);
    };
    for (const meta of allMetaSchemas()) walk(meta.schema, `${meta.id}#`);
    assert.deepEqual(undocumented, []);
  });

  test('versions differ where the published files differ', () => {
    const deployedIn = (v: string) => (getMetaSchema(v, 'core.json')?.schema.defs as Record<string, Record<string, unknown>>)['deployed-in-type'];
    assert.equal(deployedIn('release/1.0-rc1').required, undefined);
    assert.deepEqual(deployedIn('release/1.1').required, ['container', 'nodes']);
    assert.equal(getMetaSchemas('release/1.1')?.some((s) => s.file === 'timeline.json'), false);
    assert.equal(getMetaSchemas('release/1.2')?.some((s) => s.file === 'timeline.json'), true);
    assert.equal(getMetaSchemas('release/9.9'), undefined);
  });
});

const ANNOTATIONS = new Set(['description', 'title', 'examples', '$comment']);
/** Keywords whose value maps names to schemas (a property may be called "description"). */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'defs', '$defs', 'dependentSchemas']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A schema without its annotations, keys sorted: what decides validation results and schema paths. */
function withoutAnnotations(schema: unknown): unknown {
  if (!isPlainObject(schema)) return schema;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(schema).sort()) {
    const value = schema[key];
    if (ANNOTATIONS.has(key)) continue;
    if (SCHEMA_MAPS.has(key) && isPlainObject(value)) {
      out[key] = Object.fromEntries(Object.keys(value).sort().map((name) => [name, withoutAnnotations(value[name])]));
    } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) {
      out[key] = value.map(withoutAnnotations);
    } else if (isPlainObject(value) && key !== 'const' && key !== '$vocabulary') {
      out[key] = withoutAnnotations(value);
    } else {
      out[key] = value;
    }
  }
  return out;
}
