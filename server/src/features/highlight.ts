/** Document highlight: every occurrence of the unique-id under the cursor; definitions as writes, references as reads. */
import { DocumentHighlightKind, type DocumentHighlight, type Position } from 'vscode-languageserver-types';
import type { CalmAnalysis } from './analysis';
import { occurrenceAt, occurrencesOf } from './id-occurrences';
import { toOffset, toRange } from './lsp-ranges';

export function documentHighlights(result: CalmAnalysis, position: Position): DocumentHighlight[] {
  const at = occurrenceAt(result, toOffset(result.doc, position));
  if (!at) return [];
  return occurrencesOf(result, at.id, at.kind).map((o) => ({
    range: toRange(result.doc, o.range),
    kind: o.isDefinition ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}
