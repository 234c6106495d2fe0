/** A string like `[[ BOOLEAN_NAME ]]` is a boolean placeholder (it is also reported as a string placeholder). */
import type { Rule } from './rule';
import { allValues } from './support/document-values';
import { BOOLEAN_PLACEHOLDER, isStringMatching } from './support/placeholders';
import { findingAt } from './support/report';

const MESSAGE = 'Boolean placeholder detected in architecture.';

export const architectureHasNoPlaceholderPropertiesBoolean: Rule = {
  code: 'architecture-has-no-placeholder-properties-boolean',
  severity: 'warning',
  kinds: ['architecture'],
  check({ doc }) {
    return allValues(doc)
      .filter((v) => isStringMatching(v, BOOLEAN_PLACEHOLDER))
      .map((v) => findingAt(architectureHasNoPlaceholderPropertiesBoolean, doc, v, MESSAGE));
  },
};
