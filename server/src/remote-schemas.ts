/**
 * Remote schemas for the synchronous schema loader the engine calls. The engine cannot wait for the
 * network, so a URL the policy allows is downloaded in the background: until it arrives the loader says
 * it is loading (and the document gets that finding), and once it arrives or fails, every document that
 * asked for it is told to validate again. A download is kept for the life of the server, within a size
 * budget (the schemas served least recently go first, and are fetched again if asked for); a failure is
 * retried when asked again after a while, or at once after the settings change, so that a server that was
 * down is not given up on.
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
  /** The downloads kept, in bytes as received; the ones served least recently go first. */
  readonly maxBytes?: number;
  readonly now?: () => number;
}

type Entry =
  | { readonly state: 'loading'; readonly waiters: Set<() => void> }
  | { readonly state: 'loaded'; readonly schema: unknown; readonly bytes: number }
  | { readonly state: 'failed'; readonly reason: string; readonly at: number };

const DEFAULT_RETRY_MS = 30_000;
/** Sixteen downloads at the fetch limit (2 MB each); CALM schemas are a few KB. */
const DEFAULT_MAX_BYTES = 32 * 1024 * 1024;

export class RemoteSchemaCache {
  /** In the order they were last served (a Map keeps insertion order): the first is the least recent. */
  private readonly entries = new Map<string, Entry>();
  private keptBytes = 0;
  private readonly retryMs: number;
  private readonly maxBytes: number;
  private readonly now: () => number;

  constructor(
    private readonly fetcher: JsonFetcher,
    options: RemoteSchemaCacheOptions = {},
  ) {
    this.retryMs = options.retryFailuresAfterMs ?? DEFAULT_RETRY_MS;
    this.maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
    this.now = options.now ?? Date.now;
  }

  /** The bytes of the downloads kept now. */
  get bytesKept(): number {
    return this.keptBytes;
  }

  /** Failures are tried again at the next ask (the settings changed: a proxy, a host, a URL may now work). */
  forgetFailures(): void {
    for (const [url, entry] of this.entries) if (entry.state === 'failed') this.entries.delete(url);
  }

  /** What is known of `url` now (a fragment-free http(s) URL); starts its download when nothing is. */
  load(url: string, mayRedirectTo: RedirectCheck, requester: RemoteRequester): SchemaLoad {
    const entry = this.entries.get(url);
    if (entry?.state === 'loaded') {
      // Served: now the most recent.
      this.entries.delete(url);
      this.entries.set(url, entry);
      return { ok: true, schema: entry.schema, source: url };
    }
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
        this.entries.delete(url);
        this.entries.set(url, { state: 'loaded', schema: outcome.value, bytes: outcome.bytes });
        this.keptBytes += outcome.bytes;
        this.evictBeyondBudget(url);
        const via = outcome.finalUrl === url ? '' : ` (from ${outcome.finalUrl})`;
        requester.log?.info(`Fetched ${url}${via}: ${outcome.bytes} bytes in ${this.now() - started} ms.`);
      } else {
        this.dropExpiredFailures();
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

  /** Failures old enough to be tried again are forgotten: they would be anyway, and unlike downloads they have no size. */
  private dropExpiredFailures(): void {
    const now = this.now();
    for (const [url, entry] of this.entries) if (entry.state === 'failed' && now - entry.at >= this.retryMs) this.entries.delete(url);
  }

  /** Drops the downloads served least recently until the rest fit the budget (the one just arrived stays). */
  private evictBeyondBudget(arrived: string): void {
    for (const [url, entry] of this.entries) {
      if (this.keptBytes <= this.maxBytes) return;
      if (url === arrived || entry.state !== 'loaded') continue;
      this.entries.delete(url);
      this.keptBytes -= entry.bytes;
    }
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
