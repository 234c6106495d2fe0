/** A pattern's `properties` must declare `nodes` and `relationships`. */
import type { RuleFinding } from './support/report';
import type { Rule } from './rule';
import { isContainer, isTruthy } from './support/json-values';
import { distinct, findingAt } from './support/report';
import { member, rootOf } from './support/tree';

const MESSAGE = 'Should have nodes and relationships as top level properties on the CALM document';

export const patternHasNodesRelationships: Rule = {
  code: 'pattern-has-nodes-relationships',
  severity: 'error',
  kinds: ['pattern'],
  check({ doc }) {
    const properties = member(rootOf(doc), 'properties');
    // Without `properties` the reference has nothing to look at, so it says nothing.
    if (!properties) return [];
    const out: RuleFinding[] = [];
    for (const key of ['nodes', 'relationships']) {
      const value = isContainer(properties) ? member(properties, key) : properties;
      if (value && isTruthy(value)) continue;
      // A missing declaration is reported on `properties`, the nearest thing that exists.
      out.push(findingAt(patternHasNodesRelationships, value ?? properties, MESSAGE));
    }
    return distinct(out);
  },
};
