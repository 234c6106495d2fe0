import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ErrorObject } from 'ajv/dist/2020';
import { createCalmAjv } from '../../server/src/calm/schema/ajv-setup';
import { allMetaSchemas } from '../../server/src/calm/schema/definitions';
import { BUNDLED_ENTRY_FILES } from '../../server/src/calm/schema/entries';
import { groups } from '../../server/src/calm/schema/generated/validators.cjs';
import { corpusDocuments } from './schema-support';

/** Every generated validator, by `$id`, each version's module loaded here. */
const byId = new Map(Object.values(groups).flatMap((group) => Object.entries(group.load())));

const full = (e: ErrorObject) => `${e.instancePath} ${e.schemaPath} ${e.keyword} ${JSON.stringify(e.params)} ${e.message}`;

describe('the validators generated at build time', () => {
  test('exist for every entry schema of every version, in the module of its own version', () => {
    const entries = allMetaSchemas().filter((m) => BUNDLED_ENTRY_FILES.includes(m.file));
    assert.ok(entries.length >= 18);
    assert.deepEqual(entries.filter((m) => typeof byId.get(m.id) !== 'function').map((m) => m.id), []);
    assert.deepEqual(
      Object.entries(groups).flatMap(([version, group]) => group.ids.map((id) => [id, version])),
      entries.map((m) => [m.id, m.version]),
    );
    assert.deepEqual([...byId.keys()].sort(), entries.map((m) => m.id).sort());
  });

  test('report exactly what Ajv compiling our definitions now reports, in the same order, on the whole corpus', () => {
    // If this fails, the generated code is stale: run `node esbuild.mjs` (or `npm run build`).
    const ajv = createCalmAjv();
    const docs = corpusDocuments();
    let errors = 0;
    for (const meta of allMetaSchemas().filter((m) => BUNDLED_ENTRY_FILES.includes(m.file))) {
      const compiled = ajv.getSchema(meta.id)!;
      const generated = byId.get(meta.id)!;
      for (const doc of docs) {
        compiled(doc.value);
        generated(doc.value);
        const expected = (compiled.errors ?? []).map(full);
        assert.deepEqual((generated.errors ?? []).map(full), expected, `${doc.name} against ${meta.id}`);
        errors += expected.length;
      }
    }
    assert.ok(errors > 1000, `${errors} errors compared`);
  });
});
