/** Each flow transition's `relationship-unique-id` must name a relationship. */
import type { RuleFinding } from './support/report';
import type { Rule } from './rule';
import { architectureView } from './support/architecture-view';
import { checkReference } from './support/node-reference';
import { fieldOf, starChildren } from './support/tree';

export const flowTransitionsReferencesExistingRelationshipInArchitecture: Rule = {
  code: 'flow-transitions-references-existing-relationship-in-architecture',
  severity: 'error',
  kinds: ['architecture'],
  check({ doc }) {
    const view = architectureView(doc);
    const out: RuleFinding[] = [];
    for (const transitions of view.transitionLists) {
      for (const transition of starChildren(transitions)) {
        const target = fieldOf(transition, 'relationship-unique-id');
        out.push(...checkReference(flowTransitionsReferencesExistingRelationshipInArchitecture, target, view.relationshipIds, 'relationship'));
      }
    }
    return out;
  },
};
