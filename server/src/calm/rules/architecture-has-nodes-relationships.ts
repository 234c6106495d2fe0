/** Top-level `nodes` and `relationships` must be present and truthy. */
import type { RuleFinding } from './support/report';
import type { Rule } from './rule';
import { isContainer, isTruthy } from './support/json-values';
import { distinct, DOCUMENT_START, finding, findingAt, ROOT_PATH } from './support/report';
import { member, rootOf } from './support/tree';

const MESSAGE = 'Should have nodes and relationships as top level properties on the CALM document';

export const architectureHasNodesRelationships: Rule = {
  code: 'architecture-has-nodes-relationships',
  severity: 'error',
  kinds: ['architecture'],
  check({ doc }) {
    const root = rootOf(doc);
    const out: RuleFinding[] = [];
    for (const key of ['nodes', 'relationships']) {
      const value = isContainer(root) ? member(root, key) : root;
      if (value && isTruthy(value)) continue;
      // A missing property is reported on the nearest thing that exists: the document itself.
      out.push(value && value !== root ? findingAt(architectureHasNodesRelationships, value, MESSAGE) : finding(architectureHasNodesRelationships, MESSAGE, ROOT_PATH, DOCUMENT_START));
    }
    return distinct(out);
  },
};
