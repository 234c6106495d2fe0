/**
 * Remote schemas for the synchronous schema loader the engine calls. The engine cannot wait for the
 * network, so a URL the policy allows is downloaded in the background: until it arrives the loader says
 * it is loading (and the document gets that finding), and once it arrives or fails, every document that
 * asked for it is told to validate again. A download is made once per URL for the life of the server;
 * a failure is retried when asked again after a while, so that a server that was down is not given up on.
 */
import type { SchemaLoad, SchemaLoader } from './calm/schema/loader';
import type { FetchOutcome, RedirectCheck } from './remote-fetch';
import { ALLOWED_HOSTS_SETTING, httpUrl, isHostAllowed, judgeRemote, type RemotePolicy } from './remote-policy';
import type { ServerLog } from './server-context';

export type JsonFetcher = (url: string, mayRedirectTo: RedirectCheck) => Promise<FetchOutcome>;

export interface RemoteRequester {
  /** Called once when the download this document waits for has arrived or failed. */
  readonly onSettled?: () => void;
  /** Where downloads are logged (the client's output channel). */
  readonly log?: ServerLog;
}

export interface RemoteSchemaCacheOptions {
  /** A failed download is tried again when asked for after this long. */
  readonly retryFailuresAfterMs?: number;
  readonly now?: () => number;
}

type Entry =
  | { readonly state: 'loading'; readonly waiters: Set<() => void> }
  | { readonly state: 'loaded'; readonly schema: unknown }
  | { readonly state: 'failed'; readonly reason: string; readonly at: number };

const DEFAULT_RETRY_MS = 30_000;

export class RemoteSchemaCache {
  private readonly entries = new Map<string, Entry>();
  private readonly retryMs: number;
  private readonly now: () => number;

  constructor(
    private readonly fetcher: JsonFetcher,
    options: RemoteSchemaCacheOptions = {},
  ) {
    this.retryMs = options.retryFailuresAfterMs ?? DEFAULT_RETRY_MS;
    this.now = options.now ?? Date.now;
  }

  /** What is known of `url` now (a fragment-free http(s) URL); starts its download when nothing is. */
  load(url: string, mayRedirectTo: RedirectCheck, requester: RemoteRequester): SchemaLoad {
    const entry = this.entries.get(url);
    if (entry?.state === 'loaded') return { ok: true, schema: entry.schema, source: url };
    if (entry?.state === 'failed' && this.now() - entry.at < this.retryMs) return { ok: false, message: `${url} could not be fetched: ${entry.reason}.` };
    if (entry?.state === 'loading') {
      if (requester.onSettled) entry.waiters.add(requester.onSettled);
    } else {
      this.start(url, mayRedirectTo, requester);
    }
    return { ok: false, message: `Loading ${url}… (its host is listed in ${ALLOWED_HOSTS_SETTING}); the document is validated again when it arrives.` };
  }

  private start(url: string, mayRedirectTo: RedirectCheck, requester: RemoteRequester): void {
    const waiters = new Set<() => void>(requester.onSettled ? [requester.onSettled] : []);
    this.entries.set(url, { state: 'loading', waiters });
    const started = this.now();
    requester.log?.info(`Fetching ${url} (its host is listed in ${ALLOWED_HOSTS_SETTING}).`);
    const settle = (outcome: FetchOutcome): void => {
      if (outcome.ok) {
        this.entries.set(url, { state: 'loaded', schema: outcome.value });
        const via = outcome.finalUrl === url ? '' : ` (from ${outcome.finalUrl})`;
        requester.log?.info(`Fetched ${url}${via}: ${outcome.bytes} bytes in ${this.now() - started} ms.`);
      } else {
        this.entries.set(url, { state: 'failed', reason: outcome.reason, at: this.now() });
        requester.log?.warn(`Could not fetch ${url}: ${outcome.reason}.`);
      }
      for (const waiter of waiters) {
        try {
          waiter();
        } catch (error) {
          requester.log?.error(`Validating again after ${url} settled failed: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    };
    // The fetcher reports failures as outcomes; a throw is a bug in it, reported the same way.
    this.fetcher(url, mayRedirectTo).then(settle, (error: unknown) => settle({ ok: false, reason: `the download failed: ${error instanceof Error ? error.message : String(error)}` }));
  }
}

/**
 * The loader for remote references no URL map names: refused in plain words unless the policy allows
 * the host, else served from the cache (downloading in the background the first time).
 */
export function createRemoteLoader(cache: RemoteSchemaCache, policy: RemotePolicy, requester: RemoteRequester): SchemaLoader {
  const mayRedirectTo: RedirectCheck = (url) => httpUrl(url.href) !== undefined && isHostAllowed(url, policy.allowedHosts);
  return (ref: string): SchemaLoad => {
    const verdict = judgeRemote(ref, policy);
    return verdict.kind === 'fetch' ? cache.load(verdict.url, mayRedirectTo, requester) : { ok: false, message: verdict.message };
  };
}
