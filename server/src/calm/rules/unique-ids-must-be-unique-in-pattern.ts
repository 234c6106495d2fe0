/**
 * Every `unique-id.const` of a pattern (nodes, relationships, interfaces, at any depth) is one namespace;
 * alternatives of the same oneOf/anyOf may share an id, since only one of them is ever instantiated.
 */
import type { ValueNode } from '../value-node';
import type { RuleFinding } from './support/report';
import type { Rule } from './rule';
import { identityOf, templateText } from './support/json-values';
import { patternView } from './support/pattern-view';
import { finding, ROOT_PATH } from './support/report';
import { plainPointerOf } from './support/tree';

/** The nearest enclosing oneOf/anyOf list: ids under the same one are alternatives of each other. */
function choiceGroup(node: ValueNode): ValueNode | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type !== 'array') continue;
    const key = current.key;
    if (key === 'oneOf' || key === 'anyOf') return current;
  }
  return null;
}

export const uniqueIdsMustBeUniqueInPattern: Rule = {
  code: 'unique-ids-must-be-unique-in-pattern',
  severity: 'error',
  kinds: ['pattern'],
  check({ doc }) {
    const seen = new Map<unknown, ValueNode | null>();
    const out: RuleFinding[] = [];
    for (const id of patternView(doc).uniqueIdConsts) {
      const identity = identityOf(id);
      const group = choiceGroup(id);
      if (!seen.has(identity)) {
        seen.set(identity, group);
        continue;
      }
      if (group !== null && group === seen.get(identity)) continue;
      const message = `Duplicate unique-id detected. ID: ${templateText(id)}, path: ${plainPointerOf(id)}`;
      out.push(finding(uniqueIdsMustBeUniqueInPattern, message, ROOT_PATH, id));
    }
    return out;
  },
};
