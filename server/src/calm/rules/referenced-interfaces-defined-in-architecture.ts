/** Each interface id listed on a `connects` end must be the unique-id of some node's interface. */
import type { RuleFinding } from './support/report';
import type { Rule } from './rule';
import { architectureView } from './support/architecture-view';
import { checkEntries } from './support/node-reference';
import { member } from './support/tree';

export const referencedInterfacesDefinedInArchitecture: Rule = {
  code: 'referenced-interfaces-defined-in-architecture',
  severity: 'error',
  kinds: ['architecture'],
  check({ doc }) {
    const view = architectureView(doc);
    const out: RuleFinding[] = [];
    for (const end of view.connectsEnds) {
      out.push(...checkEntries(referencedInterfacesDefinedInArchitecture, member(end, 'interfaces'), view.interfaceIds, 'interface'));
    }
    return out;
  },
};
