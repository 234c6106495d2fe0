import assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { EXAMPLE, exampleText, REPO_ROOT, replaceOnce, runCli, tempDir } from './cli-support';

// The built CLI keeps a code cache file per module it loads (see server/src/cli/code-cache.ts):
// in a cache folder of its own, those files say which validator modules a run required.
const home = tempDir('validators-lazy');
after(() => rmSync(home, { recursive: true, force: true }));
const cached = (): string[] => readdirSync(join(home, 'calm-lens')).sort();

test('dist/ holds one validator module per CALM version, which the server and validate bundles require rather than contain', () => {
  const modules = readdirSync(join(REPO_ROOT, 'dist/validators')).filter((f) => f.endsWith('.js'));
  assert.ok(modules.includes('validators-shared.js'));
  const versions = modules.filter((f) => f !== 'validators-shared.js');
  for (const version of ['release-1.0', 'release-1.1', 'release-1.2', 'draft-2026-03']) assert.ok(versions.includes(`validators-${version}.js`), version);
  for (const bundle of ['server.js', 'cli-validate.js']) {
    const code = readFileSync(join(REPO_ROOT, 'dist', bundle), 'utf8');
    for (const module of versions) assert.ok(code.includes(`require("./validators/${module}")`), `${bundle} requires ${module}`);
  }
});

test('the built CLI requires the validators of the versions its documents name, and no others', async () => {
  const env = { XDG_CACHE_HOME: home };
  const first = await runCli(['validate', EXAMPLE], { env });
  assert.equal(first.stdout, '0 errors, 0 warnings in 1 file\n');
  assert.deepEqual(cached(), ['cli-validate.js.cache', 'validators-release-1.1.js.cache', 'validators-shared.js.cache']);

  const v12 = join(home, 'architecture-1.2.json');
  writeFileSync(v12, replaceOnce(exampleText(), 'release/1.1/meta/calm.json', 'release/1.2/meta/calm.json'));
  const broken = replaceOnce(exampleText(), '"node-type": "system"', '"node-type": 42').replace('release/1.1/meta/calm.json', 'release/1.2/meta/calm.json');
  const v12broken = join(home, 'broken-1.2.json');
  writeFileSync(v12broken, broken);
  const second = await runCli(['validate', v12, v12broken], { env });
  assert.equal(second.code, 1, 'the 1.2 validators found the schema error');
  assert.match(second.stdout, /broken-1\.2\.json:\d+:\d+ error json-schema /);
  assert.deepEqual(cached(), ['cli-validate.js.cache', 'validators-release-1.1.js.cache', 'validators-release-1.2.js.cache', 'validators-shared.js.cache']);
});
