/** Interface ids on the `const` connects ends of a pattern must be declared by some interface (`..interfaces.prefixItems[*]`). */
import type { RuleFinding } from './support/report';
import type { Rule } from './rule';
import { checkReference } from './support/node-reference';
import { constConnectsEnds } from './support/pattern-connects';
import { patternView } from './support/pattern-view';
import { member, starChildren } from './support/tree';

export const referencedInterfacesDefinedInPattern: Rule = {
  code: 'referenced-interfaces-defined-in-pattern',
  severity: 'error',
  kinds: ['pattern'],
  check({ doc }) {
    const view = patternView(doc);
    const out: RuleFinding[] = [];
    for (const end of constConnectsEnds(view)) {
      for (const entry of starChildren(member(end, 'interfaces'))) {
        out.push(...checkReference(referencedInterfacesDefinedInPattern, entry, view.interfaceIds, 'interface'));
      }
    }
    return out;
  },
};
