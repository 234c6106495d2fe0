/** A string like `[[ NAME ]]` is a placeholder left unfilled. */
import type { Rule } from './rule';
import { notableValues } from './support/notable-values';
import { findingAt } from './support/report';

export const STRING_PLACEHOLDER_MESSAGE = 'String placeholder detected in architecture.';

export const architectureHasNoPlaceholderPropertiesString: Rule = {
  code: 'architecture-has-no-placeholder-properties-string',
  severity: 'warning',
  kinds: ['architecture'],
  check({ doc }) {
    return notableValues(doc).stringPlaceholders.map((v) => findingAt(architectureHasNoPlaceholderPropertiesString, v, STRING_PLACEHOLDER_MESSAGE));
  },
};
