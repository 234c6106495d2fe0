/**
 * A SchemaLoader over the file system, for the language server and the CLI (pure Node: no LSP).
 * Relative references resolve against the document's folder; remote URLs are never fetched: they load
 * only when a URL map (the reference CLI's `-u` file: `{ "<url>": "<path relative to the map>" }`) names a local file.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SchemaLoad, SchemaLoader } from './calm/schema/loader';

/** URL -> absolute local path. */
export type UrlMap = ReadonlyMap<string, string>;

export type UrlMapLoad = { readonly ok: true; readonly map: UrlMap } | { readonly ok: false; readonly message: string };

export interface NodeSchemaLoaderOptions {
  /** The folder of the document whose `$schema` is being loaded; relative references need it. */
  readonly baseDir?: string;
  readonly urlMap?: UrlMap;
}

const REMOTE = /^[a-z][a-z0-9+.-]*:\/\//i;

interface CachedJson {
  readonly mtimeMs: number;
  readonly size: number;
  readonly load: SchemaLoad;
}

/** Parsed files by absolute path; re-read when the file's size or modification time changes. */
const fileCache = new Map<string, CachedJson>();

function describeIoError(error: unknown, path: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return `File not found: ${path}`;
  if (code === 'EISDIR') return `${path} is a folder, not a JSON file.`;
  if (code === 'EACCES' || code === 'EPERM') return `Permission denied reading ${path}`;
  return `Cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`;
}

/** Reads and parses a JSON file, cached by path, size and modification time. */
export function readJsonFile(path: string): SchemaLoad {
  let stats;
  try {
    stats = statSync(path);
  } catch (error) {
    fileCache.delete(path);
    return { ok: false, message: describeIoError(error, path) };
  }
  const cached = fileCache.get(path);
  if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) return cached.load;
  let load: SchemaLoad;
  try {
    const text = readFileSync(path, 'utf8');
    try {
      load = { ok: true, schema: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text), source: path };
    } catch (error) {
      load = { ok: false, message: `${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
    }
  } catch (error) {
    load = { ok: false, message: describeIoError(error, path) };
  }
  fileCache.set(path, { mtimeMs: stats.mtimeMs, size: stats.size, load });
  return load;
}

/** Loads a URL map file; its relative paths are resolved against the map file's own folder. */
export function loadUrlMap(mapFile: string): UrlMapLoad {
  const load = readJsonFile(mapFile);
  if (!load.ok) return { ok: false, message: `URL map: ${load.message}` };
  const value = load.schema;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, message: `URL map ${mapFile} must be a JSON object of "<url>": "<local path>" entries.` };
  }
  const base = dirname(mapFile);
  const map = new Map<string, string>();
  for (const [url, target] of Object.entries(value as Record<string, unknown>)) {
    if (typeof target !== 'string' || target === '') {
      return { ok: false, message: `URL map ${mapFile}: the entry for "${url}" must be a non-empty path string.` };
    }
    map.set(url, isAbsolute(target) ? target : resolve(base, target));
  }
  return { ok: true, map };
}

function withoutFragment(ref: string): string {
  const hash = ref.indexOf('#');
  return hash < 0 ? ref : ref.slice(0, hash);
}

function mappedPath(urlMap: UrlMap | undefined, ref: string): string | undefined {
  return urlMap?.get(ref) ?? urlMap?.get(withoutFragment(ref));
}

export function createNodeSchemaLoader(options: NodeSchemaLoaderOptions = {}): SchemaLoader {
  return (ref: string): SchemaLoad => {
    const mapped = mappedPath(options.urlMap, ref);
    if (mapped !== undefined) return readJsonFile(mapped);
    const target = withoutFragment(ref);
    if (/^file:\/\//i.test(target)) {
      let path: string;
      try {
        path = fileURLToPath(target);
      } catch (error) {
        return { ok: false, message: `Invalid file URL ${target}: ${error instanceof Error ? error.message : String(error)}` };
      }
      return readJsonFile(path);
    }
    if (REMOTE.test(target)) {
      return {
        ok: false,
        message: `${target} is a remote schema and is not fetched (calm-lens works offline). Map it to a local file with a URL map (setting calm.schemas.urlMap, or --url-map).`,
      };
    }
    if (isAbsolute(target)) return readJsonFile(target);
    if (options.baseDir === undefined) {
      return { ok: false, message: `Cannot resolve the relative path ${target}: the document has not been saved to a folder.` };
    }
    return readJsonFile(resolve(options.baseDir, target));
  };
}
