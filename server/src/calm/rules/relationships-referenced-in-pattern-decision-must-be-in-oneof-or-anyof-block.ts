/** A relationship a pattern decision chooses must be declared as a oneOf/anyOf alternative. */
import type { Rule } from './rule';
import { choicesOutsideAlternatives } from './support/decision-blocks';
import { patternView } from './support/pattern-view';

export const relationshipsReferencedInPatternDecisionMustBeInOneofOrAnyofBlock: Rule = {
  code: 'relationships-referenced-in-pattern-decision-must-be-in-oneof-or-anyof-block',
  severity: 'error',
  kinds: ['pattern'],
  check({ doc }) {
    const view = patternView(doc);
    return choicesOutsideAlternatives(
      relationshipsReferencedInPatternDecisionMustBeInOneofOrAnyofBlock,
      view,
      'relationships',
      view.model.relationships,
    );
  },
};
