/** Moments that carry a `valid-from` must appear in date order. */
import type { RuleFinding } from './support/report';
import type { Rule } from './rule';
import { isTruthy, templateText } from './support/json-values';
import { findingAt } from './support/report';
import { timelineView } from './support/timeline-view';
import { lengthOf, member, starChildren } from './support/tree';

export const momentsMustBeSortedByValidFrom: Rule = {
  code: 'moments-must-be-sorted-by-valid-from',
  severity: 'error',
  kinds: ['timeline'],
  check({ doc }) {
    const { momentsValue } = timelineView(doc);
    if (lengthOf(momentsValue) < 2) return [];
    const out: RuleFinding[] = [];
    let previous: { time: number; text: string } | undefined;
    starChildren(momentsValue).forEach((moment, index) => {
      const validFrom = member(moment, 'valid-from');
      if (!validFrom || !isTruthy(validFrom)) return;
      const text = templateText(validFrom);
      const time = Date.parse(text);
      // Dates that do not parse are the schema's concern; they neither fail nor reset the order.
      if (Number.isNaN(time)) return;
      if (previous && time < previous.time) {
        const id = member(moment, 'unique-id');
        const label = id && isTruthy(id) ? `unique-id "${templateText(id)}"` : `index ${index}`;
        const message = `Moment with ${label} has valid-from "${text}" which is before the previous valid-from "${previous.text}".`;
        out.push(findingAt(momentsMustBeSortedByValidFrom, validFrom, message));
      }
      previous = { time, text };
    });
    return out;
  },
};
