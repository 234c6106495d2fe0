/**
 * The `calm.*` settings the language server reads, shared by client and server so both agree on names
 * and defaults. Declared for users in package.json `contributes.configuration`.
 */

export const SETTINGS_SECTION = 'calm';

export interface CalmSettings {
  readonly validation: {
    /** `calm.validation.enabled`: publish diagnostics for CALM documents. */
    readonly enabled: boolean;
    /** `calm.validation.debounceMs`: quiet time after an edit before re-validating. */
    readonly debounceMs: number;
  };
  readonly schemas: {
    /**
     * `calm.schemas.urlMap`: path of a JSON file mapping schema URLs to local files
     * (`{ "<url>": "<path relative to the map file>" }`); relative to the workspace folder. Empty: none.
     */
    readonly urlMap: string;
    /**
     * `calm.schemas.allowedRemoteHosts`: hosts (`URL.host`: the name, with `:port` when the URL names one)
     * whose http(s) schemas may be fetched. Lower case, without duplicates. Empty: nothing is fetched.
     */
    readonly allowedRemoteHosts: readonly string[];
  };
}

export const DEFAULT_SETTINGS: CalmSettings = {
  validation: { enabled: true, debounceMs: 200 },
  schemas: { urlMap: '', allowedRemoteHosts: [] },
};

export const MAX_DEBOUNCE_MS = 5000;

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Host entries as `URL.host` spells them (lower case); anything that is not a non-empty string is dropped. */
function hostList(value: unknown): readonly string[] {
  if (!Array.isArray(value)) return DEFAULT_SETTINGS.schemas.allowedRemoteHosts;
  const hosts = value.filter((h): h is string => typeof h === 'string').map((h) => h.trim().toLowerCase());
  return [...new Set(hosts.filter((h) => h !== ''))];
}

/** The settings object a client returned for section `calm` (any shape) -> complete, clamped settings. */
export function normalizeSettings(raw: unknown): CalmSettings {
  const calm = record(raw);
  const validation = record(calm['validation']);
  const schemas = record(calm['schemas']);
  const enabled = validation['enabled'];
  const debounce = validation['debounceMs'];
  const urlMap = schemas['urlMap'];
  return {
    validation: {
      enabled: typeof enabled === 'boolean' ? enabled : DEFAULT_SETTINGS.validation.enabled,
      debounceMs:
        typeof debounce === 'number' && Number.isFinite(debounce)
          ? Math.min(MAX_DEBOUNCE_MS, Math.max(0, Math.round(debounce)))
          : DEFAULT_SETTINGS.validation.debounceMs,
    },
    schemas: {
      urlMap: typeof urlMap === 'string' ? urlMap.trim() : DEFAULT_SETTINGS.schemas.urlMap,
      allowedRemoteHosts: hostList(schemas['allowedRemoteHosts']),
    },
  };
}
