/** Top-level `nodes` and `relationships` must be present and truthy. */
import type { Finding } from '../findings';
import type { Rule } from './rule';
import { isContainer, isTruthy } from './support/json-values';
import { distinct, documentStart, finding, findingAt, ROOT_PATH } from './support/report';
import { member } from './support/tree';

const MESSAGE = 'Should have nodes and relationships as top level properties on the CALM document';

export const architectureHasNodesRelationships: Rule = {
  code: 'architecture-has-nodes-relationships',
  severity: 'error',
  kinds: ['architecture'],
  check({ doc }) {
    const root = doc.root;
    if (!root) return [];
    const out: Finding[] = [];
    for (const key of ['nodes', 'relationships']) {
      const value = isContainer(root) ? member(root, key) : root;
      if (value && isTruthy(value)) continue;
      // A missing property is reported on the nearest thing that exists: the document itself.
      out.push(value && value !== root ? findingAt(architectureHasNodesRelationships, doc, value, MESSAGE) : finding(architectureHasNodesRelationships, MESSAGE, ROOT_PATH, documentStart(doc)));
    }
    return distinct(out);
  },
};
