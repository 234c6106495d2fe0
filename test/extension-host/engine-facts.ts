// The engine's findings for a document, as the diagnostics VS Code should show for it: computed
// in the test by `validateText` on the same text, positions through the document's own line index.
import * as vscode from 'vscode';
import { validateText } from '../../server/src/calm/engine';
import type { Severity } from '../../server/src/calm/findings';
import type { DiagnosticFacts } from './helpers';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function engineFacts(document: vscode.TextDocument): DiagnosticFacts[] {
  return validateText(document.getText()).findings.map((f) => {
    const start = document.positionAt(f.range.start);
    const end = document.positionAt(f.range.end);
    return { code: f.code, severity: SEVERITY[f.severity], message: f.message, range: [start.line, start.character, end.line, end.character] };
  });
}

export const sameFacts = (a: readonly DiagnosticFacts[], b: readonly DiagnosticFacts[]): boolean => JSON.stringify(a) === JSON.stringify(b);
