/**
 * The one way we configure Ajv, shared by the build-time generator of the bundled validators and
 * the runtime instance that compiles patterns: JSON Schema 2020-12, every error (not just the
 * first), not strict (the CALM schemas use the non-standard `defs`), formats as ajv-formats defines them
 * (see formats.ts).
 */
import Ajv2020, { type Options } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { allMetaSchemas } from './definitions';
import { calmFormats } from './formats';

export const AJV_OPTIONS: Options = {
  strict: false,
  allErrors: true,
  // Our own definitions are trusted; a pattern is checked against its meta schema explicitly, with findings.
  validateSchema: false,
  // The engine never prints: anything Ajv would log surfaces as findings or thrown errors.
  logger: false,
};

/** An Ajv instance that knows every bundled CALM meta schema by its published `$id`. */
export function createCalmAjv(extra: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({ ...AJV_OPTIONS, ...extra });
  addFormats(ajv);
  // The same answers as ajv-formats' own, sooner (see formats.ts).
  ajv.addFormat('uri', calmFormats.uri);
  ajv.addFormat('uri-reference', calmFormats['uri-reference']);
  for (const meta of allMetaSchemas()) ajv.addSchema(meta.schema, meta.id);
  return ajv;
}
