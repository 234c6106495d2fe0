import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { EXAMPLE, exampleText, REPO_ROOT, replaceOnce, runCli, tempDir } from './cli-support';

// The built CLI keeps a code cache file per module it loads (see server/src/cli/code-cache.ts):
// in a cache folder of its own, those files say which on-demand modules a run required.
const home = tempDir('on-demand');
after(() => rmSync(home, { recursive: true, force: true }));
const env = { XDG_CACHE_HOME: home };
const cached = (): string[] => readdirSync(join(home, 'calm-lens')).sort();
const as12 = (text: string): string => replaceOnce(text, 'release/1.1/meta/calm.json', 'release/1.2/meta/calm.json');

test('the CALM validators (one module per version) and Ajv\'s compiler are bundles of their own, which the server and validate bundles require rather than contain', () => {
  const modules = readdirSync(join(REPO_ROOT, 'dist/validators')).filter((f) => f.endsWith('.js'));
  assert.ok(modules.includes('validators-shared.js'));
  const versions = modules.filter((f) => f !== 'validators-shared.js');
  for (const version of ['release-1.0', 'release-1.1', 'release-1.2', 'draft-2026-03']) assert.ok(versions.includes(`validators-${version}.js`), version);
  for (const bundle of ['server.js', 'cli-validate.js']) {
    const code = readFileSync(join(REPO_ROOT, 'dist', bundle), 'utf8');
    for (const module of versions) assert.ok(code.includes(`require("./validators/${module}")`), `${bundle} requires ${module}`);
    assert.ok(code.includes('require("./ajv-runtime.js")'), `${bundle} requires ajv-runtime.js`);
    assert.ok(!code.includes('function compileSchema('), `${bundle} does not contain Ajv's compiler`);
  }
});

test('the built CLI requires the validators of the versions its documents name, and no others', async () => {
  const first = await runCli(['validate', EXAMPLE], { env });
  assert.equal(first.stdout, '0 errors, 0 warnings in 1 file\n');
  assert.deepEqual(cached(), ['cli-validate.js.cache', 'validators-release-1.1.js.cache', 'validators-shared.js.cache']);

  const v12 = join(home, 'architecture-1.2.json');
  writeFileSync(v12, as12(exampleText()));
  const v12broken = join(home, 'broken-1.2.json');
  writeFileSync(v12broken, as12(replaceOnce(exampleText(), '"node-type": "system"', '"node-type": 42')));
  const second = await runCli(['validate', v12, v12broken], { env });
  assert.equal(second.code, 1, 'the 1.2 validators found the schema error');
  assert.match(second.stdout, /broken-1\.2\.json:\d+:\d+ error json-schema /);
  assert.deepEqual(cached(), ['cli-validate.js.cache', 'validators-release-1.1.js.cache', 'validators-release-1.2.js.cache', 'validators-shared.js.cache']);
});

test('the built CLI requires Ajv\'s compiler for a pattern only', async () => {
  const pattern = join(home, 'pattern.json');
  writeFileSync(
    pattern,
    JSON.stringify({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://example.com/patterns/needs-a-title.json',
      type: 'object',
      required: ['title'],
    }),
  );
  const plain = await runCli(['validate', EXAMPLE], { env });
  assert.equal(plain.code, 0);
  assert.ok(!cached().includes('ajv-runtime.js.cache'));
  const patterned = await runCli(['validate', '--pattern', pattern, EXAMPLE], { env });
  assert.equal(patterned.code, 1);
  assert.match(patterned.stdout, /must have required property 'title'/);
  assert.ok(cached().includes('ajv-runtime.js.cache'));
});
