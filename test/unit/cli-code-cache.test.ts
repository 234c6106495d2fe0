import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { EXAMPLE, runCli, tempDir } from './cli-support';

describe('calm-lens keeps a V8 code cache of its validate bundle', () => {
  const home = tempDir('code-cache');
  after(() => rmSync(home, { recursive: true, force: true }));
  const cacheFile = join(home, 'calm-lens', 'cli-validate.js.cache');
  const env = { XDG_CACHE_HOME: home };

  test('the first run writes it, privately; later runs answer the same', async () => {
    const first = await runCli(['validate', EXAMPLE], { env });
    assert.equal(first.code, 0);
    assert.ok(existsSync(cacheFile));
    assert.equal(statSync(join(home, 'calm-lens')).mode & 0o077, 0);
    assert.equal(statSync(cacheFile).mode & 0o077, 0);
    const key = readFileSync(cacheFile).subarray(0, readFileSync(cacheFile).indexOf(10)).toString('utf8');
    assert.match(key, new RegExp(`"${process.version.replace(/\./g, '\\.')}"`));
    const second = await runCli(['validate', EXAMPLE], { env });
    assert.deepEqual(second, first);
  });

  test('a corrupt cache is ignored and replaced', async () => {
    const key = readFileSync(cacheFile).subarray(0, readFileSync(cacheFile).indexOf(10) + 1);
    writeFileSync(cacheFile, Buffer.concat([key, Buffer.from('not bytecode at all')]));
    const r = await runCli(['validate', EXAMPLE], { env });
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '0 errors, 0 warnings in 1 file\n');
    assert.ok(statSync(cacheFile).size > 10_000);
  });

  test('a cache folder others may write to is not used, nor is any folder under NODE_DISABLE_COMPILE_CACHE', async () => {
    const shared = tempDir('shared-cache');
    try {
      mkdirSync(join(shared, 'calm-lens'), { mode: 0o777 });
      chmodSync(join(shared, 'calm-lens'), 0o777);
      const r = await runCli(['validate', EXAMPLE], { env: { XDG_CACHE_HOME: shared } });
      assert.equal(r.code, 0);
      assert.ok(!existsSync(join(shared, 'calm-lens', 'cli-validate.js.cache')));
      const off = await runCli(['validate', EXAMPLE], { env: { XDG_CACHE_HOME: join(shared, 'off'), NODE_DISABLE_COMPILE_CACHE: '1' } });
      assert.equal(off.code, 0);
      assert.ok(!existsSync(join(shared, 'off')));
    } finally {
      rmSync(shared, { recursive: true, force: true });
    }
  });
});
