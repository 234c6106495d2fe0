/** Plain-words messages for a failed `oneOf`/`anyOf`, from the value it failed on and its members' errors. */
import type { ErrorObject } from 'ajv/dist/2020';
import { CONFIG_KEYS, explainControlConfig, explainInterface, explainMetadata, explainNodeType, explainRelationshipType } from './explain-calm';
import { errorsIn, type ErrorNode } from './groups';
import { referenceMessage } from './messages';
import { isObject, valueAt } from './values';

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
  // The closest alternative (among those the errors can be traced to): a failed const or enum usually
  // means the value is not meant to be that alternative at all; then, the fewest errors.
  const byAlternative = new Map<number, ErrorObject[]>();
  for (const e of errors) {
    const k = alternativeOf(e, group.schemaPath);
    if (k !== undefined) byAlternative.set(k, [...(byAlternative.get(k) ?? []), e]);
  }
  const mismatches = (list: ErrorObject[]) => list.filter((e) => e.keyword === 'const' || e.keyword === 'enum').length;
  const closest = [...byAlternative].sort((a, b) => mismatches(a[1]) - mismatches(b[1]) || a[1].length - b[1].length || a[0] - b[0])[0];
  if (closest) return `matches none of the alternatives; the closest (#${closest[0] + 1}) fails: ${closest[1].map((e) => relative(e, base)).join('; ')}.`;
  return `matches none of the alternatives: ${[...new Set(errors.slice(0, 3).map((e) => relative(e, base)))].join('; ')}.`;
}

/**
 * A sentence a person understands for a failed `oneOf`/`anyOf` of a document (`root` is its value;
 * `path` the reference-style path of the value, whose last segment names it).
 */
export function explainGroup(node: Extract<ErrorNode, { kind: 'group' }>, root: unknown, path: string): string {
  const { error: group, members } = node;
  const instancePath = group.instancePath;
  const schemaPath = group.schemaPath;
  const value = valueAt(root, instancePath);
  if (instancePath.endsWith('/relationship-type') && schemaPath.endsWith('relationship-type/oneOf')) {
    return explainRelationshipType(value, valueAt(root, instancePath.slice(0, -'/relationship-type'.length)));
  }
  if (schemaPath.endsWith('metadata/oneOf')) return explainMetadata(value);
  if (schemaPath.endsWith('node-type-definition/anyOf')) return explainNodeType(value);
  const missing = members.flatMap(errorsIn).filter((e) => e.keyword === 'required').map((e) => String(e.params.missingProperty));
  if (isObject(value) && group.keyword === 'oneOf') {
    const config = CONFIG_KEYS.find(([inline, link]) => missing.includes(inline) || missing.includes(link) || (inline in value && link in value));
    if (config) return explainControlConfig(value, config);
  }
  if (/\/interfaces\/\d+$/.test(instancePath) && members.flatMap(errorsIn).some((e) => /interface-(type|definition)/.test(e.schemaPath))) {
    const text = explainInterface(value, group);
    if (text) return text;
  }
  const where = path === '/' ? 'The document' : `'${path.split('/').pop()}'`;
  return `${where} ${explainGeneric(group, members)}`;
}
