/** Every node's unique-id should appear somewhere inside some relationship's `relationship-type`. */
import type { Rule } from './rule';
import { architectureView } from './support/architecture-view';
import { templateText } from './support/json-values';
import { findingAt } from './support/report';

export const architectureNodesMustBeReferenced: Rule = {
  code: 'architecture-nodes-must-be-referenced',
  severity: 'warning',
  kinds: ['architecture'],
  check({ doc }) {
    const view = architectureView(doc);
    const strings = view.relationshipTypeStrings;
    // The plain ids first: when every node is referenced, no node is made.
    if (view.nodeIdList.every((id) => typeof id === 'string' && strings.has(id))) return [];
    return view.nodeIdValues
      .filter((id) => !(id.type === 'string' && strings.has(id.value as string)))
      .map((id) =>
        findingAt(architectureNodesMustBeReferenced, id, `Node with ID '${templateText(id)}' is not referenced by any relationships.`),
      );
  },
};
