/** Plain-words messages for a failed `oneOf`/`anyOf`, from the value it failed on and its members' errors. */
import type { ErrorObject } from 'ajv/dist/2020';
import { parsePointer } from '../pointer';
import { NODE_TYPES } from './definitions';
import { errorsIn, type ErrorNode } from './groups';
import { referenceMessage } from './messages';

const RELATIONSHIP_TYPES = ['interacts', 'connects', 'deployed-in', 'composed-of', 'options'] as const;

/** Fields that, found directly under `relationship-type`, show which type the author meant. */
const FIELDS_OF: Record<(typeof RELATIONSHIP_TYPES)[number], readonly string[]> = {
  interacts: ['actor', 'nodes'],
  connects: ['source', 'destination'],
  'deployed-in': ['container', 'nodes'],
  'composed-of': ['container', 'nodes'],
  options: [],
};

const CONFIG_KEYS = [
  ['config', 'config-url'],
  ['control-config', 'control-config-url'],
] as const;

export function valueAt(root: unknown, instancePath: string): unknown {
  let current = root;
  for (const segment of parsePointer(instancePath)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty array' : 'an array';
  if (typeof value === 'object') return Object.keys(value).length === 0 ? 'an empty object' : 'an object';
  if (typeof value === 'string') return value === '' ? 'an empty string' : 'a string';
  if (typeof value === 'boolean') return `${value}`;
  return `a ${typeof value}`;
}

function quoteList(names: readonly string[], last = 'and'): string {
  const quoted = names.map((n) => `'${n}'`);
  return quoted.length <= 1 ? quoted.join('') : `${quoted.slice(0, -1).join(', ')} ${last} ${quoted[quoted.length - 1]}`;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function explainRelationshipType(value: unknown, relationship: unknown): string {
  const all = quoteList(RELATIONSHIP_TYPES, 'or');
  if (!isObject(value)) {
    const named = RELATIONSHIP_TYPES.find((t) => t === value);
    let hint = '';
    if (named) {
      const sibling = isObject(relationship) && named in relationship;
      hint = ` Write "relationship-type": { "${named}": { ... } }${sibling ? `, and move this relationship's '${named}' property into it` : ''}.`;
    }
    return `relationship-type must be an object holding exactly one of ${all}; this is ${describeValue(value)}.${hint}`;
  }
  const present = RELATIONSHIP_TYPES.filter((t) => t in value);
  if (present.length > 1) {
    return `A relationship has exactly one type, but this relationship-type has ${present.length}: ${quoteList(present)}. Keep one (or split it into several relationships).`;
  }
  const keys = Object.keys(value);
  const found = keys.length === 0 ? 'it is empty' : `it has ${quoteList(keys)}`;
  // The closest type: the one whose own fields were written here directly, else a near-miss spelling.
  let hint = '';
  const byFields = RELATIONSHIP_TYPES.map((t) => ({ t, score: FIELDS_OF[t].filter((f) => keys.includes(f)).length }))
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score);
  if (byFields.length > 0) {
    const best = byFields[0].t;
    hint = ` Its ${quoteList(FIELDS_OF[best].filter((f) => keys.includes(f)))} belong inside '${best}': "relationship-type": { "${best}": { ... } }.`;
  } else {
    const spelled = keys
      .flatMap((k) => RELATIONSHIP_TYPES.map((t) => ({ k, t, d: editDistance(k.toLowerCase(), t) })))
      .filter((c) => c.d <= Math.max(2, Math.floor(c.t.length / 3)))
      .sort((a, b) => a.d - b.d)[0];
    if (spelled) hint = ` Did you mean '${spelled.t}' instead of '${spelled.k}'?`;
  }
  return `A relationship-type needs exactly one of ${all}; ${found}.${hint}`;
}

function explainControlConfig(value: Record<string, unknown>, keys: readonly [string, string]): string {
  const [inline, link] = keys;
  if (inline in value && link in value) return `A control requirement gives its configuration one way: '${inline}' (inline) or '${link}' (a link), not both.`;
  return `A control requirement needs its configuration: '${inline}' (inline) or '${link}' (a link); it has neither.`;
}

function explainInterface(value: unknown, group: ErrorObject): string | undefined {
  if (!isObject(value)) return `An interface must be an object with a 'unique-id'; this is ${describeValue(value)}.`;
  if (!('unique-id' in value)) return `This interface has no 'unique-id': every interface needs one, so that connects relationships can refer to it.`;
  if (typeof value['unique-id'] !== 'string') return `An interface's 'unique-id' must be a string; this one is ${describeValue(value['unique-id'])}.`;
  if (group.keyword === 'oneOf' && Array.isArray(group.params.passingSchemas)) {
    return 'This interface fits both the modular interface definition and the plain interface shape; this CALM version demands exactly one.';
  }
  return undefined;
}

function explainMetadata(value: unknown): string {
  if (Array.isArray(value)) {
    const bad = value.findIndex((item) => !isObject(item));
    if (bad >= 0) return `metadata must be an object, or an array of objects; item ${bad} of this array is ${describeValue(value[bad])}.`;
  }
  return `metadata must be an object, or an array of objects; this is ${describeValue(value)}.`;
}

/** A member error said relative to the combinator's value, e.g. `source: must be object`. */
function relative(e: ErrorObject, base: string): string {
  const rest = e.instancePath.slice(base.length).replace(/^\//, '');
  return rest === '' ? referenceMessage(e) : `${rest}: ${referenceMessage(e)}`;
}

/** Which alternative an error belongs to, when its schema path says so (it does not across a $ref). */
function alternativeOf(e: ErrorObject, combinatorPath: string): number | undefined {
  if (!e.schemaPath.startsWith(combinatorPath + '/')) return undefined;
  const index = Number(e.schemaPath.slice(combinatorPath.length + 1).split('/')[0]);
  return Number.isInteger(index) ? index : undefined;
}

function explainGeneric(group: ErrorObject, members: readonly ErrorNode[]): string {
  const base = group.instancePath;
  const passing = group.params.passingSchemas;
  if (group.keyword === 'oneOf' && Array.isArray(passing)) {
    return `must match exactly one alternative, but matches ${passing.length}: ${passing.map((i: number) => `#${i + 1}`).join(' and ')}.`;
  }
  const errors = members.flatMap(errorsIn);
  if (errors.length > 0 && errors.every((e) => e.instancePath === base)) {
    return `matches none of the alternatives: it ${[...new Set(errors.filter((e) => !['oneOf', 'anyOf'].includes(e.keyword)).map(referenceMessage))].join(', or ')}.`;
  }
  // The closest alternative: the one (among those the errors can be traced to) with the fewest errors.
  const byAlternative = new Map<number, ErrorObject[]>();
  for (const e of errors) {
    const k = alternativeOf(e, group.schemaPath);
    if (k !== undefined) byAlternative.set(k, [...(byAlternative.get(k) ?? []), e]);
  }
  const closest = [...byAlternative].sort((a, b) => a[1].length - b[1].length || a[0] - b[0])[0];
  if (closest) return `matches none of the alternatives; the closest (#${closest[0] + 1}) fails: ${closest[1].map((e) => relative(e, base)).join('; ')}.`;
  return `matches none of the alternatives: ${[...new Set(errors.slice(0, 3).map((e) => relative(e, base)))].join('; ')}.`;
}

/** A sentence a person understands for a failed `oneOf`/`anyOf` of a document (`root` is its value). */
export function explainGroup(node: Extract<ErrorNode, { kind: 'group' }>, root: unknown): string {
  const { error: group, members } = node;
  const path = group.instancePath;
  const schemaPath = group.schemaPath;
  const value = valueAt(root, path);
  if (path.endsWith('/relationship-type') && schemaPath.endsWith('relationship-type/oneOf')) {
    return explainRelationshipType(value, valueAt(root, path.slice(0, -'/relationship-type'.length)));
  }
  if (schemaPath.endsWith('metadata/oneOf')) return explainMetadata(value);
  if (schemaPath.endsWith('node-type-definition/anyOf')) {
    return `node-type must be a string: one of ${NODE_TYPES.join(', ')}, or a type of your own; this is ${describeValue(value)}.`;
  }
  const missing = members.flatMap(errorsIn).filter((e) => e.keyword === 'required').map((e) => String(e.params.missingProperty));
  if (isObject(value) && group.keyword === 'oneOf') {
    const config = CONFIG_KEYS.find(([inline, link]) => missing.includes(inline) || missing.includes(link) || (inline in value && link in value));
    if (config) return explainControlConfig(value, config);
  }
  if (/\/interfaces\/\d+$/.test(path) && members.flatMap(errorsIn).some((e) => /interface-(type|definition)/.test(e.schemaPath))) {
    const text = explainInterface(value, group);
    if (text) return text;
  }
  const where = path === '' ? 'The document' : `'${path.split('/').pop()}'`;
  return `${where} ${explainGeneric(group, members)}`;
}
