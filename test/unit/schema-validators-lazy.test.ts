import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { validateText } from '../../server/src/calm/engine';
import { loadedValidatorVersions, metaValidator } from '../../server/src/calm/schema/validators';

// Node's test runner gives this file a process of its own: nothing else has loaded a validator yet.
const seed = readFileSync(resolve(__dirname, '../../examples/ecommerce-platform.json'), 'utf8');
/** The generated modules Node has evaluated in this process (validators-<version>.cjs, validators-shared.cjs). */
const evaluatedModules = (): string[] =>
  Object.keys(require.cache)
    .map((file) => /[\\/]generated[\\/](validators-[\w.-]+)\.cjs$/.exec(file)?.[1])
    .filter((name): name is string => name !== undefined)
    .sort();
const asVersion = (version: string): string => seed.replace('https://calm.finos.org/release/1.1/meta/calm.json', `https://calm.finos.org/${version}/meta/calm.json`);

test("each CALM version's generated validators are loaded when a document first needs that version, and only then", () => {
  assert.ok(seed.includes('"https://calm.finos.org/release/1.1/meta/calm.json"'));
  assert.deepEqual(loadedValidatorVersions(), [], 'importing the engine loads no version');
  assert.deepEqual(evaluatedModules(), []);

  assert.deepEqual(validateText(seed).findings, []);
  assert.deepEqual(loadedValidatorVersions(), ['release/1.1'], 'a 1.1 architecture loads 1.1 alone');
  assert.deepEqual(evaluatedModules(), ['validators-release-1.1', 'validators-shared']);

  // The schema check ran on the loaded validator: a 1.1 schema error is still found.
  const broken = validateText(seed.replace('"node-type": "system"', '"node-type": 42'));
  assert.ok(broken.findings.some((f) => f.code === 'json-schema'), 'a schema error in a 1.1 document is reported');
  assert.deepEqual(loadedValidatorVersions(), ['release/1.1']);

  assert.deepEqual(validateText(asVersion('release/1.2')).findings, []);
  assert.deepEqual(loadedValidatorVersions(), ['release/1.1', 'release/1.2'], 'a 1.2 document adds 1.2, nothing else');
  assert.deepEqual(evaluatedModules(), ['validators-release-1.1', 'validators-release-1.2', 'validators-shared']);

  assert.equal(metaValidator('__proto__'), undefined);
  assert.equal(metaValidator('https://calm.finos.org/draft/2026-03/meta/no-such.json'), undefined);
  assert.deepEqual(loadedValidatorVersions(), ['release/1.1', 'release/1.2'], 'ids that are no entry schema load no generated module');
  assert.deepEqual(evaluatedModules(), ['validators-release-1.1', 'validators-release-1.2', 'validators-shared']);
});
