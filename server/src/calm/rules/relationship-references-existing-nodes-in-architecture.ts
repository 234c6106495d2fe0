/** `interacts.actor` and the `container` of `composed-of` / `deployed-in` must name existing nodes. */
import type { RuleFinding } from './support/report';
import type { Rule } from './rule';
import { architectureView } from './support/architecture-view';
import { checkReference, isDangling } from './support/node-reference';
import { distinct } from './support/report';
import { fieldOf, fieldValueOf } from './support/tree';

export const relationshipReferencesExistingNodesInArchitecture: Rule = {
  code: 'relationship-references-existing-nodes-in-architecture',
  severity: 'error',
  kinds: ['architecture'],
  check({ doc }) {
    const view = architectureView(doc);
    const out: RuleFinding[] = [];
    // Every kind's body (`relationship-type.*`) is asked for both fields, as the reference does.
    for (const body of view.typeBodies) {
      for (const field of ['actor', 'container']) {
        // The plain value first: a node is made only for a reference that is reported.
        if (!isDangling(fieldValueOf(body.value, field), view.nodeIds)) continue;
        out.push(...checkReference(relationshipReferencesExistingNodesInArchitecture, fieldOf(body, field), view.nodeIds, 'node'));
      }
    }
    return distinct(out);
  },
};
