/** No string value anywhere may be "". */
import type { Rule } from './rule';
import { notableValues } from './support/notable-values';
import { findingAt } from './support/report';

const MESSAGE = 'All properties must be set to a nonempty value.';

export const architectureHasNoEmptyStringProperties: Rule = {
  code: 'architecture-has-no-empty-string-properties',
  severity: 'error',
  kinds: ['architecture'],
  check({ doc }) {
    return notableValues(doc).emptyStrings.map((v) => findingAt(architectureHasNoEmptyStringProperties, v, MESSAGE));
  },
};
