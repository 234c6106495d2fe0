/** Within one flow, no two transitions may share a sequence-number. */
import type { Finding } from '../findings';
import type { Rule } from './rule';
import { architectureView } from './support/architecture-view';
import { identityOf, isTruthy, templateText } from './support/json-values';
import { findingAt } from './support/report';
import { escapePointerSegment, member, starChildren } from './support/tree';

export const flowTransitionsHaveUniqueSequenceNumbers: Rule = {
  code: 'flow-transitions-have-unique-sequence-numbers',
  severity: 'error',
  kinds: ['architecture'],
  check({ doc }) {
    const out: Finding[] = [];
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
        const segment = transitions.type === 'array' ? String(position) : escapePointerSegment(String(transition.parent?.children?.[0]?.value));
        const message = `Duplicate sequence-number ${templateText(number)} detected. path: /${segment}/sequence-number`;
        out.push(findingAt(flowTransitionsHaveUniqueSequenceNumbers, doc, transitions, message));
      });
    }
    return out;
  },
};
