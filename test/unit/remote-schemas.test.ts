/**
 * The download policy (which URLs may be fetched, in what words the others are refused) and the session
 * cache behind the synchronous loader (one download per URL, every waiting document told once, failures
 * retried after a while), with a fetcher the test settles by hand.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FetchOutcome } from '../../server/src/remote-fetch';
import { judgeRemote, type RemotePolicy } from '../../server/src/remote-policy';
import { createRemoteLoader, RemoteSchemaCache } from '../../server/src/remote-schemas';
import type { ServerLog } from '../../server/src/server-context';
import { normalizeSettings } from '../../server/src/settings';

const ALLOWED: RemotePolicy = { trusted: true, allowedHosts: ['schemas.example.com', 'localhost:8080'] };

describe('judgeRemote', () => {
  test('listed hosts are fetched, exactly as listed: no subdomain, no other port; the fragment is not part of the download', () => {
    assert.deepEqual(judgeRemote('https://schemas.example.com/p.json#/defs/node', ALLOWED), { kind: 'fetch', url: 'https://schemas.example.com/p.json' });
    assert.deepEqual(judgeRemote('HTTPS://Schemas.Example.COM/P.json', ALLOWED), { kind: 'fetch', url: 'https://schemas.example.com/P.json' });
    assert.deepEqual(judgeRemote('http://localhost:8080/p.json', ALLOWED), { kind: 'fetch', url: 'http://localhost:8080/p.json' });
    for (const [ref, host] of [
      ['https://api.schemas.example.com/p.json', 'api.schemas.example.com'],
      ['https://schemas.example.com:8443/p.json', 'schemas.example.com:8443'],
      ['http://localhost/p.json', 'localhost'],
      ['https://example.com/p.json', 'example.com'],
    ]) {
      const verdict = judgeRemote(ref, ALLOWED);
      assert.deepEqual(verdict, {
        kind: 'refuse',
        message: `${ref} is a remote schema and is not fetched (calm-lens works offline). Map it to a local file with a URL map (setting calm.schemas.urlMap), or list its host '${host}' in the setting calm.schemas.allowedRemoteHosts to download it.`,
      });
    }
  });

  test('only http and https are downloaded', () => {
    const verdict = judgeRemote('ftp://schemas.example.com/p.json', ALLOWED);
    assert.equal(verdict.kind, 'refuse');
    assert.match(verdict.kind === 'refuse' ? verdict.message : '', /only http and https URLs can be downloaded\.$/);
  });

  test('in Restricted Mode nothing is, listed or not', () => {
    const verdict = judgeRemote('https://schemas.example.com/p.json', { ...ALLOWED, trusted: false });
    assert.equal(verdict.kind, 'refuse');
    assert.match(verdict.kind === 'refuse' ? verdict.message : '', /is not fetched: this workspace is in Restricted Mode \(not trusted\), where URL maps \(setting calm\.schemas\.urlMap\) are not followed and nothing is downloaded/);
  });

  test('the setting: host names as URL.host spells them, trimmed, lower case, once each; anything else dropped', () => {
    assert.deepEqual(normalizeSettings({ schemas: { allowedRemoteHosts: [' Schemas.Example.com ', 'localhost:8080', 42, '', 'schemas.example.com'] } }).schemas.allowedRemoteHosts, ['schemas.example.com', 'localhost:8080']);
    assert.deepEqual(normalizeSettings({ schemas: { allowedRemoteHosts: 'schemas.example.com' } }).schemas.allowedRemoteHosts, []);
    assert.deepEqual(normalizeSettings(undefined).schemas.allowedRemoteHosts, []);
  });
});

/** A fetcher whose downloads the test settles, one pending promise per call. */
function manualFetcher() {
  const calls: { url: string; settle: (outcome: FetchOutcome) => void }[] = [];
  const fetcher = (url: string): Promise<FetchOutcome> => new Promise((resolve) => calls.push({ url, settle: resolve }));
  return { calls, fetcher };
}

function recordingLog(): ServerLog & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(`info ${m}`), warn: (m) => lines.push(`warn ${m}`), error: (m) => lines.push(`error ${m}`) };
}

/** Resolves once the settled download's callbacks ran (they run in a promise reaction). */
const reactions = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('RemoteSchemaCache', () => {
  const URL_A = 'https://schemas.example.com/a.json';

  test('one download per URL for every document that asks; each is told once when it settles; then served from the cache', async () => {
    const { calls, fetcher } = manualFetcher();
    const cache = new RemoteSchemaCache(fetcher);
    const log = recordingLog();
    const told: string[] = [];
    const first = createRemoteLoader(cache, ALLOWED, { onSettled: () => told.push('first'), log });
    const second = createRemoteLoader(cache, ALLOWED, { onSettled: () => told.push('second'), log });
    const loading = first(URL_A);
    assert.deepEqual(loading, { ok: false, message: `Loading ${URL_A}… (its host is listed in calm.schemas.allowedRemoteHosts); the document is validated again when it arrives.` });
    assert.deepEqual(first(`${URL_A}#/defs/x`), loading);
    assert.deepEqual(second(URL_A), loading);
    assert.deepEqual(calls.map((c) => c.url), [URL_A]);
    assert.deepEqual(told, []);

    calls[0].settle({ ok: true, value: { $id: 'a' }, bytes: 10, finalUrl: URL_A });
    await reactions();
    assert.deepEqual(told.sort(), ['first', 'second']);
    assert.deepEqual(first(URL_A), { ok: true, schema: { $id: 'a' }, source: URL_A });
    assert.deepEqual(second(`${URL_A}#/defs/x`), { ok: true, schema: { $id: 'a' }, source: URL_A });
    assert.equal(calls.length, 1);
    assert.equal(told.length, 2, 'served from the cache: nobody is told again');
    assert.deepEqual(log.lines.map((l) => l.replace(/\d+ ms/, 'N ms')), [`info Fetching ${URL_A} (its host is listed in calm.schemas.allowedRemoteHosts).`, `info Fetched ${URL_A}: 10 bytes in N ms.`]);
  });

  test('a failure is reported with its reason, and tried again only once the retry time has passed', async () => {
    const { calls, fetcher } = manualFetcher();
    let now = 1_000;
    const cache = new RemoteSchemaCache(fetcher, { retryFailuresAfterMs: 30_000, now: () => now });
    const log = recordingLog();
    let told = 0;
    const load = createRemoteLoader(cache, ALLOWED, { onSettled: () => told++, log });
    load(URL_A);
    calls[0].settle({ ok: false, reason: 'HTTP 503 Service Unavailable (only 200 is accepted)' });
    await reactions();
    assert.equal(told, 1);
    const failed = { ok: false, message: `${URL_A} could not be fetched: HTTP 503 Service Unavailable (only 200 is accepted).` };
    assert.deepEqual(load(URL_A), failed);
    now += 29_999;
    assert.deepEqual(load(URL_A), failed);
    assert.equal(calls.length, 1);
    assert.deepEqual(log.lines.at(-1), `warn Could not fetch ${URL_A}: HTTP 503 Service Unavailable (only 200 is accepted).`);
    now += 1;
    const retried = load(URL_A);
    assert.match(retried.ok ? '' : retried.message, /^Loading /);
    assert.equal(calls.length, 2, 'tried again');
  });

  test('a fetcher that throws is a failure like any other, and a document callback that throws does not stop the others', async () => {
    const cache = new RemoteSchemaCache(() => Promise.reject(new Error('boom')));
    const log = recordingLog();
    const told: string[] = [];
    createRemoteLoader(cache, ALLOWED, { onSettled: () => { throw new Error('callback bug'); }, log })(URL_A);
    createRemoteLoader(cache, ALLOWED, { onSettled: () => told.push('other'), log })(URL_A);
    await reactions();
    assert.deepEqual(told, ['other']);
    assert.ok(log.lines.includes(`error Validating again after ${URL_A} settled failed: callback bug`), JSON.stringify(log.lines));
    const load = createRemoteLoader(cache, ALLOWED, {});
    assert.deepEqual(load(URL_A), { ok: false, message: `${URL_A} could not be fetched: the download failed: boom.` });
  });

  test('downloads are kept within the byte budget: the ones served least recently go first and are fetched again when asked', async () => {
    const { calls, fetcher } = manualFetcher();
    const cache = new RemoteSchemaCache(fetcher, { maxBytes: 250 });
    const load = createRemoteLoader(cache, ALLOWED, {});
    const url = (name: string) => `https://schemas.example.com/${name}.json`;
    const arrive = async (name: string, bytes: number) => {
      load(url(name));
      calls.at(-1)?.settle({ ok: true, value: { $id: name }, bytes, finalUrl: url(name) });
      await reactions();
    };
    await arrive('a', 100);
    await arrive('b', 100);
    assert.equal(cache.bytesKept, 200);
    assert.deepEqual(load(url('a')), { ok: true, schema: { $id: 'a' }, source: url('a') }, 'a, served: now the most recent');
    await arrive('c', 100);
    assert.equal(cache.bytesKept, 200, 'over budget: one download dropped');
    assert.equal(load(url('a')).ok, true);
    assert.equal(load(url('c')).ok, true);
    assert.equal(calls.length, 3);
    const again = load(url('b'));
    assert.match(again.ok ? '' : again.message, /^Loading /, 'b, the least recently served, was dropped');
    assert.equal(calls.length, 4, 'and is fetched again');
    await arrive('huge', 1000);
    assert.equal(load(url('huge')).ok, true, 'a download larger than the budget is still kept, alone');
    assert.equal(cache.bytesKept, 1000);
  });

  test('after the settings change, a failed download is tried again at the next ask, without waiting for the retry time', async () => {
    const { calls, fetcher } = manualFetcher();
    const cache = new RemoteSchemaCache(fetcher, { retryFailuresAfterMs: 30_000, now: () => 1_000 });
    const load = createRemoteLoader(cache, ALLOWED, {});
    load(URL_A);
    calls[0].settle({ ok: false, reason: 'the request failed: ECONNREFUSED' });
    await reactions();
    assert.equal(load(URL_A).ok, false);
    assert.equal(calls.length, 1);
    cache.forgetFailures();
    load(URL_A);
    assert.equal(calls.length, 2, 'tried again');
  });

  test('refused URLs never reach the fetcher', () => {
    const { calls, fetcher } = manualFetcher();
    const cache = new RemoteSchemaCache(fetcher);
    createRemoteLoader(cache, ALLOWED, {})('https://elsewhere.example.com/a.json');
    createRemoteLoader(cache, { ...ALLOWED, trusted: false }, {})(URL_A);
    assert.deepEqual(calls, []);
  });
});
