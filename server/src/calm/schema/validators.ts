/** Validators of the bundled CALM meta schemas, by `$id`: generated at build time, or compiled once on demand. */
import type { ErrorObject } from 'ajv/dist/2020';
import { groups, type GeneratedGroup } from './generated/validators.cjs';
import { runtimeAjv } from './runtime-ajv';

export interface Validator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** Runs a validator and returns its errors (empty when the value is valid). */
export function errorsOf(validate: Validator, value: unknown): ErrorObject[] {
  return validate(value) ? [] : [...(validate.errors ?? [])];
}

/** The CALM version whose generated module holds each entry schema's validator. */
const versionOfId = new Map<string, string>(Object.entries(groups).flatMap(([version, group]) => group.ids.map((id): [string, string] => [id, version])));

/** The generated modules evaluated so far, by version, in the order they were first needed. */
const loaded = new Map<string, ReturnType<GeneratedGroup['load']>>();

/**
 * Each version's validators are a module of their own, evaluated when a document first needs that
 * version: a process that validates 1.1 documents never pays for evaluating the other versions.
 */
function generatedValidator(id: string): Validator | undefined {
  const version = versionOfId.get(id);
  if (version === undefined) return undefined;
  let validators = loaded.get(version);
  if (!validators) {
    validators = groups[version].load();
    loaded.set(version, validators);
  }
  return validators[id];
}

/** The CALM versions (`release/1.1`, ...) whose generated validators this process has loaded, in load order. */
export function loadedValidatorVersions(): readonly string[] {
  return [...loaded.keys()];
}

/**
 * The validator of a bundled meta schema. Entry schemas (calm.json, core.json, ...) come precompiled;
 * any other bundled file (e.g. a document naming flow.json) is compiled by the runtime Ajv, once.
 */
export function metaValidator(id: string): Validator | undefined {
  const generated = generatedValidator(id);
  if (generated) return generated;
  // `id` comes from a document (a control's requirement-url): `__proto__` or `hasOwnProperty` must not reach
  // Object.prototype through Ajv's own key tables, and Ajv throws on text that is no URI (`htt[ps://`).
  if (id in Object.prototype) return undefined;
  try {
    return runtimeAjv().getSchema(id);
  } catch {
    return undefined;
  }
}
