/**
 * Which remote schema URLs the language server may fetch, and the plain words it says when it may not.
 * Pure: no I/O. Offline unless the user lists a host (`calm.schemas.allowedRemoteHosts`), and never in an
 * untrusted workspace (VS Code's Restricted Mode), where URL maps are not followed either.
 */

export interface RemotePolicy {
  /** False in an untrusted workspace: nothing is fetched and no URL map is followed. */
  readonly trusted: boolean;
  /** `URL.host` values (lower case): a name, with `:port` when the URL names a port. Exact match only. */
  readonly allowedHosts: readonly string[];
}

export type RemoteVerdict =
  | { readonly kind: 'fetch'; /** Without its fragment: one download serves every `#/...` inside it. */ readonly url: string }
  | { readonly kind: 'refuse'; readonly message: string };

export const ALLOWED_HOSTS_SETTING = 'calm.schemas.allowedRemoteHosts';
export const URL_MAP_SETTING = 'calm.schemas.urlMap';

/** An http(s) URL, or undefined for anything else (other schemes, text that is not a URL). */
export function httpUrl(ref: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(ref);
  } catch {
    return undefined;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
}

/**
 * Exact match of `URL.host`: `schemas.example.com` allows neither `api.schemas.example.com` nor
 * `schemas.example.com:8443`. A subdomain or a port is a different server, which the user did not name.
 */
export function isHostAllowed(url: URL, allowedHosts: readonly string[]): boolean {
  return allowedHosts.includes(url.host.toLowerCase());
}

/** May `ref` (what a `$schema` or a pattern's `$ref` names, no URL map having matched it) be fetched? */
export function judgeRemote(ref: string, policy: RemotePolicy): RemoteVerdict {
  const target = ref.includes('#') ? ref.slice(0, ref.indexOf('#')) : ref;
  if (!policy.trusted) {
    return {
      kind: 'refuse',
      message: `${target} is a remote schema and is not fetched: this workspace is in Restricted Mode (not trusted), where URL maps (setting ${URL_MAP_SETTING}) are not followed and nothing is downloaded (setting ${ALLOWED_HOSTS_SETTING}). Trust the workspace to use them.`,
    };
  }
  const url = httpUrl(target);
  if (!url) {
    return {
      kind: 'refuse',
      message: `${target} is a remote schema and is not fetched (calm-lens works offline). Map it to a local file with a URL map (setting ${URL_MAP_SETTING}); only http and https URLs can be downloaded.`,
    };
  }
  if (!isHostAllowed(url, policy.allowedHosts)) {
    return {
      kind: 'refuse',
      message: `${target} is a remote schema and is not fetched (calm-lens works offline). Map it to a local file with a URL map (setting ${URL_MAP_SETTING}), or list its host '${url.host}' in the setting ${ALLOWED_HOSTS_SETTING} to download it.`,
    };
  }
  url.hash = '';
  return { kind: 'fetch', url: url.href };
}
