/** Shared by the schema tests: the reference material, read from ../shared beside the repository. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';

export const SHARED = resolve(__dirname, '../../../shared/calm');
export const CORPUS = join(SHARED, 'corpus');
export const EXPECTED = join(SHARED, 'expected');
export const OFFICIAL_SCHEMAS = join(SHARED, 'schemas');

export function filesUnder(dir: string, suffix = '.json'): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path, suffix) : name.endsWith(suffix) ? [path] : [];
    })
    .sort();
}

/** Corpus documents that are valid JSON, by their path relative to the corpus. */
export function corpusDocuments(): { name: string; path: string; value: unknown }[] {
  const out: { name: string; path: string; value: unknown }[] = [];
  for (const path of filesUnder(CORPUS)) {
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
      continue; // the syntax mutants: nothing for a schema to say
    }
    out.push({ name: relative(CORPUS, path), path, value });
  }
  return out;
}

/** An Ajv set up as the reference sets it up (2020-12, allErrors, not strict, formats). */
export function referenceLikeAjv(): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true, logger: false, validateSchema: false });
  addFormats(ajv);
  return ajv;
}

/** The official meta schemas as published, every version. */
export function officialSchemas(): { id: string; schema: Record<string, unknown> }[] {
  return filesUnder(OFFICIAL_SCHEMAS).map((path) => {
    const schema = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    return { id: String(schema.$id), schema };
  });
}

/** What an Ajv error says, without where in the schema it came from: comparable across two schema sets. */
export function errorKey(e: ErrorObject): string {
  return `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`;
}

/** The tutorial architecture (8 nodes, 8 relationships), as a fresh plain value to mutate. */
export function seedValue(): Record<string, unknown> & { nodes: Record<string, unknown>[]; relationships: Record<string, unknown>[] } {
  return JSON.parse(readFileSync(join(CORPUS, 'seed', 'ecommerce-platform.json'), 'utf8'));
}
