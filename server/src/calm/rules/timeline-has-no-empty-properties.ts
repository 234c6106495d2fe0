/** Every value in a timeline must be truthy: "", 0, false and null are all reported. */
import { NONEMPTY_NONZERO_MESSAGE } from './pattern-has-no-empty-properties';
import type { Rule } from './rule';
import { allValues } from './support/document-values';
import { isTruthy } from './support/json-values';
import { findingAt } from './support/report';

export const timelineHasNoEmptyProperties: Rule = {
  code: 'timeline-has-no-empty-properties',
  severity: 'error',
  kinds: ['timeline'],
  check({ doc }) {
    return allValues(doc)
      .filter((v) => !isTruthy(v))
      .map((v) => findingAt(timelineHasNoEmptyProperties, v, NONEMPTY_NONZERO_MESSAGE));
  },
};
