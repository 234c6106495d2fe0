/** Quick fixes for the engine's findings under the cursor, each one a versioned edit of the document. */
import { CodeActionKind, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver-types';
import type { ValidationResult } from '../calm/engine';
import type { Finding } from '../calm/findings';
import { toOffset, toRange, overlaps } from './lsp-ranges';
import { fixDanglingReference } from './quick-fixes/dangling-reference';
import { fixDuplicateId } from './quick-fixes/duplicate-id';
import { fixInterfaceOnWrongNode, fixUndefinedInterface } from './quick-fixes/missing-interface';
import type { QuickFixProvider } from './quick-fixes/quick-fix';
import { fixUnreferencedNode } from './quick-fixes/unreferenced-node';

/** Which finding codes have fixes, and who makes them. */
export const QUICK_FIXES: Readonly<Record<string, QuickFixProvider>> = {
  'relationship-references-existing-nodes-in-architecture': fixDanglingReference,
  'connects-relationship-references-existing-nodes-in-architecture': fixDanglingReference,
  'composition-relationships-reference-existing-nodes-in-architecture': fixDanglingReference,
  'flow-transitions-references-existing-relationship-in-architecture': fixDanglingReference,
  'referenced-interfaces-defined-in-architecture': fixUndefinedInterface,
  'referenced-interfaces-defined-on-correct-node-in-architecture': fixInterfaceOnWrongNode,
  'unique-ids-must-be-unique-in-architecture': fixDuplicateId,
  'architecture-nodes-must-be-referenced': fixUnreferencedNode,
};

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** The client's diagnostic for a finding, so the editor ties the fix to the squiggle it shows. */
function diagnosticFor(result: ValidationResult, finding: Finding, diagnostics: readonly Diagnostic[]): Diagnostic | undefined {
  const range = toRange(result.doc, finding.range);
  return diagnostics.find((d) => d.code === finding.code && sameRange(d.range, range));
}

export interface CodeActionRequest {
  readonly uri: string;
  readonly version: number | null;
  readonly range: Range;
  readonly diagnostics: readonly Diagnostic[];
  /** The kinds the client asked for (`context.only`), if it narrowed them. */
  readonly only?: readonly string[];
}

export function codeActions(result: ValidationResult, request: CodeActionRequest): CodeAction[] {
  if (request.only && !request.only.some((kind) => kind === CodeActionKind.QuickFix || CodeActionKind.QuickFix.startsWith(`${kind}.`) || kind === CodeActionKind.Empty)) return [];
  const wanted = { start: toOffset(result.doc, request.range.start), end: toOffset(result.doc, request.range.end) };
  const actions: CodeAction[] = [];
  const titles = new Set<string>();
  for (const finding of result.findings) {
    const provider = QUICK_FIXES[finding.code];
    if (!provider || !overlaps(finding.range, wanted)) continue;
    const diagnostic = diagnosticFor(result, finding, request.diagnostics);
    for (const fix of provider(result, finding)) {
      // Several findings (or rules) at one place propose the same fix once.
      if (titles.has(fix.title)) continue;
      titles.add(fix.title);
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: diagnostic ? [diagnostic] : undefined,
        isPreferred: fix.isPreferred || undefined,
        edit: { documentChanges: [{ textDocument: { uri: request.uri, version: request.version }, edits: [...fix.edits] }] },
      });
    }
  }
  return actions;
}
