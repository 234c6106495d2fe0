/** File names and globs -> the list of files to validate, each read once. */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../command';

// fast-glob is loaded only when an argument is a glob: naming files should not pay for it.
const GLOB_CHARS = /[*?[\]{}()!]/;

export interface InputFile {
  /** As shown in reports: the name as typed, or as the glob matched it (relative to the working directory). */
  readonly display: string;
  readonly absolute: string;
  readonly text: string;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The files one argument names, in a stable order. */
async function expand(input: string, cwd: string): Promise<string[]> {
  // A file whose name merely looks like a glob (`a[1].json`) is still that file.
  if (isFile(resolve(cwd, input))) return [input];
  const fg = GLOB_CHARS.test(input) ? (await import('fast-glob')).default : undefined;
  if (fg?.isDynamicPattern(input)) {
    const matches = await fg.glob(input, { cwd, onlyFiles: true, unique: true, followSymbolicLinks: true });
    if (matches.length === 0) throw new UsageError(`no files match '${input}'.`);
    return matches.sort();
  }
  let kind = 'no such file';
  try {
    if (statSync(resolve(cwd, input)).isDirectory()) kind = `a directory (to check what it holds, give a glob such as '${input.replace(/\/+$/, '')}/**/*.json')`;
  } catch {
    // kind stays "no such file"
  }
  throw new UsageError(`cannot read '${input}': ${kind}.`);
}

function readText(display: string, absolute: string): string {
  try {
    return readFileSync(absolute, 'utf8');
  } catch (error) {
    const reason = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new UsageError(`cannot read '${display}': ${reason}.`);
  }
}

/** Every file named, each once (first mention wins), read. Throws UsageError before anything is validated. */
export async function readInputs(inputs: readonly string[], cwd: string): Promise<InputFile[]> {
  const seen = new Set<string>();
  const files: InputFile[] = [];
  for (const input of inputs) {
    for (const display of await expand(input, cwd)) {
      const absolute = resolve(cwd, display);
      if (seen.has(absolute)) continue;
      seen.add(absolute);
      files.push({ display, absolute, text: readText(display, absolute) });
    }
  }
  return files;
}
