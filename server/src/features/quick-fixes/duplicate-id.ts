/** A duplicated unique-id: give this occurrence a fresh id (references keep naming the other one). */
import type { CalmAnalysis } from '../analysis';
import type { Finding } from '../../calm/findings';
import { allDefinitions, freshId } from '../id-occurrences';
import { toRange } from '../lsp-ranges';
import { quoted, type QuickFix } from './quick-fix';

export function fixDuplicateId(result: CalmAnalysis, finding: Finding): QuickFix[] {
  for (const def of allDefinitions(result)) {
    const id = def.element.uniqueId;
    if (id === undefined || def.element.idRange.start !== finding.range.start) continue;
    const renamed = freshId(result, id);
    return [{ title: `Rename this one to ${quoted(renamed)}`, edits: [{ range: toRange(result.doc, def.element.idRange), newText: JSON.stringify(renamed) }] }];
  }
  return [];
}
