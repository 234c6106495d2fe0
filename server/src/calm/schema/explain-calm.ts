/** Readable messages for the failed oneOf/anyOf of the CALM meta schemas themselves. */
import type { ErrorObject } from 'ajv/dist/2020';
import { NODE_TYPES } from './definitions';
import { describeValue, editDistance, isObject, quoteList } from './values';

const RELATIONSHIP_TYPES = ['interacts', 'connects', 'deployed-in', 'composed-of', 'options'] as const;

/** Fields that, found directly under `relationship-type`, show which type the author meant. */
const FIELDS_OF: Record<(typeof RELATIONSHIP_TYPES)[number], readonly string[]> = {
  interacts: ['actor', 'nodes'],
  connects: ['source', 'destination'],
  'deployed-in': ['container', 'nodes'],
  'composed-of': ['container', 'nodes'],
  options: [],
};

/** The inline / linked configuration keys of a control requirement (current and early names). */
export const CONFIG_KEYS = [
  ['config', 'config-url'],
  ['control-config', 'control-config-url'],
] as const;

/** Which relationship types were tried, and what the closest one lacks (or which ones clash). */
export function explainRelationshipType(value: unknown, relationship: unknown): string {
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

export function explainControlConfig(value: Record<string, unknown>, keys: readonly [string, string]): string {
  const [inline, link] = keys;
  if (inline in value && link in value) return `A control requirement gives its configuration one way: '${inline}' (inline) or '${link}' (a link), not both.`;
  return `A control requirement needs its configuration: '${inline}' (inline) or '${link}' (a link); it has neither.`;
}

export function explainInterface(value: unknown, group: ErrorObject): string | undefined {
  if (!isObject(value)) return `An interface must be an object with a 'unique-id'; this is ${describeValue(value)}.`;
  if (!('unique-id' in value)) return `This interface has no 'unique-id': every interface needs one, so that connects relationships can refer to it.`;
  if (typeof value['unique-id'] !== 'string') return `An interface's 'unique-id' must be a string; this one is ${describeValue(value['unique-id'])}.`;
  if (group.keyword === 'oneOf' && Array.isArray(group.params.passingSchemas)) {
    return 'This interface fits both the modular interface definition and the plain interface shape; this CALM version demands exactly one.';
  }
  return undefined;
}

export function explainMetadata(value: unknown): string {
  if (Array.isArray(value)) {
    const bad = value.findIndex((item) => !isObject(item));
    if (bad >= 0) return `metadata must be an object, or an array of objects; item ${bad} of this array is ${describeValue(value[bad])}.`;
  }
  return `metadata must be an object, or an array of objects; this is ${describeValue(value)}.`;
}

export function explainNodeType(value: unknown): string {
  return `node-type must be a string: one of ${NODE_TYPES.join(', ')}, or a type of your own; this is ${describeValue(value)}.`;
}
