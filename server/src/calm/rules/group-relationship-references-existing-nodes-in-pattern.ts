/** Every string entry of a `nodes` list inside a relationship type must be a declared node id. */
import type { Rule } from './rule';
import { unknownIdMessage } from './support/node-reference';
import { isUnknownPatternNode, patternView } from './support/pattern-view';
import { distinct, findingAt } from './support/report';

export const groupRelationshipReferencesExistingNodesInPattern: Rule = {
  code: 'group-relationship-references-existing-nodes-in-pattern',
  severity: 'error',
  kinds: ['pattern'],
  check({ doc }) {
    const view = patternView(doc);
    return distinct(
      view.groupNodeEntries
        .filter((v) => isUnknownPatternNode(view, v))
        .map((v) => findingAt(groupRelationshipReferencesExistingNodesInPattern, v, unknownIdMessage(v, 'node'))),
    );
  },
};
