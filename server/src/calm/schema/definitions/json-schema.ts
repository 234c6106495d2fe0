/** The shape of a JSON schema as plain data, and the few builders our CALM definitions share. */

export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

/** A JSON schema object (2020-12). Kept as plain JSON so it can be handed to Ajv and shown in hovers. */
export type SchemaObject = { readonly [keyword: string]: JsonValue };

export const JSON_SCHEMA_2020_12 = 'https://json-schema.org/draft/2020-12/schema';

/** `{ type: 'string' }`, with a description when there is one to give. */
export function stringType(description?: string): SchemaObject {
  return description === undefined ? { type: 'string' } : { type: 'string', description };
}

/** An array of strings, e.g. a list of unique-ids. */
export function stringList(description?: string, minItems?: number): SchemaObject {
  return {
    type: 'array',
    ...(minItems === undefined ? {} : { minItems }),
    items: { type: 'string' },
    ...(description === undefined ? {} : { description }),
  };
}

export function ref(pointer: string, description?: string): SchemaObject {
  return description === undefined ? { $ref: pointer } : { $ref: pointer, description };
}

/** One alternative of a `oneOf` that only demands a property. */
export function requires(...names: string[]): SchemaObject {
  return { required: names };
}
