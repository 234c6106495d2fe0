/** An `actor` or `container` written two levels under a relationship type (e.g. `const.interacts.actor`) must be a declared node. */
import type { RuleFinding } from './support/report';
import type { Rule } from './rule';
import { unknownIdMessage } from './support/node-reference';
import { isUnknownPatternNode, patternView } from './support/pattern-view';
import { distinct, findingAt } from './support/report';
import { fieldOf, starChildren } from './support/tree';

export const relationshipReferencesExistingNodesInPattern: Rule = {
  code: 'relationship-references-existing-nodes-in-pattern',
  severity: 'error',
  kinds: ['pattern'],
  check({ doc }) {
    const view = patternView(doc);
    const out: RuleFinding[] = [];
    for (const type of view.relationshipTypes) {
      for (const level of starChildren(type)) {
        for (const body of starChildren(level)) {
          for (const field of ['actor', 'container']) {
            const value = fieldOf(body, field);
            if (isUnknownPatternNode(view, value)) out.push(findingAt(relationshipReferencesExistingNodesInPattern, value, unknownIdMessage(value, 'node')));
          }
        }
      }
    }
    return distinct(out);
  },
};
