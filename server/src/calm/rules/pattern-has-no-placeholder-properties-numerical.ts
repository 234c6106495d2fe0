/** As for architectures: a value `== -1` in a pattern is a numerical placeholder. */
import { NUMERICAL_PLACEHOLDER_MESSAGE } from './architecture-has-no-placeholder-properties-numerical';
import type { Rule } from './rule';
import { allValues } from './support/document-values';
import { looselyEqualsMinusOne } from './support/json-values';
import { findingAt } from './support/report';

export const patternHasNoPlaceholderPropertiesNumerical: Rule = {
  code: 'pattern-has-no-placeholder-properties-numerical',
  severity: 'warning',
  kinds: ['pattern'],
  check({ doc }) {
    return allValues(doc)
      .filter((v) => looselyEqualsMinusOne(v.value))
      .map((v) => findingAt(patternHasNoPlaceholderPropertiesNumerical, v, NUMERICAL_PLACEHOLDER_MESSAGE));
  },
};
