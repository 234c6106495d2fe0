/** A timeline with moments should say which one is current. */
import type { Rule } from './rule';
import { isTruthy } from './support/json-values';
import { DOCUMENT_START, finding, findingAt, ROOT_PATH } from './support/report';
import { timelineView } from './support/timeline-view';
import { lengthOf } from './support/tree';

const MESSAGE = 'Timeline has moments but no current-moment is set.';

export const currentMomentRequiredWhenMomentsNonEmpty: Rule = {
  code: 'current-moment-required-when-moments-non-empty',
  severity: 'warning',
  kinds: ['timeline'],
  check({ doc }) {
    const { momentsValue, currentMoment } = timelineView(doc);
    if (lengthOf(momentsValue) === 0) return [];
    if (currentMoment && isTruthy(currentMoment)) return [];
    return [
      currentMoment
        ? findingAt(currentMomentRequiredWhenMomentsNonEmpty, currentMoment, MESSAGE)
        : finding(currentMomentRequiredWhenMomentsNonEmpty, MESSAGE, ROOT_PATH, DOCUMENT_START),
    ];
  },
};
