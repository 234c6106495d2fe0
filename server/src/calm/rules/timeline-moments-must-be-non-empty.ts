/** A timeline must list at least one moment. */
import type { Rule } from './rule';
import { isTruthy } from './support/json-values';
import { documentStart, finding, findingAt, ROOT_PATH } from './support/report';
import { timelineView } from './support/timeline-view';

const MESSAGE = 'Timeline must define at least one moment.';

export const timelineMomentsMustBeNonEmpty: Rule = {
  code: 'timeline-moments-must-be-non-empty',
  severity: 'warning',
  kinds: ['timeline'],
  check({ doc }) {
    if (!isTruthy(doc.root)) return [];
    const { momentsValue } = timelineView(doc);
    if (momentsValue?.type === 'array' && (momentsValue.children?.length ?? 0) > 0) return [];
    return [
      momentsValue
        ? findingAt(timelineMomentsMustBeNonEmpty, doc, momentsValue, MESSAGE)
        : finding(timelineMomentsMustBeNonEmpty, MESSAGE, ROOT_PATH, documentStart(doc)),
    ];
  },
};
