/** Smart select (expand/shrink selection): string contents, the value, its property, the enclosing object... */
import type { Node as JsonNode } from 'jsonc-parser';
import type { Position, Range, SelectionRange } from 'vscode-languageserver-types';
import type { CalmAnalysis } from './analysis';
import type { CalmDocument } from '../calm/model';
import { toOffset, toRange } from './lsp-ranges';

function same(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function chainAt(doc: CalmDocument, offset: number): SelectionRange | undefined {
  const nodes: JsonNode[] = [];
  let current = doc.root;
  while (current && offset >= current.offset && offset <= current.offset + current.length) {
    nodes.push(current);
    current = current.children?.find((c) => offset >= c.offset && offset <= c.offset + c.length);
  }
  let selection: SelectionRange | undefined;
  for (const node of nodes) {
    const range = toRange(doc, { start: node.offset, end: node.offset + node.length });
    if (!selection || !same(selection.range, range)) selection = { range, parent: selection };
  }
  const innermost = nodes[nodes.length - 1];
  if (selection && innermost?.type === 'string' && innermost.length >= 2) {
    const inner = toRange(doc, { start: innermost.offset + 1, end: innermost.offset + innermost.length - 1 });
    selection = { range: inner, parent: selection };
  }
  return selection;
}

/** One chain per position, innermost first (LSP order: each range's `parent` is the next larger one). */
export function selectionRanges(result: CalmAnalysis, positions: readonly Position[]): SelectionRange[] {
  return positions.map((p) => {
    const chain = chainAt(result.doc, toOffset(result.doc, p));
    const empty = { start: p, end: p };
    return chain ?? { range: empty };
  });
}
