/** Conversions between the engine's offsets and LSP positions/ranges, through the document's line index. */
import type { Position, Range } from 'vscode-languageserver-types';
import type { OffsetRange } from '../calm/findings';
import type { CalmDocument } from '../calm/model';

export function toPosition(doc: CalmDocument, offset: number): Position {
  const p = doc.lines.positionAt(offset);
  return { line: p.line, character: p.character };
}

export function toRange(doc: CalmDocument, range: OffsetRange): Range {
  return { start: toPosition(doc, range.start), end: toPosition(doc, range.end) };
}

export function toOffset(doc: CalmDocument, position: Position): number {
  return doc.lines.offsetAt(position);
}

/** True when `offset` lies inside `range` or on either of its ends (a cursor right after a token still counts). */
export function touches(range: OffsetRange, offset: number): boolean {
  return offset >= range.start && offset <= range.end;
}

export function overlaps(a: OffsetRange, b: OffsetRange): boolean {
  return a.start <= b.end && b.start <= a.end;
}
