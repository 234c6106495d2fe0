/** Every entry of any relationship kind's `nodes` list (interacts, composed-of, deployed-in) must name an existing node. */
import type { RuleFinding } from './support/report';
import type { Rule } from './rule';
import { architectureView } from './support/architecture-view';
import { checkReference } from './support/node-reference';
import { member, starChildren } from './support/tree';

export const compositionRelationshipsReferenceExistingNodesInArchitecture: Rule = {
  code: 'composition-relationships-reference-existing-nodes-in-architecture',
  severity: 'error',
  kinds: ['architecture'],
  check({ doc }) {
    const view = architectureView(doc);
    const out: RuleFinding[] = [];
    for (const body of view.typeBodies) {
      for (const entry of starChildren(member(body, 'nodes'))) {
        out.push(...checkReference(compositionRelationshipsReferenceExistingNodesInArchitecture, entry, view.nodeIds, 'node'));
      }
    }
    return out;
  },
};
