/** A string like `[[ BOOLEAN_NAME ]]` is a boolean placeholder (it is also reported as a string placeholder). */
import type { Rule } from './rule';
import { notableValues } from './support/notable-values';
import { findingAt } from './support/report';

const MESSAGE = 'Boolean placeholder detected in architecture.';

export const architectureHasNoPlaceholderPropertiesBoolean: Rule = {
  code: 'architecture-has-no-placeholder-properties-boolean',
  severity: 'warning',
  kinds: ['architecture'],
  check({ doc }) {
    return notableValues(doc).booleanPlaceholders.map((v) => findingAt(architectureHasNoPlaceholderPropertiesBoolean, v, MESSAGE));
  },
};
