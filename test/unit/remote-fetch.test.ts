/**
 * fetchJson against a local HTTP server: the limits hold whatever the server claims (a body without a
 * Content-Length is counted as it arrives), redirects are followed only where allowed and only so far,
 * and every failure comes back as a reason, never a throw.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fetchJson, type FetchLimits } from '../../server/src/remote-fetch';
import { json, RemoteHost } from '../lsp/remote-host';

const LIMITS: FetchLimits = { timeoutMs: 5000, maxBytes: 1024, maxRedirects: 2 };

describe('fetchJson', () => {
  let remote: RemoteHost;
  const anywhere = (): boolean => true;

  before(async () => {
    remote = await RemoteHost.start({
      '/schema.json': json({ $id: 'schema' }),
      '/bom.json': (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('\ufeff{"bom":true}');
      },
      // No Content-Length: sent in chunks, the size is only known while reading.
      '/chunked-big.json': (_request, response) => {
        response.writeHead(200, { 'content-type': 'application/json' });
        for (let i = 0; i < 8; i++) response.write(' '.repeat(512));
        response.end('{}');
      },
      '/moved.json': (_request, response) => {
        response.writeHead(301, { location: '/schema.json' });
        response.end();
      },
      '/loop.json': (_request, response) => {
        response.writeHead(302, { location: '/loop.json' });
        response.end();
      },
      '/no-location.json': (_request, response) => {
        response.writeHead(302);
        response.end();
      },
      '/to-file.json': (_request, response) => {
        response.writeHead(302, { location: 'file:///etc/passwd' });
        response.end();
      },
      '/server-error.json': (_request, response) => {
        response.writeHead(500, 'Internal Server Error');
        response.end('{}');
      },
      '/no-content.json': (_request, response) => {
        response.writeHead(204);
        response.end();
      },
      '/held.json': (_request, response, host) => host.hold(response),
      '/stalls-mid-body.json': (_request, response, host) => {
        response.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
        response.write('{"half":');
        host.hold(response);
      },
    });
  });
  after(() => remote.stop());

  test('a 200 JSON answer, with or without a byte order mark', async () => {
    assert.deepEqual(await fetchJson(remote.url('/schema.json'), anywhere, LIMITS), { ok: true, value: { $id: 'schema' }, bytes: 16, finalUrl: remote.url('/schema.json') });
    const bom = await fetchJson(remote.url('/bom.json'), anywhere, LIMITS);
    assert.deepEqual(bom.ok && bom.value, { bom: true });
  });

  test('a body without Content-Length is cut off at the limit', async () => {
    assert.deepEqual(await fetchJson(remote.url('/chunked-big.json'), anywhere, LIMITS), { ok: false, reason: 'the answer is larger than the limit of 1 kB (reading stopped there)' });
  });

  test('redirects: followed where allowed, refused elsewhere, and only so many', async () => {
    const moved = await fetchJson(remote.url('/moved.json'), anywhere, LIMITS);
    assert.deepEqual(moved, { ok: true, value: { $id: 'schema' }, bytes: 16, finalUrl: remote.url('/schema.json') });
    const checked: string[] = [];
    const refused = await fetchJson(remote.url('/moved.json'), (url) => (checked.push(url.href), false), LIMITS);
    assert.deepEqual(checked, [remote.url('/schema.json')]);
    assert.deepEqual(refused, { ok: false, reason: `it redirects to ${remote.url('/schema.json')}, whose host is not allowed (only the hosts listed in calm.schemas.allowedRemoteHosts are followed)` });
    assert.deepEqual(await fetchJson(remote.url('/loop.json'), anywhere, LIMITS), { ok: false, reason: 'more than 2 redirects' });
    assert.deepEqual(await fetchJson(remote.url('/no-location.json'), anywhere, LIMITS), { ok: false, reason: 'HTTP 302 redirects without saying where' });
    const toFile = await fetchJson(remote.url('/to-file.json'), anywhere, LIMITS);
    assert.match(toFile.ok ? '' : toFile.reason, /^it redirects to file:\/\/\/etc\/passwd, whose host is not allowed/);
  });

  test('only 200 is accepted', async () => {
    assert.deepEqual(await fetchJson(remote.url('/server-error.json'), anywhere, LIMITS), { ok: false, reason: 'HTTP 500 Internal Server Error (only 200 is accepted)' });
    assert.deepEqual(await fetchJson(remote.url('/no-content.json'), anywhere, LIMITS), { ok: false, reason: 'HTTP 204 No Content (only 200 is accepted)' });
  });

  test('the time limit covers waiting for the headers and for the rest of the body', async () => {
    const quick: FetchLimits = { ...LIMITS, timeoutMs: 200 };
    assert.deepEqual(await fetchJson(remote.url('/held.json'), anywhere, quick), { ok: false, reason: 'no complete answer within 0.2 s' });
    assert.deepEqual(await fetchJson(remote.url('/stalls-mid-body.json'), anywhere, quick), { ok: false, reason: 'no complete answer within 0.2 s' });
  });

  test('a server that is not there', async () => {
    const closed = await RemoteHost.start({});
    const url = closed.url('/schema.json');
    await closed.stop();
    const outcome = await fetchJson(url, anywhere, LIMITS);
    assert.match(outcome.ok ? '' : outcome.reason, /^the request failed: connect ECONNREFUSED 127\.0\.0\.1:\d+$/);
  });
});
