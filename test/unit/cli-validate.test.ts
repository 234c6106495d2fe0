import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { EXAMPLE, exampleText, lineColumn, runCli, replaceOnce, tempDir } from './cli-support';

const NOT_FOUND = 'relationship-references-existing-nodes-in-architecture';

/** The example with the admin's `interacts` naming a node that does not exist. */
function danglingMutant(actor = 'ghost-admin'): string {
  return replaceOnce(exampleText(), '"actor": "admin"', `"actor": ${JSON.stringify(actor)}`);
}

/** The example plus a node no relationship mentions: a warning, no error. */
function orphanMutant(): string {
  return replaceOnce(
    exampleText(),
    '\n  "nodes": [\n',
    '\n  "nodes": [\n    { "unique-id": "orphan", "node-type": "service", "name": "Orphan", "description": "Nobody calls it" },\n',
  );
}

describe('calm-lens validate: pretty output and exit codes', () => {
  const dir = tempDir('validate');
  after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'dangling.json'), danglingMutant());
  writeFileSync(join(dir, 'orphan.json'), orphanMutant());

  test('the example: exit 0 and "0 errors"', async () => {
    const r = await runCli(['validate', EXAMPLE]);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.equal(r.stdout, '0 errors, 0 warnings in 1 file\n');
    assert.equal(r.stderr, '');
  });

  test('a dangling reference: exit 1 and a file:line:col line at the offending value', async () => {
    const text = danglingMutant();
    const at = lineColumn(text, text.indexOf('"ghost-admin"'));
    const r = await runCli(['validate', 'dangling.json'], { cwd: dir });
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.ok(
      lines.includes(`dangling.json:${at.line}:${at.column} error ${NOT_FOUND} 'ghost-admin' does not refer to the unique-id of an existing node.`),
      r.stdout,
    );
    // The admin is no longer referenced by anything: the reference warns about it too.
    assert.ok(lines.some((l) => / warning architecture-nodes-must-be-referenced Node with ID 'admin' is not referenced by any relationships\.$/.test(l)), r.stdout);
    assert.equal(lines.at(-1), '1 error, 1 warning in 1 file');
  });

  test('warnings alone pass; with --strict they fail the run', async () => {
    const plain = await runCli(['validate', 'orphan.json'], { cwd: dir });
    assert.equal(plain.code, 0);
    assert.match(plain.stdout, /^orphan\.json:\d+:\d+ warning architecture-nodes-must-be-referenced Node with ID 'orphan' is not referenced by any relationships\.\n/);
    assert.ok(plain.stdout.endsWith('0 errors, 1 warning in 1 file\n'));
    const strict = await runCli(['validate', '--strict', 'orphan.json'], { cwd: dir });
    assert.equal(strict.code, 1);
    assert.equal(strict.stdout, plain.stdout);
  });

  test('output to a pipe has no colour codes, whatever FORCE_COLOR says', async () => {
    const r = await runCli(['validate', 'dangling.json'], { cwd: dir, env: { FORCE_COLOR: '1' } });
    assert.equal(r.code, 1);
    assert.ok(!r.stdout.includes('\u001b'), JSON.stringify(r.stdout));
  });

  test('control characters from the document are spelled out: one finding, one line, no escape sequences', async () => {
    const evil = 'evil\nline\u001b[2J\u0007';
    writeFileSync(join(dir, 'evil.json'), danglingMutant(evil));
    const r = await runCli(['validate', 'evil.json'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.ok(!/[\u0000-\u0009\u000b-\u001f]/.test(r.stdout), JSON.stringify(r.stdout));
    const line = r.stdout.split('\n').find((l) => l.includes(NOT_FOUND));
    assert.ok(line?.endsWith(`'evil\\nline\\u001b[2J\\u0007' does not refer to the unique-id of an existing node.`), line);
  });

  test('json: findings keyed by file, each with a 1-based range', async () => {
    const text = danglingMutant();
    const start = lineColumn(text, text.indexOf('"ghost-admin"'));
    const end = lineColumn(text, text.indexOf('"ghost-admin"') + '"ghost-admin"'.length);
    const r = await runCli(['validate', '--format', 'json', 'dangling.json', 'orphan.json'], { cwd: dir });
    assert.equal(r.code, 1);
    const report = JSON.parse(r.stdout) as Record<string, { file: string; code: string; severity: string; message: string; path: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } }[]>;
    assert.deepEqual(Object.keys(report), ['dangling.json', 'orphan.json']);
    const dangling = report['dangling.json'].find((f) => f.code === NOT_FOUND);
    assert.deepEqual(dangling, {
      file: 'dangling.json',
      code: NOT_FOUND,
      severity: 'error',
      message: "'ghost-admin' does not refer to the unique-id of an existing node.",
      path: '/relationships/admin-to-gateway/relationship-type/interacts/actor',
      range: { start: { line: start.line, character: start.column }, end: { line: end.line, character: end.column } },
      source: 'rule',
    });
    assert.deepEqual(report['orphan.json'].map((f) => [f.code, f.severity]), [['architecture-nodes-must-be-referenced', 'warning']]);
  });
});

describe('calm-lens validate: files and globs', () => {
  const dir = tempDir('globs');
  after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'nested/deeper'), { recursive: true });
  copyFileSync(EXAMPLE, join(dir, 'a.json'));
  copyFileSync(EXAMPLE, join(dir, 'nested/b.json'));
  writeFileSync(join(dir, 'nested/deeper/c.json'), danglingMutant());
  writeFileSync(join(dir, 'nested/notes.txt'), 'not a CALM document');

  test('a recursive glob finds every matching file and only those', async () => {
    const r = await runCli(['validate', '**/*.json'], { cwd: dir });
    assert.equal(r.code, 1);
    assert.ok(r.stdout.endsWith('1 error, 1 warning in 3 files\n'), r.stdout);
    const located = r.stdout.split('\n').filter((l) => /^\S+:\d+:\d+ /.test(l)).map((l) => l.slice(0, l.indexOf(':')));
    assert.deepEqual([...new Set(located)], ['nested/deeper/c.json']);
  });

  test('a file named twice, by a glob and by name, is validated once', async () => {
    const r = await runCli(['validate', 'nested/*.json', 'a.json', 'nested/b.json', './a.json'], { cwd: dir });
    assert.equal(r.code, 0);
    assert.equal(r.stdout, '0 errors, 0 warnings in 2 files\n');
  });

  test('a file whose name looks like a glob is taken literally', async () => {
    const own = tempDir('literal');
    try {
      copyFileSync(EXAMPLE, join(own, 'odd[1].json'));
      const r = await runCli(['validate', 'odd[1].json'], { cwd: own });
      assert.equal(r.code, 0);
      assert.equal(r.stdout, '0 errors, 0 warnings in 1 file\n');
    } finally {
      rmSync(own, { recursive: true, force: true });
    }
  });
});
