/** Each end of a `connects` relationship must name an existing node. */
import type { RuleFinding } from './support/report';
import type { Rule } from './rule';
import { architectureView } from './support/architecture-view';
import { checkReference, isDangling } from './support/node-reference';
import { fieldOf, fieldValueOf } from './support/tree';

export const connectsRelationshipReferencesExistingNodesInArchitecture: Rule = {
  code: 'connects-relationship-references-existing-nodes-in-architecture',
  severity: 'error',
  kinds: ['architecture'],
  check({ doc }) {
    const view = architectureView(doc);
    const out: RuleFinding[] = [];
    // An end written as a bare string (older CALM: `"source": "api-gateway"`) is itself the node id.
    for (const end of view.connectsEnds) {
      // The plain value first: a node is made only for a reference that is reported.
      if (!isDangling(fieldValueOf(end.value, 'node'), view.nodeIds)) continue;
      out.push(...checkReference(connectsRelationshipReferencesExistingNodesInArchitecture, fieldOf(end, 'node'), view.nodeIds, 'node'));
    }
    return out;
  },
};
