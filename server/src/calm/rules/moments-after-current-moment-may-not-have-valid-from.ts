/** Moments listed after the current one are future plans: they should not carry a `valid-from` yet. */
import type { RuleFinding } from './support/report';
import type { Rule } from './rule';
import { identityOf, isTruthy, templateText } from './support/json-values';
import { findingAt } from './support/report';
import { timelineView } from './support/timeline-view';
import { member } from './support/tree';

export const momentsAfterCurrentMomentMayNotHaveValidFrom: Rule = {
  code: 'moments-after-current-moment-may-not-have-valid-from',
  severity: 'warning',
  kinds: ['timeline'],
  check({ doc }) {
    const { moments, currentMoment } = timelineView(doc);
    if (!currentMoment || !isTruthy(currentMoment)) return [];
    const current = identityOf(currentMoment);
    const out: RuleFinding[] = [];
    let afterCurrent = false;
    for (const moment of moments) {
      const id = member(moment, 'unique-id');
      if (id && isTruthy(id) && identityOf(id) === current) {
        afterCurrent = true;
        continue;
      }
      if (!afterCurrent || !isTruthy(member(moment, 'valid-from'))) continue;
      // The reference reports these on `current-moment`, the value that makes them wrong.
      const message = `Moment with unique-id "${templateText(id)}" is after current-moment "${templateText(currentMoment)}" but has a valid-from.`;
      out.push(findingAt(momentsAfterCurrentMomentMayNotHaveValidFrom, currentMoment, message));
    }
    return out;
  },
};
