/** A pattern property typed `boolean` is closed for extension: an enum is preferred. */
import type { Rule } from './rule';
import { patternView } from './support/pattern-view';
import { findingAt } from './support/report';

const MESSAGE =
  'Boolean property detected. Booleans should ideally be avoided as they are closed for extension; have you considered using an enum instead?';

export const avoidBooleanProperties: Rule = {
  code: 'avoid-boolean-properties',
  severity: 'warning',
  kinds: ['pattern'],
  check({ doc }) {
    return patternView(doc)
      .typeValues.filter((v) => v.type === 'string' && /boolean/.test(v.value as string))
      .map((v) => findingAt(avoidBooleanProperties, v, MESSAGE));
  },
};
