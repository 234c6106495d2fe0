/** The interfaces listed on a `connects` end must be defined on the node that end names. */
import { ownMember } from '../value-node';
import type { Rule } from './rule';
import { architectureView } from './support/architecture-view';
import { textOf } from './support/json-values';
import { findingAt, type RuleFinding } from './support/report';

export const referencedInterfacesDefinedOnCorrectNodeInArchitecture: Rule = {
  code: 'referenced-interfaces-defined-on-correct-node-in-architecture',
  severity: 'error',
  kinds: ['architecture'],
  check({ doc }) {
    const rule = referencedInterfacesDefinedOnCorrectNodeInArchitecture;
    const view = architectureView(doc);
    const out: RuleFinding[] = [];
    // Plain values throughout: this runs once per connects end, tens of thousands of times in large documents.
    for (const end of view.connectsEnds) {
      // Wanted: the `interfaces` list, plus a single `interface` string; nothing wanted, nothing to check.
      const listed = ownMember(end.value, 'interfaces');
      const single = ownMember(end.value, 'interface');
      const wanted: unknown[] = Array.isArray(listed) ? listed.slice() : [];
      if (typeof single === 'string') wanted.push(single);
      if (wanted.length === 0) continue;
      const nodeRef = ownMember(end.value, 'node');
      if (!nodeRef) {
        out.push(findingAt(rule, end, 'Invalid connects relationship - no node defined.'));
        continue;
      }
      const nodeId = textOf(nodeRef);
      const node = view.firstNodeMatching(nodeId);
      // An unknown node is the connects rule's finding, not this one's.
      if (node === undefined) continue;
      const defined = view.interfaceIdsOf(node);
      if (defined.length === 0) {
        const list = wanted.map(textOf).join(',');
        out.push(findingAt(rule, end, `Node with unique-id ${nodeId} has no interfaces defined, expected interfaces [${list}].`));
        continue;
      }
      for (const entry of wanted) {
        if (defined.includes(entry)) continue;
        out.push(findingAt(rule, end, `Referenced interface with ID '${textOf(entry)}' was not defined on the node with ID '${nodeId}'.`));
      }
    }
    return out;
  },
};
