/** Shared by the two "referenced in a pattern decision must be in a oneOf or anyOf block" rules. */
import type { PatternDeclaration } from './pattern-model';
import { decisionChoices, decisions } from './pattern-options';
import type { PatternView } from './pattern-view';
import { findingAt, type RuleFinding, type RuleIdentity } from './report';

/**
 * A choice a decision offers must be an alternative (inside a prefixItems entry's oneOf/anyOf): one
 * declared only positionally would be in every architecture whatever the decision says.
 */
export function choicesOutsideAlternatives(
  rule: RuleIdentity,
  view: PatternView,
  collection: 'nodes' | 'relationships',
  declared: readonly PatternDeclaration[],
): RuleFinding[] {
  const positional = new Set<unknown>();
  const alternative = new Set<unknown>();
  for (const d of declared) {
    if (d.id.type !== 'string') continue;
    if (d.slot === 'prefixItems') positional.add(d.id.value);
    if (d.slot === 'prefixItems.oneOf' || d.slot === 'prefixItems.anyOf') alternative.add(d.id.value);
  }
  const out: RuleFinding[] = [];
  for (const decision of decisions(view)) {
    for (const choice of decisionChoices(decision, collection)) {
      if (choice.type !== 'string' || choice.value === '') continue;
      const id = choice.value as string;
      if (positional.has(id) && !alternative.has(id)) {
        out.push(findingAt(rule, choice, `'${id}' is part of a pattern option and must be defined in a oneOf or anyOf block.`));
      }
    }
  }
  return out;
}
