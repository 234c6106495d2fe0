/** Find all references of the unique-id under the cursor (optionally with its definitions). */
import type { Location, Position } from 'vscode-languageserver-types';
import type { CalmAnalysis } from './analysis';
import { occurrenceAt, occurrencesOf } from './id-occurrences';
import { toOffset, toRange } from './lsp-ranges';

export function references(result: CalmAnalysis, uri: string, position: Position, includeDeclaration: boolean): Location[] {
  const at = occurrenceAt(result, toOffset(result.doc, position));
  if (!at) return [];
  return occurrencesOf(result, at.id, at.kind)
    .filter((o) => includeDeclaration || !o.isDefinition)
    .map((o) => ({ uri, range: toRange(result.doc, o.range) }));
}
