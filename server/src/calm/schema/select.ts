/** Which schema a document is validated against, and what is wrong with what its `$schema` says. */
import type { CalmDocument, SchemaReference } from '../model';
import { classifySchema } from '../parse';
import { getMetaSchema, getMetaSchemas, metaUrl, NEWEST_RELEASE, VERSIONS } from './definitions';
import { JSON_SCHEMA_2020_12 } from './definitions/json-schema';

export type SchemaPlan =
  /** Validate the document against a bundled meta schema. */
  | { readonly kind: 'meta'; readonly id: string }
  /** The document is a pattern: check it, as a schema, against this meta schema. */
  | { readonly kind: 'schema-check'; readonly id: string }
  /** Validate the document against a pattern the host loads. */
  | { readonly kind: 'pattern'; readonly ref: string }
  /** Nothing to validate against: a problem says why. */
  | { readonly kind: 'nothing' };

export interface SchemaSelection {
  readonly plan: SchemaPlan;
  /** What is wrong with `$schema`, in plain words (reported at the `$schema` value). */
  readonly problems: readonly string[];
}

/** e.g. `release 1.0-rc1, 1.0-rc2, 1.0, 1.1, 1.2; draft 2025-03, 2026-03`. */
const KNOWN = (['release', 'draft'] as const)
  .map((channel) => `${channel} ${VERSIONS.filter((v) => v.id.startsWith(channel + '/')).map((v) => v.id.slice(channel.length + 1)).join(', ')}`)
  .join('; ');
const NEWEST_CALM = metaUrl(NEWEST_RELEASE, 'calm.json');

/** A CALM meta URL written slightly wrong (trailing slash, fragment, query, spaces): what was meant. */
export function intendedMetaUrl(url: string): string | undefined {
  const cleaned = url.trim().replace(/[?#].*$/, '').replace(/\/+$/, '');
  if (cleaned === url) return undefined;
  const meant = classifySchema(cleaned);
  return meant.kind === 'meta' ? cleaned : undefined;
}

/** The bundled schema a CALM meta reference names, or why there is none. */
function metaId(ref: Extract<SchemaReference, { kind: 'meta' }>): { id: string } | { problem: string } {
  const files = getMetaSchemas(`${ref.channel}/${ref.version}`);
  if (!files) {
    return { problem: `'${ref.url}' names CALM ${ref.channel} ${ref.version}, which this validator does not know (it knows ${KNOWN}), so the document was not checked against a schema. The newest release is ${NEWEST_CALM}.` };
  }
  const meta = getMetaSchema(`${ref.channel}/${ref.version}`, ref.file);
  if (!meta) return { problem: `CALM ${ref.channel} ${ref.version} has no schema '${ref.file}' (it has ${files.map((f) => f.file).join(', ')}).` };
  return { id: meta.id };
}

function defaultFor(doc: CalmDocument): SchemaPlan {
  return { kind: 'meta', id: metaUrl(NEWEST_RELEASE, doc.kind === 'timeline' ? 'timeline.json' : 'core.json') };
}

function describeNonString(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

/** A pattern is checked as a schema against the meta schema its own `$schema` names. */
function selectForPattern(doc: CalmDocument): SchemaSelection {
  const ref = doc.schema;
  if (ref.kind === 'meta') {
    const found = metaId(ref);
    return 'id' in found ? { plan: { kind: 'schema-check', id: found.id }, problems: [] } : { plan: { kind: 'nothing' }, problems: [found.problem] };
  }
  if (ref.kind === 'other' && ref.url !== JSON_SCHEMA_2020_12) {
    return { plan: { kind: 'nothing' }, problems: [`A pattern's $schema names the CALM meta schema it is written against (e.g. ${NEWEST_CALM}); '${ref.url}' is not one.`] };
  }
  return { plan: { kind: 'schema-check', id: JSON_SCHEMA_2020_12 }, problems: [] };
}

export function selectSchema(doc: CalmDocument, patternRef?: string): SchemaSelection {
  if (doc.kind === 'pattern') return selectForPattern(doc);
  if (patternRef !== undefined) return { plan: { kind: 'pattern', ref: patternRef }, problems: [] };
  const ref = doc.schema;
  switch (ref.kind) {
    case 'none':
      return { plan: defaultFor(doc), problems: [] };
    case 'invalid': {
      const value = doc.value !== null && typeof doc.value === 'object' ? (doc.value as { $schema?: unknown }).$schema : undefined;
      // An empty $schema is treated as none, as the reference does (another rule reports the empty string).
      if (typeof value === 'string') return { plan: defaultFor(doc), problems: [] };
      return {
        plan: defaultFor(doc),
        problems: [`$schema must be a string: the URL of a CALM schema (e.g. ${NEWEST_CALM}) or the path or URL of a pattern; this is ${describeNonString(value)}. The document was checked against the newest release.`],
      };
    }
    case 'meta': {
      const found = metaId(ref);
      return 'id' in found ? { plan: { kind: 'meta', id: found.id }, problems: [] } : { plan: { kind: 'nothing' }, problems: [found.problem] };
    }
    case 'other': {
      const meant = intendedMetaUrl(ref.url);
      if (meant) return { plan: { kind: 'nothing' }, problems: [`'${ref.url}' is not a CALM schema URL; did you mean '${meant}'?`] };
      if (/^https?:\/\/json-schema\.org\//.test(ref.url)) {
        return {
          plan: defaultFor(doc),
          problems: [`'${ref.url}' is the JSON Schema meta schema: it describes schemas, not CALM documents. Name a CALM schema instead, e.g. ${NEWEST_CALM}. The document was checked against the newest release.`],
        };
      }
      return { plan: { kind: 'pattern', ref: ref.url }, problems: [] };
    }
  }
}
