/** A timeline must list at least one moment. */
import type { Rule } from './rule';
import { lengthOf, rootOf } from './support/tree';
import { isTruthy } from './support/json-values';
import { DOCUMENT_START, finding, findingAt, ROOT_PATH } from './support/report';
import { timelineView } from './support/timeline-view';

const MESSAGE = 'Timeline must define at least one moment.';

export const timelineMomentsMustBeNonEmpty: Rule = {
  code: 'timeline-moments-must-be-non-empty',
  severity: 'warning',
  kinds: ['timeline'],
  check({ doc }) {
    if (!isTruthy(rootOf(doc))) return [];
    const { momentsValue } = timelineView(doc);
    if (lengthOf(momentsValue) > 0) return [];
    return [
      momentsValue
        ? findingAt(timelineMomentsMustBeNonEmpty, momentsValue, MESSAGE)
        : finding(timelineMomentsMustBeNonEmpty, MESSAGE, ROOT_PATH, DOCUMENT_START),
    ];
  },
};
