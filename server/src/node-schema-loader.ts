/**
 * A SchemaLoader over the file system, for the language server and the CLI (pure Node: no LSP).
 * Relative references resolve against the document's folder; remote URLs load when a URL map (the reference
 * CLI's `-u` file: `{ "<url>": "<path relative to the map>" }`) names a local file, and are otherwise handed to
 * the `remote` loader when one is given (the language server's download policy), else refused.
 */
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SchemaLoad, SchemaLoader } from './calm/schema/loader';

/** URL -> absolute local path. */
export type UrlMap = ReadonlyMap<string, string>;

export type UrlMapLoad = { readonly ok: true; readonly map: UrlMap } | { readonly ok: false; readonly message: string };

export interface NodeSchemaLoaderOptions {
  /** The folder of the document whose `$schema` is being loaded; relative references need it. */
  readonly baseDir?: string;
  readonly urlMap?: UrlMap;
  /**
   * Folders local files may be read from (the editor's workspace folders): a document from anywhere must not
   * make the editor read the rest of the disk. Files a URL map names are the user's choice and always read.
   * Absent (the CLI, an editor without a folder): any path.
   */
  readonly roots?: readonly string[];
  /**
   * Loads the remote references (`scheme://...`) no URL map names: the language server's download policy.
   * Absent (the CLI): they are refused, offline.
   */
  readonly remote?: SchemaLoader;
}

const REMOTE = /^[a-z][a-z0-9+.-]*:\/\//i;

interface CachedJson {
  readonly mtimeMs: number;
  readonly size: number;
  readonly load: SchemaLoad;
}

/** Larger than any schema or URL map: reading and parsing it would stall validation for nothing. */
const MAX_SCHEMA_BYTES = 16 * 1024 * 1024;

/** Parsed files by absolute path; re-read when the file's size or modification time changes. */
const fileCache = new Map<string, CachedJson>();

function describeIoError(error: unknown, path: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return `File not found: ${path}`;
  if (code === 'EISDIR') return `${path} is a folder, not a JSON file.`;
  if (code === 'EACCES' || code === 'EPERM') return `Permission denied reading ${path}`;
  return `Cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`;
}

/**
 * V8 quotes the start of the text in its message (`Unexpected token 'r', "root:x:0:0"... is not valid JSON`).
 * A `$schema` can name any file on disk: its content stays out of the message, which the editor and CI logs show.
 */
function jsonErrorReason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/, ".*"(?:\.\.\.)? is not valid JSON$/s, '');
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
  // A device (/dev/zero) never ends and a named pipe blocks until written: reading either would freeze the server.
  if (stats.isDirectory()) return { ok: false, message: `${path} is a folder, not a JSON file.` };
  if (!stats.isFile()) return { ok: false, message: `${path} is not a regular file (a device, pipe or socket), so it is not read.` };
  if (stats.size > MAX_SCHEMA_BYTES) {
    return { ok: false, message: `${path} is ${(stats.size / 1024 / 1024).toFixed(0)} MB: larger than any schema (at most ${MAX_SCHEMA_BYTES / 1024 / 1024} MB), so it is not read.` };
  }
  const cached = fileCache.get(path);
  if (cached && cached.mtimeMs === stats.mtimeMs && cached.size === stats.size) return cached.load;
  let load: SchemaLoad;
  try {
    const text = readFileSync(path, 'utf8');
    try {
      load = { ok: true, schema: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text), source: path };
    } catch (error) {
      load = { ok: false, message: `${path} is not valid JSON: ${jsonErrorReason(error)}` };
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

function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

export function createNodeSchemaLoader(options: NodeSchemaLoaderOptions = {}): SchemaLoader {
  const roots = options.roots?.map((root) => resolve(root));
  const readLocal = (path: string): SchemaLoad => {
    if (roots && !roots.some((root) => isInside(resolve(path), root))) {
      return {
        ok: false,
        message: `${path} is outside the workspace folders: patterns are read only from the workspace, or from the files a URL map names (setting calm.schemas.urlMap).`,
      };
    }
    return readJsonFile(path);
  };
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
      return readLocal(path);
    }
    if (REMOTE.test(target)) {
      if (options.remote) return options.remote(ref);
      return {
        ok: false,
        message: `${target} is a remote schema and is not fetched (calm-lens works offline). Map it to a local file with a URL map (setting calm.schemas.urlMap, or --url-map).`,
      };
    }
    if (isAbsolute(target)) return readLocal(target);
    if (options.baseDir === undefined) {
      return { ok: false, message: `Cannot resolve the relative path ${target}: the document has not been saved to a folder.` };
    }
    return readLocal(resolve(options.baseDir, target));
  };
}
