/**
 * Document and range formatting: JSON layout by the editor's indentation settings. Only whitespace
 * between tokens changes, so nothing of the document is lost, even when it does not parse.
 */
import { format } from 'jsonc-parser';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';
import type { CalmAnalysis } from './analysis';
import { toOffset, toRange } from './lsp-ranges';

export function formatDocument(result: CalmAnalysis, options: FormattingOptions, range?: Range): TextEdit[] {
  const { doc } = result;
  const text = doc.text;
  const offsets = range ? { offset: toOffset(doc, range.start), length: toOffset(doc, range.end) - toOffset(doc, range.start) } : undefined;
  const edits = format(text, offsets, {
    tabSize: options.tabSize,
    insertSpaces: options.insertSpaces,
    // A final newline the file has is kept even when the editor does not ask for one.
    insertFinalNewline: options.insertFinalNewline === true || /\n$/.test(text),
    eol: text.includes('\r\n') ? '\r\n' : '\n',
  });
  return edits.map((e) => ({ range: toRange(doc, { start: e.offset, end: e.offset + e.length }), newText: e.content }));
}
