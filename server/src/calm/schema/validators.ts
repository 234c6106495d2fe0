/** Validators of the bundled CALM meta schemas, by `$id`: generated at build time, or compiled once on demand. */
import type { ErrorObject } from 'ajv/dist/2020';
import { byId } from './generated/validators.cjs';
import { runtimeAjv } from './runtime-ajv';

export interface Validator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** Runs a validator and returns its errors (empty when the value is valid). */
export function errorsOf(validate: Validator, value: unknown): ErrorObject[] {
  return validate(value) ? [] : [...(validate.errors ?? [])];
}

/**
 * The validator of a bundled meta schema. Entry schemas (calm.json, core.json, ...) come precompiled;
 * any other bundled file (e.g. a document naming flow.json) is compiled by the runtime Ajv, once.
 */
export function metaValidator(id: string): Validator | undefined {
  // `id` comes from a document (a control's requirement-url): `__proto__` or `hasOwnProperty` must not reach
  // Object.prototype through `byId` or Ajv's own key tables, and Ajv throws on text that is no URI (`htt[ps://`).
  if (id in Object.prototype) return undefined;
  try {
    return byId[id] ?? runtimeAjv().getSchema(id);
  } catch {
    return undefined;
  }
}
