/** No two moments may share a unique-id. */
import type { Rule } from './rule';
import { duplicateIds } from './support/duplicates';
import { timelineView } from './support/timeline-view';
import { starMember } from './support/tree';

export const uniqueIdsMustBeUniqueInTimeline: Rule = {
  code: 'unique-ids-must-be-unique-in-timeline',
  severity: 'error',
  kinds: ['timeline'],
  check({ doc }) {
    return duplicateIds(uniqueIdsMustBeUniqueInTimeline, starMember(timelineView(doc).momentsValue, 'unique-id'));
  },
};
