/**
 * Patterns the host loads (a `$schema` naming a pattern, or `--pattern`): checked against their own
 * meta schema, compiled once per distinct content by the runtime Ajv, and kept in a small cache.
 * A pattern's `$ref`s to the published CALM `$id`s resolve to our bundled definitions, offline;
 * any other `$ref` is loaded through the same host loader.
 */
import type { AnySchema } from 'ajv/dist/2020';
import { classifySchema } from '../parse';
import { allMetaSchemas, getMetaSchema } from './definitions';
import type { SchemaLoader } from './loader';
import { errorsText } from './messages';
import { runtimeAjv } from './runtime-ajv';
import { errorsOf, metaValidator, type Validator } from './validators';

export type PatternValidator = { readonly ok: true; readonly validate: Validator } | { readonly ok: false; readonly message: string };

interface Compiled {
  readonly schema: AnySchema;
  readonly validate: Validator;
}

/** Distinct pattern contents kept compiled; the oldest is dropped (and removed from Ajv) beyond this. */
const CACHE_LIMIT = 16;
/** How many missing `$ref` targets one pattern may pull in through the loader. */
const REF_LOADS_LIMIT = 32;

const cache = new Map<string, Compiled>();
/** Hosts hand back the same object while a file is unchanged: its content key is then computed once. */
const keys = new WeakMap<object, string>();
/** Built on the first pattern: it builds every version's schemas, which a document without a pattern never needs. */
let metaIds: ReadonlySet<string> | undefined;
const isMetaId = (id: string): boolean => (metaIds ??= new Set(allMetaSchemas().map((m) => m.id))).has(id);

function isSchema(value: unknown): value is AnySchema {
  return typeof value === 'boolean' || (value !== null && typeof value === 'object' && !Array.isArray(value));
}

/** Ajv's MissingRefError, recognised by shape so that this module does not load Ajv's compiler. */
function missingRef(error: unknown): { missingRef: string; missingSchema: string } | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const { missingRef: ref, missingSchema } = error as { missingRef?: unknown; missingSchema?: unknown };
  return typeof ref === 'string' && typeof missingSchema === 'string' ? { missingRef: ref, missingSchema } : undefined;
}

function schemaId(schema: AnySchema): string | undefined {
  return typeof schema === 'object' && typeof schema.$id === 'string' ? schema.$id.replace(/#$/, '') : undefined;
}

/** Why the pattern is not a valid schema for the meta schema it names, or undefined when it is (or names none we know). */
function metaProblem(schema: AnySchema, source: string): string | undefined {
  if (typeof schema !== 'object') return undefined;
  const ref = classifySchema(schema.$schema);
  const meta = ref.kind === 'meta' ? getMetaSchema(`${ref.channel}/${ref.version}`, ref.file) : undefined;
  if (!meta) return undefined;
  const validate = metaValidator(meta.id);
  const errors = validate ? errorsOf(validate, schema) : [];
  return errors.length > 0 ? `The pattern '${source}' is not a valid schema: ${errorsText(errors)}` : undefined;
}

function remember(key: string, compiled: Compiled): void {
  cache.set(key, compiled);
  if (cache.size <= CACHE_LIMIT) return;
  for (const [oldestKey, oldest] of cache) {
    cache.delete(oldestKey);
    runtimeAjv().removeSchema(oldest.schema);
    break;
  }
}

function compile(schema: AnySchema, source: string, load: SchemaLoader): PatternValidator {
  const ajv = runtimeAjv();
  const id = schemaId(schema);
  if (id && isMetaId(id)) return { ok: false, message: `The pattern '${source}' claims the $id of a CALM meta schema (${id}); give it its own $id.` };
  // An earlier version of the same pattern (same $id, other content) makes way for this one.
  if (id && (ajv.schemas[id] || ajv.refs[id])) ajv.removeSchema(id);
  for (let loads = 0; ; loads++) {
    try {
      return { ok: true, validate: ajv.compile(schema) };
    } catch (error) {
      const missing = missingRef(error);
      if (!missing || loads >= REF_LOADS_LIMIT) {
        return { ok: false, message: `The pattern '${source}' could not be compiled: ${error instanceof Error ? error.message : String(error)}` };
      }
      const target = missing.missingSchema;
      const loaded = load(target);
      if (!loaded.ok) return { ok: false, message: `The pattern '${source}' refers to '${missing.missingRef}', which could not be loaded: ${loaded.message}` };
      if (!isSchema(loaded.schema)) return { ok: false, message: `The pattern '${source}' refers to '${target}', which is not a JSON schema.` };
      ajv.addSchema(loaded.schema, target);
    }
  }
}

/** The validator of the pattern `ref` names, loaded through the host's loader. */
export function patternValidator(ref: string, load: SchemaLoader | undefined): PatternValidator {
  if (!load) return { ok: false, message: `The pattern '${ref}' could not be loaded: this host does not load schemas.` };
  const loaded = load(ref);
  if (!loaded.ok) return { ok: false, message: `The pattern '${ref}' could not be loaded: ${loaded.message}` };
  const { schema, source } = loaded;
  if (!isSchema(schema)) return { ok: false, message: `'${source}' is not a JSON schema, so it cannot be used as a pattern.` };
  const key = (typeof schema === 'object' ? keys.get(schema) : undefined) ?? JSON.stringify(schema);
  if (typeof schema === 'object') keys.set(schema, key);
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return { ok: true, validate: hit.validate };
  }
  const problem = metaProblem(schema, source);
  if (problem) return { ok: false, message: problem };
  const result = compile(schema, source, load);
  if (result.ok) remember(key, { schema, validate: result.validate });
  return result;
}
