/** Within one flow, no two transitions may share a sequence-number. */
import type { RuleFinding } from './support/report';
import type { Rule } from './rule';
import { architectureView } from './support/architecture-view';
import { identityOf, isTruthy, templateText } from './support/json-values';
import { findingAt } from './support/report';
import { escapeSegment } from '../pointer';
import { member, starChildren } from './support/tree';

export const flowTransitionsHaveUniqueSequenceNumbers: Rule = {
  code: 'flow-transitions-have-unique-sequence-numbers',
  severity: 'error',
  kinds: ['architecture'],
  check({ doc }) {
    const out: RuleFinding[] = [];
    for (const transitions of architectureView(doc).transitionLists) {
      if (!isTruthy(transitions)) continue;
      const seen = new Set<unknown>();
      starChildren(transitions).forEach((transition, position) => {
        const number = member(transition, 'sequence-number');
        if (!number) return;
        const identity = identityOf(number);
        if (!seen.has(identity)) {
          seen.add(identity);
          return;
        }
        // The reference reports the whole transitions list; its message points inside it.
        const segment = transitions.type === 'array' ? String(position) : escapeSegment(String(transition.key));
        const message = `Duplicate sequence-number ${templateText(number)} detected. path: /${segment}/sequence-number`;
        out.push(findingAt(flowTransitionsHaveUniqueSequenceNumbers, transitions, message));
      });
    }
    return out;
  },
};
