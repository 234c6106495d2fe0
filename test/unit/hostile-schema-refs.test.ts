/**
 * A `$schema` naming something hostile or absent: a missing file, a folder, a file outside the workspace,
 * a remote URL, a device that never ends, a named pipe that blocks. Through the language server's
 * file-system loader (server/src/node-runtime.ts over node-schema-loader.ts), each is one clear finding
 * on the `$schema` value: never a crash, a freeze, a network request, or a line of another file shown.
 */
import assert from 'node:assert/strict';
import { spawnSync, execFileSync } from 'node:child_process';
import dns from 'node:dns';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { validateText } from '../../server/src/calm/engine';
import type { SchemaLoader } from '../../server/src/calm/schema/loader';
import { createSchemaLoaderForDocument } from '../../server/src/node-runtime';
import { createNodeSchemaLoader } from '../../server/src/node-schema-loader';

const SECRET = 'root:x:0:0:do-not-show-this';
const PATTERN = { $schema: 'https://calm.finos.org/release/1.1/meta/calm.json', type: 'object', required: ['nodes'] };

function architecture(schema: string): string {
  return JSON.stringify(
    {
      $schema: schema,
      nodes: [{ 'unique-id': 'a', 'node-type': 'service', name: 'A', description: 'a' }],
      relationships: [{ 'unique-id': 'r', description: 'r', 'relationship-type': { interacts: { actor: 'a', nodes: ['a'] } } }],
    },
    null,
    2,
  );
}

/** The findings of a document naming `schema`: [code, path, message, underlined text]; no rule may throw. */
function findingsFor(schema: string, loader: SchemaLoader): [string, string, string, string][] {
  const text = architecture(schema);
  const result = validateText(text, { loadSchema: loader });
  assert.deepEqual(result.ruleFailures, []);
  return result.findings.map((f) => [f.code, f.path, f.message, text.slice(f.range.start, f.range.end)]);
}

/** Runs `work` with every way Node reaches the network replaced by a recorder that refuses. */
function networkAttempts(work: () => void): string[] {
  const attempts: string[] = [];
  const restore: (() => void)[] = [];
  function refuse<O extends object>(owner: O, key: keyof O & string, label: string): void {
    const original = owner[key];
    const recorder = (): never => {
      attempts.push(label);
      throw new Error(`network access in a test: ${label}`);
    };
    Object.defineProperty(owner, key, { value: recorder, configurable: true, writable: true });
    restore.push(() => Object.defineProperty(owner, key, { value: original, configurable: true, writable: true }));
  }
  refuse(net.Socket.prototype, 'connect', 'net.Socket#connect');
  refuse(dns, 'lookup', 'dns.lookup');
  refuse(http, 'request', 'http.request');
  refuse(http, 'get', 'http.get');
  refuse(https, 'request', 'https.request');
  refuse(https, 'get', 'https.get');
  refuse(globalThis, 'fetch', 'fetch');
  try {
    work();
  } finally {
    for (const undo of restore) undo();
  }
  return attempts;
}

describe('hostile $schema references', () => {
  let base: string;
  let workspace: string;
  let docs: string;
  let outside: string;
  let loader: SchemaLoader;

  before(() => {
    base = mkdtempSync(join(tmpdir(), 'calm-hostile-schema-'));
    workspace = join(base, 'workspace');
    docs = join(workspace, 'docs');
    outside = join(base, 'outside');
    mkdirSync(join(workspace, 'patterns', 'a-folder'), { recursive: true });
    mkdirSync(docs, { recursive: true });
    mkdirSync(outside);
    writeFileSync(join(workspace, 'patterns', 'pattern.json'), JSON.stringify(PATTERN));
    writeFileSync(join(outside, 'pattern.json'), JSON.stringify(PATTERN));
    writeFileSync(join(outside, 'passwd'), `${SECRET}\n`);
    execFileSync('mkfifo', [join(workspace, 'patterns', 'pipe.json')]);
    // What the server builds for a document saved in docs/ of that workspace.
    loader = createSchemaLoaderForDocument({ documentUri: pathToFileURL(join(docs, 'architecture.json')).toString(), urlMap: '', workspaceFolders: [pathToFileURL(workspace).toString()] });
  });
  after(() => rmSync(base, { recursive: true, force: true }));

  test('a pattern in the workspace loads (the fixture is sound)', () => {
    assert.deepEqual(findingsFor('../patterns/pattern.json', loader), []);
  });

  test('a missing file: "File not found" with its resolved path, on the $schema value', () => {
    assert.deepEqual(findingsFor('../patterns/missing.json', loader), [
      ['json-schema', '/$schema', `The pattern '../patterns/missing.json' could not be loaded: File not found: ${join(workspace, 'patterns', 'missing.json')}`, '"../patterns/missing.json"'],
    ]);
  });

  test('a folder: said to be a folder, on the $schema value', () => {
    for (const ref of ['../patterns/a-folder', '../patterns', './', pathToFileURL(join(workspace, 'patterns')).toString()]) {
      const [finding, ...rest] = findingsFor(ref, loader);
      assert.deepEqual(rest, [], ref);
      assert.deepEqual(finding.slice(0, 2), ['json-schema', '/$schema'], ref);
      assert.match(finding[2], /^The pattern '.*' could not be loaded: .* is a folder, not a JSON file\.$/, ref);
      assert.equal(finding[3], JSON.stringify(ref));
    }
  });

  test('a file outside the workspace (relative, absolute, file URL): not read, and said why', () => {
    for (const ref of ['../../outside/pattern.json', join(outside, 'pattern.json'), pathToFileURL(join(outside, 'pattern.json')).toString(), '../../outside/passwd', '/etc/passwd']) {
      const found = findingsFor(ref, loader);
      assert.equal(found.length, 1, ref);
      const [code, path, message, underlined] = found[0];
      assert.deepEqual([code, path, underlined], ['json-schema', '/$schema', JSON.stringify(ref)], ref);
      assert.match(message, /is outside the workspace folders: patterns are read only from the workspace, or from the files a URL map names \(setting calm\.schemas\.urlMap\)\.$/, ref);
      assert.ok(!message.includes('root:x'), ref);
    }
  });

  test('without a workspace (the CLI), a file elsewhere that is not JSON: not valid JSON, and none of its text shown', () => {
    const cli = createNodeSchemaLoader({ baseDir: docs });
    const [[code, path, message]] = findingsFor('../../outside/passwd', cli);
    assert.deepEqual([code, path], ['json-schema', '/$schema']);
    assert.equal(message, `The pattern '../../outside/passwd' could not be loaded: ${join(outside, 'passwd')} is not valid JSON: Unexpected token 'r'`);
    assert.ok(!message.includes('do-not-show-this'));
    assert.deepEqual(findingsFor('../../outside/pattern.json', cli), [], 'a pattern elsewhere is read, as the reference CLI does');
  });

  test('a remote URL: never fetched, and no network call is even attempted', () => {
    const refs = ['https://patterns.example.com/p.json', 'http://127.0.0.1:9/p.json', 'http://[::1]/p.json#/defs/x', 'ftp://example.com/p.json', 'HTTPS://EXAMPLE.COM/P.JSON'];
    let found: [string, string, string, string][][] = [];
    const attempts = networkAttempts(() => {
      found = refs.map((ref) => findingsFor(ref, loader));
    });
    assert.deepEqual(attempts, []);
    refs.forEach((ref, i) => {
      assert.equal(found[i].length, 1, ref);
      const [code, path, message, underlined] = found[i][0];
      assert.deepEqual([code, path, underlined], ['json-schema', '/$schema', JSON.stringify(ref)], ref);
      assert.match(message, /is a remote schema and is not fetched \(calm-lens works offline\)\. Map it to a local file with a URL map/, ref);
    });
  });

  test('a device that never ends and a named pipe that blocks: refused without reading (in a child process, so a regression fails instead of freezing)', () => {
    const pipe = join(workspace, 'patterns', 'pipe.json');
    const script = `
      const { createSchemaLoaderForDocument } = require(${JSON.stringify(resolve(__dirname, '../../server/src/node-runtime.ts'))});
      const { validateText } = require(${JSON.stringify(resolve(__dirname, '../../server/src/calm/engine.ts'))});
      const [documentUri, workspaceUri, ...refs] = process.argv.slice(1);
      const loader = createSchemaLoaderForDocument({ documentUri, urlMap: '', workspaceFolders: [workspaceUri] });
      const cli = createSchemaLoaderForDocument({ documentUri, urlMap: '', workspaceFolders: [] });
      const out = refs.map((ref) => [ref, ...[loader, cli].map((l) => validateText(JSON.stringify({ $schema: ref, nodes: [], relationships: [] }), { loadSchema: l }).findings.filter((f) => f.path === '/$schema').map((f) => f.message))]);
      process.stdout.write(JSON.stringify(out));`;
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', '-e', script, pathToFileURL(join(docs, 'architecture.json')).toString(), pathToFileURL(workspace).toString(), '../patterns/pipe.json', '/dev/zero', '/dev/urandom'],
      { encoding: 'utf8', timeout: 60_000 },
    );
    assert.equal(run.signal, null, 'the loader blocked on a pipe or device');
    assert.equal(run.status, 0, run.stderr);
    const results = JSON.parse(run.stdout) as [string, string[], string[]][];
    assert.deepEqual(results, [
      ['../patterns/pipe.json', ...Array(2).fill([`The pattern '../patterns/pipe.json' could not be loaded: ${pipe} is not a regular file (a device, pipe or socket), so it is not read.`])],
      ['/dev/zero', [`The pattern '/dev/zero' could not be loaded: /dev/zero is outside the workspace folders: patterns are read only from the workspace, or from the files a URL map names (setting calm.schemas.urlMap).`], ["The pattern '/dev/zero' could not be loaded: /dev/zero is not a regular file (a device, pipe or socket), so it is not read."]],
      ['/dev/urandom', [`The pattern '/dev/urandom' could not be loaded: /dev/urandom is outside the workspace folders: patterns are read only from the workspace, or from the files a URL map names (setting calm.schemas.urlMap).`], ["The pattern '/dev/urandom' could not be loaded: /dev/urandom is not a regular file (a device, pipe or socket), so it is not read."]],
    ]);
  });
});
