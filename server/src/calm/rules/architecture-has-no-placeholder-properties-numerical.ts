/** A value equal to -1 (JavaScript `==`, so "-1" and [-1] too) is a numerical placeholder. */
import type { Rule } from './rule';
import { notableValues } from './support/notable-values';
import { findingAt } from './support/report';

export const NUMERICAL_PLACEHOLDER_MESSAGE = 'Numerical placeholder (-1) detected in architecture.';

export const architectureHasNoPlaceholderPropertiesNumerical: Rule = {
  code: 'architecture-has-no-placeholder-properties-numerical',
  severity: 'warning',
  kinds: ['architecture'],
  check({ doc }) {
    return notableValues(doc).minusOnes.map((v) => findingAt(architectureHasNoPlaceholderPropertiesNumerical, v, NUMERICAL_PLACEHOLDER_MESSAGE));
  },
};
