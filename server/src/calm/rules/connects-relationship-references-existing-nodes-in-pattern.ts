/**
 * `connects.source.node`, wherever it is written in a pattern, must be a declared node id. (The
 * reference checks the source end only; the destination is left to the architecture's validation.)
 */
import type { Rule } from './rule';
import { unknownIdMessage } from './support/node-reference';
import { isUnknownPatternNode, patternView } from './support/pattern-view';
import { findingAt } from './support/report';

export const connectsRelationshipReferencesExistingNodesInPattern: Rule = {
  code: 'connects-relationship-references-existing-nodes-in-pattern',
  severity: 'error',
  kinds: ['pattern'],
  check({ doc }) {
    const view = patternView(doc);
    return view.connectsSourceNodes
      .filter((v) => isUnknownPatternNode(view, v))
      .map((v) => findingAt(connectsRelationshipReferencesExistingNodesInPattern, v, unknownIdMessage(v, 'node')));
  },
};
