/** The reference's duplicate unique-id check: one namespace, first occurrence wins, later ones reported. */
import type { ValueNode } from '../../value-node';
import { identityOf, templateText } from './json-values';
import { finding, ROOT_PATH, type RuleFinding, type RuleIdentity } from './report';
import { plainPointerOf } from './tree';

/**
 * The reference reports these at the document root (its path is `/`); the message carries the index
 * pointer. We keep that path, and underline the duplicate id itself so the editor shows where it is.
 */
export function duplicateIds(rule: RuleIdentity, ids: readonly ValueNode[]): RuleFinding[] {
  const seen = new Set<unknown>();
  const out: RuleFinding[] = [];
  for (const id of ids) {
    const identity = identityOf(id);
    if (seen.has(identity)) {
      out.push(finding(rule, `Duplicate unique-id detected. ID: ${templateText(id)}, path: ${plainPointerOf(id)}`, ROOT_PATH, id));
    } else {
      seen.add(identity);
    }
  }
  return out;
}
