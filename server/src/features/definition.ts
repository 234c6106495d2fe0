/** Go to definition: from a reference (or a definition) to every element defining that unique-id. */
import type { Location, Position } from 'vscode-languageserver-types';
import type { CalmAnalysis } from './analysis';
import { definitionsOf, occurrenceAt } from './id-occurrences';
import { toOffset, toRange } from './lsp-ranges';

export function definition(result: CalmAnalysis, uri: string, position: Position): Location[] {
  const at = occurrenceAt(result, toOffset(result.doc, position));
  if (!at) return [];
  return definitionsOf(result, at.id, at.kind).map((def) => ({ uri, range: toRange(result.doc, def.element.idRange) }));
}
