/** Ajv's error messages as the reference validator prints them. */
import type { ErrorObject } from 'ajv/dist/2020';

/** Ajv's message, with the allowed value(s) appended for `enum` and `const` as the reference does. */
export function referenceMessage(e: ErrorObject): string {
  const message = e.message ?? `must pass "${e.keyword}" keyword validation`;
  if (e.keyword === 'enum') return `${message} (expected one of ${JSON.stringify(e.params.allowedValues)})`;
  if (e.keyword === 'const') return `${message} (expected ${JSON.stringify(e.params.allowedValue)})`;
  return message;
}

/** Ajv's `errorsText` (data variable `data`, `, ` between errors): how the reference reports an invalid schema. */
export function errorsText(errors: readonly ErrorObject[]): string {
  return errors.map((e) => `data${e.instancePath} ${e.message ?? ''}`).join(', ');
}
