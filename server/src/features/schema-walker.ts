/**
 * Reads the bundled CALM schema definitions for editing help: which properties an object at a JSON path
 * may have (with their descriptions and types) and which values a position allows (enums). It follows
 * `$ref` across the bundled files and looks through `allOf`/`anyOf`/`oneOf`, like a JSON editor does.
 */
import type { JSONPath } from 'jsonc-parser';

export type SchemaLike = { readonly [keyword: string]: unknown };

/** A schema together with the `$id` its relative `$ref`s resolve against. */
interface Located {
  readonly schema: SchemaLike;
  readonly base: string;
}

export interface PropertyInfo {
  readonly name: string;
  readonly description?: string;
  /** The JSON type(s) the value should have, when the schema says. */
  readonly types: readonly string[];
  readonly enumValues: readonly string[];
  readonly required: boolean;
}

/** Ids of the bundled schemas, and how to find one. */
export interface SchemaSet {
  /** The schema a document of this version is checked against (e.g. its `calm.json`). */
  readonly entry: string;
  readonly byId: ReadonlyMap<string, SchemaLike>;
}

function isObject(v: unknown): v is SchemaLike {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];
}

function pointerGet(schema: SchemaLike, pointer: string): SchemaLike | undefined {
  let current: unknown = schema;
  for (const raw of pointer.split('/').slice(1)) {
    const segment = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(current)) return undefined;
    current = current[segment];
  }
  return isObject(current) ? current : undefined;
}

export class SchemaWalker {
  constructor(private readonly set: SchemaSet) {}

  private resolve(ref: string, base: string): Located | undefined {
    let absolute: string;
    try {
      absolute = new URL(ref, base).href;
    } catch {
      return undefined;
    }
    const hash = absolute.indexOf('#');
    const id = hash < 0 ? absolute : absolute.slice(0, hash);
    const fragment = hash < 0 ? '' : absolute.slice(hash + 1);
    const doc = this.set.byId.get(id);
    if (!doc) return undefined;
    const schema = fragment ? pointerGet(doc, fragment) : doc;
    return schema ? { schema, base: id } : undefined;
  }

  /** The schema and every schema it stands for through `$ref` and the combinators. */
  private expand(start: readonly Located[]): Located[] {
    const out: Located[] = [];
    const seen = new Set<SchemaLike>();
    const visit = (loc: Located): void => {
      if (seen.has(loc.schema)) return;
      seen.add(loc.schema);
      const base = typeof loc.schema.$id === 'string' ? loc.schema.$id : loc.base;
      const here = { schema: loc.schema, base };
      out.push(here);
      if (typeof loc.schema.$ref === 'string') {
        const target = this.resolve(loc.schema.$ref, base);
        if (target) visit(target);
      }
      for (const keyword of ['allOf', 'anyOf', 'oneOf']) {
        const list = loc.schema[keyword];
        if (Array.isArray(list)) for (const s of list) if (isObject(s)) visit({ schema: s, base });
      }
    };
    start.forEach(visit);
    return out;
  }

  private child(loc: Located, segment: string | number): Located[] {
    const s = loc.schema;
    if (typeof segment === 'number') {
      const prefix = s.prefixItems;
      if (Array.isArray(prefix) && isObject(prefix[segment])) return [{ schema: prefix[segment] as SchemaLike, base: loc.base }];
      return isObject(s.items) ? [{ schema: s.items, base: loc.base }] : [];
    }
    const props = s.properties;
    if (isObject(props) && isObject(props[segment])) return [{ schema: props[segment] as SchemaLike, base: loc.base }];
    const out: Located[] = [];
    if (isObject(s.patternProperties)) {
      for (const [pattern, sub] of Object.entries(s.patternProperties)) {
        try {
          if (isObject(sub) && new RegExp(pattern, 'u').test(segment)) out.push({ schema: sub, base: loc.base });
        } catch {
          // a pattern JavaScript cannot read says nothing about this key
        }
      }
    }
    if (out.length === 0 && isObject(s.additionalProperties)) out.push({ schema: s.additionalProperties, base: loc.base });
    return out;
  }

  /** Every (expanded) schema that applies at `path`. */
  private at(path: JSONPath): Located[] {
    const entry = this.resolve(this.set.entry, this.set.entry);
    if (!entry) return [];
    let current = this.expand([entry]);
    for (const segment of path) {
      current = this.expand(current.flatMap((loc) => this.child(loc, segment)));
      if (current.length === 0) break;
    }
    return current;
  }

  private describe(locs: readonly Located[]): { description?: string; types: string[]; enumValues: string[] } {
    let description: string | undefined;
    const types = new Set<string>();
    const enumValues = new Set<string>();
    for (const { schema } of locs) {
      if (description === undefined && typeof schema.description === 'string') description = schema.description;
      for (const t of strings(schema.type)) types.add(t);
      for (const v of strings(schema.enum)) enumValues.add(v);
      if (typeof schema.const === 'string') enumValues.add(schema.const);
    }
    return { description, types: [...types], enumValues: [...enumValues] };
  }

  /** The properties an object at `path` is declared to have, in schema order. */
  properties(path: JSONPath): PropertyInfo[] {
    const byName = new Map<string, Located[]>();
    const required = new Set<string>();
    for (const loc of this.at(path)) {
      const props = loc.schema.properties;
      if (isObject(props)) {
        for (const [name, sub] of Object.entries(props)) {
          // core.json's published `"additionalProperties": false` inside `properties` is a quirk, not a property.
          if (!isObject(sub)) continue;
          const list = byName.get(name) ?? [];
          list.push({ schema: sub, base: loc.base });
          byName.set(name, list);
        }
      }
      // A `required` beside no `properties` is a oneOf/anyOf branch choosing between properties, not a demand.
      if (isObject(props)) for (const name of strings(loc.schema.required)) required.add(name);
    }
    return [...byName.entries()].map(([name, locs]) => ({ name, required: required.has(name), ...this.describe(this.expand(locs)) }));
  }

  /** What the schema says of the value at `path`: its description, types and allowed values. */
  value(path: JSONPath): { description?: string; types: string[]; enumValues: string[] } {
    return this.describe(this.at(path));
  }
}
