/** Every entry of any relationship kind's `nodes` list (interacts, composed-of, deployed-in) must name an existing node. */
import type { RuleFinding } from './support/report';
import type { Rule } from './rule';
import { architectureView } from './support/architecture-view';
import { checkEntries } from './support/node-reference';
import { member } from './support/tree';

export const compositionRelationshipsReferenceExistingNodesInArchitecture: Rule = {
  code: 'composition-relationships-reference-existing-nodes-in-architecture',
  severity: 'error',
  kinds: ['architecture'],
  check({ doc }) {
    const view = architectureView(doc);
    const out: RuleFinding[] = [];
    for (const body of view.typeBodies) {
      out.push(...checkEntries(compositionRelationshipsReferenceExistingNodesInArchitecture, member(body, 'nodes'), view.nodeIds, 'node'));
    }
    return out;
  },
};
