/** `current-moment` must be the unique-id of one of the moments. */
import type { Rule } from './rule';
import { identityOf } from './support/json-values';
import { checkReference } from './support/node-reference';
import { timelineView } from './support/timeline-view';
import { member } from './support/tree';

export const currentMomentMustReferenceMomentInTimeline: Rule = {
  code: 'current-moment-must-reference-moment-in-timeline',
  severity: 'error',
  kinds: ['timeline'],
  check({ doc }) {
    const view = timelineView(doc);
    const ids = new Set<unknown>();
    for (const moment of view.moments) {
      const id = member(moment, 'unique-id');
      if (id) ids.add(identityOf(id));
    }
    return checkReference(currentMomentMustReferenceMomentInTimeline, view.currentMoment, ids, 'moment');
  },
};
