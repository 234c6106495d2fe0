/**
 * One walk over every value of an architecture, sorting out the few that the generic rules report
 * (empty strings, -1 placeholders, `[[ NAME ]]` placeholders): four rules share it, so a large
 * document is walked once, and no list of all its values is built.
 */
import type { Node as JsonNode } from 'jsonc-parser';
import type { CalmDocument } from '../../model';
import { looselyEqualsMinusOne } from './json-values';
import { BOOLEAN_PLACEHOLDER, isStringMatching, STRING_PLACEHOLDER } from './placeholders';
import { forEachDescendant } from './tree';

export interface NotableValues {
  /** Values `== -1` (JavaScript loose equality), in document order. */
  readonly minusOnes: readonly JsonNode[];
  readonly emptyStrings: readonly JsonNode[];
  readonly stringPlaceholders: readonly JsonNode[];
  readonly booleanPlaceholders: readonly JsonNode[];
}

/** Can this string be loosely equal to -1? It needs a minus sign and a digit 1 (`-1`, `-1.0`, `-.1e1`, `-10e-1`...). */
function mayReadAsMinusOne(text: string): boolean {
  return text.length < 64 && text.includes('-') && text.includes('1');
}

function collect(doc: CalmDocument): NotableValues {
  const minusOnes: JsonNode[] = [];
  const emptyStrings: JsonNode[] = [];
  const stringPlaceholders: JsonNode[] = [];
  const booleanPlaceholders: JsonNode[] = [];
  if (doc.root) {
    forEachDescendant(doc.root, (node) => {
      switch (node.type) {
        case 'string': {
          const text = node.value as string;
          if (text === '') emptyStrings.push(node);
          else if (text.charCodeAt(0) === 91 /* [ */) {
            if (isStringMatching(node, STRING_PLACEHOLDER)) stringPlaceholders.push(node);
            if (isStringMatching(node, BOOLEAN_PLACEHOLDER)) booleanPlaceholders.push(node);
          }
          if (mayReadAsMinusOne(text) && looselyEqualsMinusOne(node)) minusOnes.push(node);
          break;
        }
        case 'number':
          if (node.value === -1) minusOnes.push(node);
          break;
        case 'array':
          // `[-1]` and `[[-1]]` read as -1 too.
          if (node.children?.length === 1 && looselyEqualsMinusOne(node)) minusOnes.push(node);
          break;
      }
    });
  }
  return { minusOnes, emptyStrings, stringPlaceholders, booleanPlaceholders };
}

const cache = new WeakMap<CalmDocument, NotableValues>();

export function notableValues(doc: CalmDocument): NotableValues {
  let values = cache.get(doc);
  if (!values) {
    values = collect(doc);
    cache.set(doc, values);
  }
  return values;
}
