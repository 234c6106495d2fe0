/**
 * Downloads one JSON document over http(s) with Node's global fetch, within limits: a time limit for the
 * whole exchange, a size limit counted while reading (a missing or false Content-Length does not get past
 * it), redirects followed only to hosts the caller allows, and only a 200 answer whose body is JSON.
 * Failures come back as plain words, never thrown.
 */

export interface FetchLimits {
  /** For everything: connecting, each redirect, the headers and the whole body. */
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly maxRedirects: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = { timeoutMs: 5000, maxBytes: 2 * 1024 * 1024, maxRedirects: 3 };

export type FetchOutcome =
  | { readonly ok: true; readonly value: unknown; readonly bytes: number; /** Where it came from, after redirects. */ readonly finalUrl: string }
  | { readonly ok: false; /** Completes "could not be fetched: ...". */ readonly reason: string };

/** Whether a redirect may go to that URL (an http(s) URL on a listed host). */
export type RedirectCheck = (url: URL) => boolean;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MB` : `${Math.ceil(bytes / 1024)} kB`;
}

function causeOf(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? cause.message : String(cause);
}

/** V8 quotes the start of the text in its message; a remote body stays out of the findings and logs. */
function jsonReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/, ".*"(?:\.\.\.)? is not valid JSON$/s, '');
}

type BodyRead = { readonly ok: true; readonly bytes: Uint8Array } | { readonly ok: false; readonly reason: string };

async function readLimited(response: Response, limits: FetchLimits, signal: AbortSignal): Promise<BodyRead> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limits.maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return { ok: false, reason: `the answer is ${sizeText(declared)}, more than the limit of ${sizeText(limits.maxBytes)}` };
  }
  if (!response.body) return { ok: true, bytes: new Uint8Array(0) };
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > limits.maxBytes) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, reason: `the answer is larger than the limit of ${sizeText(limits.maxBytes)} (reading stopped there)` };
      }
      chunks.push(value);
    }
  } catch (error) {
    return { ok: false, reason: signal.aborted ? timeoutReason(limits) : `the answer broke off: ${causeOf(error)}` };
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { ok: true, bytes };
}

function timeoutReason(limits: FetchLimits): string {
  return `no complete answer within ${limits.timeoutMs / 1000} s`;
}

function parseJson(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false; reason: string } {
  const text = new TextDecoder('utf-8').decode(bytes);
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, reason: `the answer is not JSON: ${jsonReason(error)}` };
  }
}

export async function fetchJson(url: string, mayRedirectTo: RedirectCheck, limits: FetchLimits = DEFAULT_FETCH_LIMITS): Promise<FetchOutcome> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  let current = new URL(url);
  for (let redirects = 0; ; redirects++) {
    let response: Response;
    try {
      response = await fetch(current, { redirect: 'manual', signal, headers: { accept: 'application/json, application/schema+json;q=0.9, */*;q=0.1' } });
    } catch (error) {
      return { ok: false, reason: signal.aborted ? timeoutReason(limits) : `the request failed: ${causeOf(error)}` };
    }
    if (REDIRECTS.has(response.status)) {
      await response.body?.cancel().catch(() => undefined);
      const location = response.headers.get('location');
      if (location === null) return { ok: false, reason: `HTTP ${response.status} redirects without saying where` };
      let next: URL;
      try {
        next = new URL(location, current);
      } catch {
        return { ok: false, reason: `HTTP ${response.status} redirects to '${location}', which is not a URL` };
      }
      if ((next.protocol !== 'http:' && next.protocol !== 'https:') || !mayRedirectTo(next)) {
        return { ok: false, reason: `it redirects to ${next.href}, whose host is not allowed (only the hosts listed in calm.schemas.allowedRemoteHosts are followed)` };
      }
      if (redirects >= limits.maxRedirects) return { ok: false, reason: `more than ${limits.maxRedirects} redirects` };
      current = next;
      continue;
    }
    if (response.status !== 200) {
      await response.body?.cancel().catch(() => undefined);
      return { ok: false, reason: `HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''} (only 200 is accepted)` };
    }
    const body = await readLimited(response, limits, signal);
    if (!body.ok) return body;
    const parsed = parseJson(body.bytes);
    if (!parsed.ok) return parsed;
    return { ok: true, value: parsed.value, bytes: body.bytes.byteLength, finalUrl: current.href };
  }
}
