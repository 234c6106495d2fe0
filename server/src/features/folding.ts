/** Folding ranges for every object and array that spans lines (its closing bracket stays visible, as in JSON). */
import type { Node as JsonNode } from 'jsonc-parser';
import type { FoldingRange } from 'vscode-languageserver-types';
import type { CalmAnalysis } from './analysis';

/** `limit` is the client's `rangeLimit`: the outermost ranges are kept, as folding them matters most. */
export function foldingRanges(result: CalmAnalysis, limit = Number.POSITIVE_INFINITY): FoldingRange[] {
  const { doc } = result;
  const out: FoldingRange[] = [];
  // Breadth first, so a cut at `limit` drops the deepest ranges.
  let level: JsonNode[] = doc.root ? [doc.root] : [];
  while (level.length && out.length < limit) {
    const next: JsonNode[] = [];
    for (const node of level) {
      if (node.type === 'object' || node.type === 'array') {
        const startLine = doc.lines.positionAt(node.offset).line;
        const closeLine = doc.lines.positionAt(node.offset + node.length - 1).line;
        if (closeLine - 1 > startLine) {
          out.push({ startLine, endLine: closeLine - 1 });
          if (out.length >= limit) break;
        }
      }
      if (node.children) next.push(...node.children);
    }
    level = next;
  }
  return out.sort((a, b) => a.startLine - b.startLine);
}
