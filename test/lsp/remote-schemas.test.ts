/**
 * Remote schemas through the bundled server: downloaded only from the hosts `calm.schemas.allowedRemoteHosts`
 * lists (exact `host:port`), within a time and a size limit, once per session; the document is validated
 * again when the download settles. In Restricted Mode (the client says the workspace is untrusted) neither
 * URL maps nor downloads are used, until trust is granted. A local HTTP server plays the remote host.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import { MessageType, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { WorkspaceTrustedNotificationMethod } from '../../server/src/protocol';
import { LspTestClient, SUITE_TIMEOUT_MS } from './lsp-test-client';
import { apiPattern as pattern, oneNodeArchitecture as architecture } from './api-pattern';
import { json, RemoteHost } from './remote-host';

const META = 'https://calm.finos.org/release/1.1/meta/calm.json';

/** The schema's verdict alone: a lone node is also unreferenced (a warning), which does not matter here. */
function schemaMessages(p: PublishDiagnosticsParams): string[] {
  return p.diagnostics.filter((d) => d.code === 'json-schema').map((d) => d.message);
}

const isLoading = (p: PublishDiagnosticsParams): boolean => schemaMessages(p).some((m) => m.includes('Loading '));

describe('remote schemas through the language server', { timeout: SUITE_TIMEOUT_MS }, () => {
  let remote: RemoteHost;
  let client: LspTestClient;
  let dir: string;
  let opened = 0;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'calm-remote-'));
    remote = await RemoteHost.start({
      '/pattern.json': (request, response, host) => json(pattern(host.url('/pattern.json')))(request, response, host),
      // A pattern whose node definition is a $ref to another download on the same host.
      '/ref-pattern.json': (request, response, host) =>
        json({
          $schema: META,
          $id: host.url('/ref-pattern.json'),
          type: 'object',
          properties: { nodes: { type: 'array', items: { $ref: host.url('/api-node.json') } }, relationships: { type: 'array' } },
          required: ['nodes', 'relationships'],
        })(request, response, host),
      '/api-node.json': (request, response, host) => json({ $id: host.url('/api-node.json'), type: 'object', properties: { 'unique-id': { const: 'api' } } })(request, response, host),
      '/not-json.json': (_request, response) => {
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end('<html><body>Sign in first</body></html>');
      },
      '/big.json': (_request, response) => {
        const body = Buffer.alloc(3 * 1024 * 1024, 0x20);
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': body.byteLength });
        response.end(body);
      },
      '/slow.json': (_request, response, host) => host.hold(response),
      // Down at first, then up: a host that came back.
      '/flaky.json': (request, response, host) => {
        if (host.requested('/flaky.json') > 1) return json(pattern(host.url('/flaky.json')))(request, response, host);
        response.writeHead(503);
        response.end();
      },
      // localhost is the same machine, but not the host the setting lists.
      '/redirect-away.json': (_request, response, host) => {
        response.writeHead(302, { location: host.url('/pattern.json', 'localhost') });
        response.end();
      },
    });
    ({ client } = await LspTestClient.start({ workspaceFolder: dir, settings: { schemas: { allowedRemoteHosts: [remote.host] } } }));
  });
  after(async () => {
    await client.stop();
    await remote.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(text: string): Promise<{ uri: string; first: PublishDiagnosticsParams }> {
    const uri = pathToFileURL(join(dir, `document-${++opened}.json`)).toString();
    const first = client.diagnosticsFor(uri, 1);
    assert.equal((await client.open(uri, text)).isCalm, true);
    return { uri, first: await first };
  }

  /** The diagnostics once the download the document waits for has settled. */
  function settled(uri: string): Promise<PublishDiagnosticsParams> {
    return client.diagnostics.first((p) => p.uri === uri && !isLoading(p));
  }

  test('a pattern on a listed host is downloaded once, and the document is validated again against it', async () => {
    const url = remote.url('/pattern.json');
    const { uri, first } = await open(architecture(url, 'not-api'));
    assert.deepEqual(schemaMessages(first), [
      `The pattern '${url}' could not be loaded: Loading ${url}… (its host is listed in calm.schemas.allowedRemoteHosts); the document is validated again when it arrives.`,
    ]);
    const after = await settled(uri);
    assert.equal(after.version, 1, 'the same version, validated again');
    assert.deepEqual(schemaMessages(after), ['must be equal to constant (expected "api")'], 'the downloaded pattern finds the node it does not allow');

    // Cached for the session: a second document is validated at once, with no new request.
    const good = await open(architecture(url, 'api'));
    assert.deepEqual(schemaMessages(good.first), []);
    assert.equal(remote.requested('/pattern.json'), 1);
    const logs = client.logs.received.map((l) => l.message);
    assert.ok(logs.includes(`Fetching ${url} (its host is listed in calm.schemas.allowedRemoteHosts).`), JSON.stringify(logs));
    assert.ok(logs.some((m) => new RegExp(`^Fetched ${url.replace(/[.?]/g, '\\$&')}: \\d+ bytes in \\d+ ms\\.$`).test(m)), JSON.stringify(logs));
    await client.close(uri);
    await client.close(good.uri);
  });

  test("a pattern's $ref to a listed host is downloaded in turn, and the document validated once both arrived", async () => {
    const patternUrl = remote.url('/ref-pattern.json');
    const nodeUrl = remote.url('/api-node.json');
    const { uri, first } = await open(architecture(patternUrl, 'not-api'));
    assert.match(schemaMessages(first).join('\n'), /could not be loaded: Loading .*ref-pattern\.json…/);
    const waitingForRef = await client.diagnostics.first((p) => p.uri === uri && schemaMessages(p).some((m) => m.includes(`refers to '${nodeUrl}'`)));
    assert.match(schemaMessages(waitingForRef).join('\n'), /which could not be loaded: Loading .*api-node\.json…/);
    const after = await client.diagnostics.first((p) => p.uri === uri && !isLoading(p));
    assert.deepEqual(schemaMessages(after), ['must be equal to constant (expected "api")']);
    assert.deepEqual([remote.requested('/ref-pattern.json'), remote.requested('/api-node.json')], [1, 1]);
    await client.close(uri);
  });

  test('a host that is not listed is never contacted: the finding names the setting', async () => {
    // The same server under another name: exact host match, so it is not allowed.
    const url = remote.url('/unlisted.json', 'localhost');
    const { uri, first } = await open(architecture(url, 'api'));
    assert.deepEqual(schemaMessages(first), [
      `The pattern '${url}' could not be loaded: ${url} is a remote schema and is not fetched (calm-lens works offline). Map it to a local file with a URL map (setting calm.schemas.urlMap), or list its host 'localhost:${remote.port}' in the setting calm.schemas.allowedRemoteHosts to download it.`,
    ]);
    assert.equal(remote.requested('/unlisted.json'), 0);
    assert.ok(!client.logs.received.some((l) => l.message.includes('/unlisted.json')));
    await client.close(uri);
  });

  test('downloads that fail say why on $schema: HTTP error, not JSON, too big, a redirect off the list, no answer in time', async () => {
    const cases: [string, RegExp][] = [
      ['/missing.json', /could not be fetched: HTTP 404 Not Found \(only 200 is accepted\)\.$/],
      ['/not-json.json', /could not be fetched: the answer is not JSON: Unexpected token '<'\.$/],
      ['/big.json', /could not be fetched: the answer is 3 MB, more than the limit of 2 MB\.$/],
      ['/redirect-away.json', new RegExp(`could not be fetched: it redirects to http://localhost:${remote.port}/pattern\\.json, whose host is not allowed`)],
      ['/slow.json', /could not be fetched: no complete answer within 5 s\.$/],
    ];
    // All at once: the time limit runs out once for all of them.
    const documents = await Promise.all(cases.map(([path]) => open(architecture(remote.url(path), 'api'))));
    const results = await Promise.all(documents.map(({ uri }) => settled(uri)));
    results.forEach((result, i) => {
      const [path, reason] = cases[i];
      const messages = schemaMessages(result);
      assert.equal(messages.length, 1, `${path}: ${JSON.stringify(messages)}`);
      assert.ok(messages[0].startsWith(`The pattern '${remote.url(path)}' could not be loaded: ${remote.url(path)} could not be fetched: `), messages[0]);
      assert.match(messages[0], reason, path);
      const diagnostic = result.diagnostics.find((d) => d.code === 'json-schema');
      assert.equal(diagnostic?.range.start.line, 1, `${path}: on the $schema line`);
    });
    assert.equal(remote.requests.filter((r) => r.host.startsWith('localhost')).length, 0, 'the redirect off the list was not followed');
    const warnings = client.logs.received.filter((l) => l.type === MessageType.Warning).map((l) => l.message);
    for (const [path] of cases) assert.ok(warnings.some((w) => w.startsWith(`Could not fetch ${remote.url(path)}: `)), `${path} logged`);
    for (const { uri } of documents) await client.close(uri);
  });

  test('a failed download is tried again as soon as the settings change, not only after the retry time', async () => {
    const url = remote.url('/flaky.json');
    const { uri } = await open(architecture(url, 'not-api'));
    const failed = await settled(uri);
    assert.match(schemaMessages(failed).join('\n'), /could not be fetched: HTTP 503/);
    const revalidated = client.diagnostics.next((p) => p.uri === uri && !isLoading(p));
    await client.changeSettings({ schemas: { allowedRemoteHosts: [remote.host] } });
    assert.deepEqual(schemaMessages(await revalidated), ['must be equal to constant (expected "api")'], 'validated against the pattern fetched again');
    assert.equal(remote.requested('/flaky.json'), 2);
    await client.close(uri);
  });

  test('no handler threw along the way', () => {
    assert.deepEqual(client.logs.received.filter((l) => l.type === MessageType.Error).map((l) => l.message), []);
  });
});

describe('Restricted Mode: no URL map followed, nothing downloaded, until the workspace is trusted', { timeout: SUITE_TIMEOUT_MS }, () => {
  const MAPPED = 'https://patterns.example.com/calm/mapped.json';
  let remote: RemoteHost;
  let client: LspTestClient;
  let dir: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'calm-restricted-'));
    writeFileSync(join(dir, 'mapped-pattern.json'), JSON.stringify(pattern(MAPPED)));
    writeFileSync(join(dir, 'url-map.json'), JSON.stringify({ [MAPPED]: 'mapped-pattern.json' }));
    remote = await RemoteHost.start({ '/trusted-pattern.json': (request, response, host) => json(pattern(host.url('/trusted-pattern.json')))(request, response, host) });
    ({ client } = await LspTestClient.start({
      workspaceFolder: dir,
      settings: { schemas: { urlMap: 'url-map.json', allowedRemoteHosts: [remote.host] } },
      initializationOptions: { workspaceTrusted: false },
    }));
  });
  after(async () => {
    await client.stop();
    await remote.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('both are refused with the reason; trust granted, both are used without a restart', async () => {
    const url = remote.url('/trusted-pattern.json');
    const mappedUri = pathToFileURL(join(dir, 'mapped.json')).toString();
    const remoteUri = pathToFileURL(join(dir, 'remote.json')).toString();
    const mappedFirst = client.diagnosticsFor(mappedUri, 1);
    const remoteFirst = client.diagnosticsFor(remoteUri, 1);
    await client.open(mappedUri, architecture(MAPPED, 'not-api'));
    await client.open(remoteUri, architecture(url, 'not-api'));
    const restricted = (ref: string): string =>
      `The pattern '${ref}' could not be loaded: ${ref} is a remote schema and is not fetched: this workspace is in Restricted Mode (not trusted), where URL maps (setting calm.schemas.urlMap) are not followed and nothing is downloaded (setting calm.schemas.allowedRemoteHosts). Trust the workspace to use them.`;
    assert.deepEqual(schemaMessages(await mappedFirst), [restricted(MAPPED)]);
    assert.deepEqual(schemaMessages(await remoteFirst), [restricted(url)]);
    assert.deepEqual(remote.requests, []);

    const seen = client.diagnostics.received.length;
    const fromPattern = (uri: string) => client.diagnostics.next((p) => p.uri === uri && schemaMessages(p).length > 0 && schemaMessages(p).every((m) => !m.includes('could not be loaded')));
    const mappedTrusted = fromPattern(mappedUri);
    const remoteTrusted = fromPattern(remoteUri);
    await client.connection.sendNotification(WorkspaceTrustedNotificationMethod);
    await mappedTrusted;
    await remoteTrusted;
    assert.equal(remote.requested('/trusted-pattern.json'), 1);
    const loading = client.diagnostics.received.slice(seen).filter((p) => p.uri === remoteUri && isLoading(p));
    assert.equal(loading.length, 1, 'the remote pattern was downloaded after the grant, the document waiting for it meanwhile');
    await client.close(mappedUri);
    await client.close(remoteUri);
  });
});
