import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { EXAMPLE, REPO_ROOT, runCli, tempDir } from './cli-support';

// Each test spawns its own CLI and only reads the shared folder: they may run side by side.
describe('calm-lens: commands, help and usage errors', { concurrency: 2 }, () => {
  const dir = tempDir('usage');
  mkdirSync(join(dir, 'folder'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('--version prints the package version', async () => {
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    const r = await runCli(['--version']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, `${version}\n`);
  });

  test('--help lists the validate command; validate --help shows its options and exit codes', async () => {
    const general = await runCli(['--help']);
    assert.equal(general.code, 0);
    assert.match(general.stdout, /^Usage: calm-lens <command>/);
    assert.match(general.stdout, /\n {2}validate {2}/);
    const own = await runCli(['validate', '--help']);
    assert.equal(own.code, 0);
    assert.match(own.stdout, /^Usage: calm-lens validate <files or globs\.\.\.>/);
    for (const option of ['--format', '--strict', '--pattern', '--url-map']) assert.ok(own.stdout.includes(option), option);
  });

  const usageErrors: ReadonlyArray<{ name: string; args: string[]; says: RegExp }> = [
    { name: 'no command at all', args: [], says: /Usage: calm-lens <command>/ },
    { name: 'an unknown command', args: ['frobnicate'], says: /unknown command 'frobnicate'/ },
    { name: 'validate without files', args: ['validate'], says: /no files given/ },
    { name: 'an unknown option', args: ['validate', '--bogus', EXAMPLE], says: /Unknown option '--bogus'/ },
    { name: 'an unknown format', args: ['validate', '--format', 'xml', EXAMPLE], says: /unknown format 'xml' \(use one of: pretty, json, calm-json, junit\)/ },
    { name: 'an option without its value', args: ['validate', EXAMPLE, '--pattern'], says: /--pattern/ },
    { name: 'a missing file', args: ['validate', 'missing.json'], says: /cannot read 'missing\.json': no such file/ },
    { name: 'a folder instead of a file', args: ['validate', 'folder'], says: /cannot read 'folder': a directory \(to check what it holds, give a glob such as 'folder\/\*\*\/\*\.json'\)/ },
    { name: 'a glob that matches nothing', args: ['validate', 'nowhere/**/*.json'], says: /no files match 'nowhere\/\*\*\/\*\.json'/ },
    { name: 'a missing URL map', args: ['validate', EXAMPLE, '--url-map', 'no-map.json'], says: /--url-map no-map\.json: URL map: File not found/ },
    { name: 'a missing pattern', args: ['validate', EXAMPLE, '--pattern', 'no-pattern.json'], says: /cannot read the pattern 'no-pattern\.json': no such file/ },
  ];
  for (const { name, args, says } of usageErrors) {
    test(`${name}: exit 2, a clear message on stderr, no report`, async () => {
      const r = await runCli(args, { cwd: dir });
      assert.equal(r.code, 2, r.stderr);
      assert.match(r.stderr, says);
      // A plain message for a plain mistake: no stack trace, no "internal error".
      assert.ok(!/internal error|\n\s+at /.test(r.stderr), r.stderr);
      if (args[0] === 'validate') assert.ok(r.stderr.startsWith('calm-lens validate: ') && r.stderr.endsWith("Run 'calm-lens validate --help' for usage.\n"), r.stderr);
      assert.equal(r.stdout, '');
    });
  }

  test('a missing file among valid ones stops the run before any report', async () => {
    const r = await runCli(['validate', EXAMPLE, 'missing.json'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^calm-lens validate: cannot read 'missing\.json': no such file\./);
    assert.equal(r.stdout, '');
  });
});
