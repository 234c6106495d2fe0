/** Each decision of an options relationship offers its choices with exactly one of `oneOf` / `anyOf`. */
import type { Rule } from './rule';
import { decisions } from './support/pattern-options';
import { patternView } from './support/pattern-view';
import { findingAt } from './support/report';

const MESSAGE = '"oneOf" and "anyOf" must not be both defined or both undefined';

export const patternOptionRelationshipMustOnlyHaveOneofOrAnyofItems: Rule = {
  code: 'pattern-option-relationship-must-only-have-oneof-or-anyof-items',
  severity: 'error',
  kinds: ['pattern'],
  check({ doc }) {
    return decisions(patternView(doc))
      .filter((decision) => decision.type === 'object')
      .filter((decision) => {
        const keys = Object.keys(decision.value as object);
        return new Set(keys.filter((k) => k === 'oneOf' || k === 'anyOf')).size !== 1;
      })
      .map((decision) => findingAt(patternOptionRelationshipMustOnlyHaveOneofOrAnyofItems, decision, MESSAGE));
  },
};
