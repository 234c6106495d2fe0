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
    // Order matters for which occurrence is "the duplicate": all nodes, then relationships, then interfaces.
    return duplicateIds(uniqueIdsMustBeUniqueInArchitecture, [...view.nodeIdValues, ...view.relationshipIdValues, ...view.interfaceIdValues]);
  },
};
