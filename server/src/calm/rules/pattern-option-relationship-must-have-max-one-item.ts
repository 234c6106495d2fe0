/** An options relationship holds at most one decision in its `prefixItems`. */
import type { ValueNode } from '../value-node';
import type { Rule } from './rule';
import { optionsPrefixItems } from './support/pattern-options';
import { patternView } from './support/pattern-view';
import { findingAt } from './support/report';

const MESSAGE = '"prefixItems" property must be shorter than 1';

/** What the reference measures: items of an array, keys of an object, characters of a string, a number itself. */
function lengthOf(node: ValueNode): number | undefined {
  switch (node.type) {
    case 'array':
    case 'object':
      return Object.keys(node.value as object).length;
    case 'string':
      return (node.value as string).length;
    case 'number':
      return node.value as number;
    default:
      return undefined;
  }
}

export const patternOptionRelationshipMustHaveMaxOneItem: Rule = {
  code: 'pattern-option-relationship-must-have-max-one-item',
  severity: 'error',
  kinds: ['pattern'],
  check({ doc }) {
    return optionsPrefixItems(patternView(doc))
      .filter((items) => (lengthOf(items) ?? 0) > 1)
      .map((items) => findingAt(patternOptionRelationshipMustHaveMaxOneItem, items, MESSAGE));
  },
};
