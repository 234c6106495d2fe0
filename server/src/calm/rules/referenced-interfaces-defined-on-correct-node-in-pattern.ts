/** The interfaces on a pattern's `const` connects end must be declared on the node declaration that end names. */
import type { RuleFinding } from './support/report';
import { declaredInterfaces } from './support/pattern-model';
import type { Rule } from './rule';
import { identityOf, isTruthy, templateText } from './support/json-values';
import { constConnectsEnds } from './support/pattern-connects';
import { patternView } from './support/pattern-view';
import { findingAt } from './support/report';
import { member, starChildren } from './support/tree';

export const referencedInterfacesDefinedOnCorrectNodeInPattern: Rule = {
  code: 'referenced-interfaces-defined-on-correct-node-in-pattern',
  severity: 'error',
  kinds: ['pattern'],
  check({ doc }) {
    const rule = referencedInterfacesDefinedOnCorrectNodeInPattern;
    const view = patternView(doc);
    const out: RuleFinding[] = [];
    for (const end of constConnectsEnds(view)) {
      const listed = member(end, 'interfaces');
      const single = member(end, 'interface');
      const wanted = [...(listed?.type === 'array' ? starChildren(listed) : []), ...(single?.type === 'string' ? [single] : [])];
      if (wanted.length === 0) continue;
      const nodeRef = member(end, 'node');
      if (!nodeRef || !isTruthy(nodeRef)) {
        out.push(findingAt(rule, end, 'Invalid connects relationship - no node defined.'));
        continue;
      }
      const declaration = view.model.nodes.find((d) => identityOf(d.id) === identityOf(nodeRef));
      // An undeclared node is another rule's finding.
      if (!declaration) continue;
      const nodeId = templateText(nodeRef);
      const defined = new Set(declaredInterfaces(declaration).map((d) => identityOf(d.id)));
      if (defined.size === 0) {
        // The reference's pattern wording has no final full stop.
        out.push(findingAt(rule, end, `Node with unique-id ${nodeId} has no interfaces defined, expected interfaces [${wanted.map(templateText).join(',')}]`));
        continue;
      }
      for (const entry of wanted) {
        if (defined.has(identityOf(entry))) continue;
        out.push(findingAt(rule, end, `Referenced interface with ID '${templateText(entry)}' was not defined on the node with ID '${nodeId}'.`));
      }
    }
    return out;
  },
};
