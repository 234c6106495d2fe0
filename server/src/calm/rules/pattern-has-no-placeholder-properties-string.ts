/** As for architectures: a `[[ NAME ]]` string in a pattern is a placeholder. */
import { STRING_PLACEHOLDER_MESSAGE } from './architecture-has-no-placeholder-properties-string';
import type { Rule } from './rule';
import { allValues } from './support/document-values';
import { isStringMatching, STRING_PLACEHOLDER } from './support/placeholders';
import { findingAt } from './support/report';

export const patternHasNoPlaceholderPropertiesString: Rule = {
  code: 'pattern-has-no-placeholder-properties-string',
  severity: 'warning',
  kinds: ['pattern'],
  check({ doc }) {
    return allValues(doc)
      .filter((v) => isStringMatching(v.value, STRING_PLACEHOLDER))
      .map((v) => findingAt(patternHasNoPlaceholderPropertiesString, v, STRING_PLACEHOLDER_MESSAGE));
  },
};
