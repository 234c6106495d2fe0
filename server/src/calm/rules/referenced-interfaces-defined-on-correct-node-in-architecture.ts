/** The interfaces listed on a `connects` end must be defined on the node that end names. */
import type { Node as JsonNode } from 'jsonc-parser';
import type { Finding } from '../findings';
import type { Rule } from './rule';
import { architectureView } from './support/architecture-view';
import { identityOf, isTruthy, templateText } from './support/json-values';
import { findingAt } from './support/report';
import { member } from './support/tree';

export const referencedInterfacesDefinedOnCorrectNodeInArchitecture: Rule = {
  code: 'referenced-interfaces-defined-on-correct-node-in-architecture',
  severity: 'error',
  kinds: ['architecture'],
  check({ doc }) {
    const rule = referencedInterfacesDefinedOnCorrectNodeInArchitecture;
    const view = architectureView(doc);
    const out: Finding[] = [];
    for (const end of view.connectsEnds) {
      // Wanted: the `interfaces` list, plus a single `interface` string; nothing wanted, nothing to check.
      const listed = member(end, 'interfaces');
      const single = member(end, 'interface');
      // Built without spreads: this runs once per connects end, tens of thousands of times in large documents.
      const wanted: JsonNode[] = listed?.type === 'array' && listed.children ? listed.children.slice() : [];
      if (single?.type === 'string') wanted.push(single);
      if (wanted.length === 0) continue;
      const nodeRef = member(end, 'node');
      if (!nodeRef || !isTruthy(nodeRef)) {
        out.push(findingAt(rule, doc, end, 'Invalid connects relationship - no node defined.'));
        continue;
      }
      const nodeId = templateText(nodeRef);
      const node = view.firstNodeMatching(nodeId);
      // An unknown node is the connects rule's finding, not this one's.
      if (!node) continue;
      const defined = view.interfaceIdsOf(node);
      if (defined.size === 0) {
        const list = wanted.map(templateText).join(',');
        out.push(findingAt(rule, doc, end, `Node with unique-id ${nodeId} has no interfaces defined, expected interfaces [${list}].`));
        continue;
      }
      for (const entry of wanted) {
        if (defined.has(identityOf(entry))) continue;
        out.push(findingAt(rule, doc, end, `Referenced interface with ID '${templateText(entry)}' was not defined on the node with ID '${nodeId}'.`));
      }
    }
    return out;
  },
};
