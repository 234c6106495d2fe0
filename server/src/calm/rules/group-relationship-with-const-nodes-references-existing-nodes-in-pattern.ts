/** Every entry of a `nodes.const` list inside a relationship type must be a declared node id. */
import type { Rule } from './rule';
import { unknownIdMessage } from './support/node-reference';
import { isUnknownPatternNode, patternView } from './support/pattern-view';
import { distinct, findingAt } from './support/report';

export const groupRelationshipWithConstNodesReferencesExistingNodesInPattern: Rule = {
  code: 'group-relationship-with-const-nodes-references-existing-nodes-in-pattern',
  severity: 'error',
  kinds: ['pattern'],
  check({ doc }) {
    const view = patternView(doc);
    return distinct(
      view.groupConstNodeEntries
        .filter((v) => isUnknownPatternNode(view, v))
        .map((v) => findingAt(groupRelationshipWithConstNodesReferencesExistingNodesInPattern, v, unknownIdMessage(v, 'node'))),
    );
  },
};
