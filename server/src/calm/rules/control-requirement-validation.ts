/**
 * A control's inline `config` must satisfy the schema its `requirement-url` names. Offline, that can be
 * decided for the requirement schemas this extension bundles (CALM's own control-requirement.json);
 * a requirement or config that would have to be fetched or read from disk is not judged here, since a
 * pure rule has no I/O and "could not load" would be a claim about the user's network, not their file.
 */
import type { ValueNode } from '../value-node';
import type { RuleFinding } from './support/report';
import { errorsOf, metaValidator } from '../schema/validators';
import type { Rule } from './rule';
import { pathOf } from './support/report';
import { member, starChildren, rootOf } from './support/tree';

/** Where controls live: the document, and every node, relationship and flow. */
function controlBlocks(root: ValueNode | undefined): ValueNode[] {
  const owners = [root, ...['nodes', 'relationships', 'flows'].flatMap((key) => starChildren(member(root, key)))];
  return owners.map((owner) => member(owner, 'controls')).filter((c): c is ValueNode => c?.type === 'object');
}

export const controlRequirementValidation: Rule = {
  code: 'control-requirement-validation',
  severity: 'error',
  kinds: ['architecture'],
  check({ doc }) {
    const out: RuleFinding[] = [];
    for (const block of controlBlocks(rootOf(doc))) {
      for (const control of starChildren(block)) {
        for (const detail of starChildren(member(control, 'requirements'))) {
          const url = member(detail, 'requirement-url');
          const config = member(detail, 'config');
          if (url?.type !== 'string' || !config) continue;
          const validate = metaValidator(url.value as string);
          if (!validate) continue;
          const path = pathOf(detail);
          for (const error of errorsOf(validate, config.value)) {
            out.push({
              code: controlRequirementValidation.code,
              severity: 'error',
              message: error.message ?? 'does not satisfy the requirement schema',
              path: error.instancePath === '' ? path : path + error.instancePath,
              at: detail,
              schemaPath: error.schemaPath,
            });
          }
        }
      }
    }
    return out;
  },
};
