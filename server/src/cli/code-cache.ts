/**
 * Requires a bundled CommonJS file through a V8 code cache, as Node 22's module.enableCompileCache()
 * does (Node 20 has no such thing). Compiling the 1.5 MB validate bundle is most of the CLI's own
 * start-up cost; with the cache, a second run skips it and the functions the first run compiled.
 *
 * The cache lives in the user's own cache folder (created private, checked to be ours: cached
 * bytecode is code), one file per bundle, keyed by the bundle's size, mtime and inode, the Node
 * version and the architecture; any mismatch, unreadable or rejected cache just means a normal
 * compile. NODE_DISABLE_COMPILE_CACHE (Node's own switch) turns it off.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync, type Stats } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { Script } from 'node:vm';

export interface CachedModule {
  readonly exports: unknown;
  /** Call once the module has done its work: saves what V8 compiled, when the cache was missing or stale. */
  saveCache(): void;
}

function cacheDir(env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (process.platform === 'win32') return env.LOCALAPPDATA ? join(env.LOCALAPPDATA, 'calm-lens', 'Cache') : undefined;
  const base = env.XDG_CACHE_HOME || (process.platform === 'darwin' ? join(homedir(), 'Library', 'Caches') : join(homedir(), '.cache'));
  return join(base, 'calm-lens');
}

/** The folder, if it is (or can be made) ours alone. */
function privateDir(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stats = statSync(dir);
    if (process.platform === 'win32') return stats.isDirectory();
    return stats.isDirectory() && stats.uid === process.getuid?.() && (stats.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

function keyOf(stats: Stats): string {
  return JSON.stringify([stats.size, stats.mtimeMs, stats.ino, process.version, process.arch]);
}

function readCache(file: string, key: string): Buffer | undefined {
  try {
    const buffer = readFileSync(file);
    const newline = buffer.indexOf(10);
    return newline > 0 && buffer.subarray(0, newline).toString('utf8') === key ? buffer.subarray(newline + 1) : undefined;
  } catch {
    return undefined;
  }
}

function writeCache(file: string, key: string, data: Buffer): void {
  try {
    // Written aside then renamed: a concurrent run reads the old cache or the new one, never half of one.
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, Buffer.concat([Buffer.from(`${key}\n`, 'utf8'), data]), { mode: 0o600 });
    renameSync(temporary, file);
  } catch {
    // A cache that cannot be written only costs the next run its compile time.
  }
}

/** A module loaded through the cache: its exports, and how to save its cache once it has run. */
interface LoadedModule {
  readonly module: { exports: unknown };
  readonly save: (() => void) | undefined;
}

export function requireWithCodeCache(file: string, env: Readonly<Record<string, string | undefined>>): CachedModule {
  const dir = env.NODE_DISABLE_COMPILE_CACHE ? undefined : cacheDir(env);
  if (!dir || !privateDir(dir)) return { exports: createRequire(file)(file), saveCache: () => undefined };
  // The bundle's own `./...js` requires (the validators of one CALM version, dist/validators/*.js, required
  // on first use) go through the cache too: their compiled validators are most of a validation's compile time.
  const loaded = new Map<string, LoadedModule>();
  const load = (path: string): unknown => {
    const known = loaded.get(path);
    if (known) return known.module.exports;
    const key = keyOf(statSync(path));
    const cacheFile = join(dir, `${basename(path)}.cache`);
    const cachedData = readCache(cacheFile, key);
    const script = new Script(Module.wrap(readFileSync(path, 'utf8')), { filename: path, cachedData });
    const fresh = cachedData === undefined || script.cachedDataRejected === true;
    const moduleObject: { exports: unknown } = { exports: {} };
    loaded.set(path, { module: moduleObject, save: fresh ? () => writeCache(cacheFile, key, script.createCachedData()) : undefined });
    const run: unknown = script.runInThisContext();
    if (typeof run !== 'function') throw new Error(`${path}: not a CommonJS module`);
    run.call(moduleObject.exports, moduleObject.exports, requireFrom(path, load), moduleObject, path, dirname(path));
    return moduleObject.exports;
  };
  const exports = load(file);
  return { exports, saveCache: () => loaded.forEach((m) => m.save?.()) };
}

/** Node's require for `path`, except that a relative `.js` file goes through `load`. */
function requireFrom(path: string, load: (path: string) => unknown): NodeJS.Require {
  const nodeRequire = createRequire(path);
  const require = (id: string): unknown => (/^\.\.?\/.*\.js$/.test(id) ? load(resolve(dirname(path), id)) : nodeRequire(id));
  return Object.assign(require, { resolve: nodeRequire.resolve, cache: nodeRequire.cache, main: nodeRequire.main, extensions: nodeRequire.extensions });
}
