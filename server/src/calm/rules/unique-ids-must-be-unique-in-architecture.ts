/** Nodes, relationships and interfaces share one namespace of unique-ids (flows are not checked). */
import type { Rule } from './rule';
import { architectureView } from './support/architecture-view';
import { duplicateIds } from './support/duplicates';

export const uniqueIdsMustBeUniqueInArchitecture: Rule = {
  code: 'unique-ids-must-be-unique-in-architecture',
  severity: 'error',
  kinds: ['architecture'],
  check({ doc }) {
    const view = architectureView(doc);
    // The plain ids first: when all are distinct, no node is made.
    const all = [...view.nodeIdList, ...view.relationshipIdList, ...view.interfaceIdList];
    if (new Set(all).size === all.length) return [];
    // Order matters for which occurrence is "the duplicate": all nodes, then relationships, then interfaces.
    return duplicateIds(uniqueIdsMustBeUniqueInArchitecture, [...view.nodeIdValues, ...view.relationshipIdValues, ...view.interfaceIdValues]);
  },
};
