/**
 * Is this JSON a CALM document? Pure: no I/O of its own, no vscode, no LSP. Whatever the file name:
 * `*.calm.json` and a plain `architecture.json` are treated alike.
 */
import type { CalmDocument } from './model';
import type { SchemaLoader } from './schema/loader';
import { classifySchema } from './parse';
import { isJsonObject, ownMember } from './value-node';

/**
 * A cheap sniff of raw text, safe to run on every JSON file the editor opens (the client uses it to
 * decide whether to start the language server at all). It may say yes to a non-CALM file; it must not
 * say no to a CALM one that `isCalmDocument` would accept, nor to a broken CALM document.
 */
const SNIFF = /calm\.finos\.org|"(?:nodes|moments)"\s*:\s*\[|"relationships"\s*:\s*[[{]/;

export function looksLikeCalm(text: string): boolean {
  return SNIFF.test(text);
}

function isArrayProperty(doc: CalmDocument, key: string): boolean {
  return Array.isArray(ownMember(doc.value, key));
}

/** A loaded schema is a CALM pattern when its own `$schema` is a CALM meta schema, or it describes nodes/relationships. */
export function isCalmPatternSchema(schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return false;
  const record = schema as Record<string, unknown>;
  if (classifySchema(record['$schema']).kind === 'meta') return true;
  const properties = record['properties'];
  if (typeof properties !== 'object' || properties === null) return false;
  return 'nodes' in properties || 'relationships' in properties;
}

/**
 * True when the parsed document is CALM: its `$schema` is a CALM meta URL or names a CALM pattern
 * (checked through `loadSchema`, when given), or it has top-level `nodes`/`relationships` arrays,
 * or it is a timeline (top-level `moments` array). Text that does not parse as JSON counts as CALM
 * when it `looksLikeCalm`, so a CALM document being typed keeps its syntax diagnostics.
 */
export function isCalmDocument(doc: CalmDocument, loadSchema?: SchemaLoader): boolean {
  if (doc.syntaxFindings.length > 0) return looksLikeCalm(doc.text);
  if (!isJsonObject(doc.value)) return false;
  if (doc.schema.kind === 'meta') return true;
  if (isArrayProperty(doc, 'nodes') || isArrayProperty(doc, 'relationships') || isArrayProperty(doc, 'moments')) return true;
  if (doc.schema.kind === 'other' && loadSchema) {
    try {
      const loaded = loadSchema(doc.schema.url);
      return loaded.ok && isCalmPatternSchema(loaded.schema);
    } catch {
      return false; // a host's loader failing is the validation's business, not detection's
    }
  }
  return false;
}
