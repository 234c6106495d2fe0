/** Each node a pattern declares (positionally, or in an `items` catalog) should be named inside some relationship type. */
import type { Rule } from './rule';
import { templateText } from './support/json-values';
import { patternView } from './support/pattern-view';
import { findingAt } from './support/report';

export const patternNodesMustBeReferenced: Rule = {
  code: 'pattern-nodes-must-be-referenced',
  severity: 'warning',
  kinds: ['pattern'],
  check({ doc }) {
    const view = patternView(doc);
    return view.model.nodes
      .filter((d) => d.slot === 'prefixItems' || d.slot === 'items.oneOf' || d.slot === 'items.anyOf')
      .filter((d) => !(d.id.type === 'string' && view.relationshipTypeStrings.has(d.id.value as string)))
      .map((d) => findingAt(patternNodesMustBeReferenced, d.id, `Node with ID '${templateText(d.id)}' is not referenced by any relationships.`));
  },
};
