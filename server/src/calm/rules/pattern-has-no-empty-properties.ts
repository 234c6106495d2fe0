/** Every value in a pattern must be truthy: "", 0, false and null are all reported. */
import type { Rule } from './rule';
import { allValues } from './support/document-values';
import { isTruthy } from './support/json-values';
import { findingAt } from './support/report';

export const NONEMPTY_NONZERO_MESSAGE = 'All properties must be set to a nonempty, nonzero value.';

export const patternHasNoEmptyProperties: Rule = {
  code: 'pattern-has-no-empty-properties',
  severity: 'error',
  kinds: ['pattern'],
  check({ doc }) {
    return allValues(doc)
      .filter((v) => !isTruthy(v))
      .map((v) => findingAt(patternHasNoEmptyProperties, v, NONEMPTY_NONZERO_MESSAGE));
  },
};
