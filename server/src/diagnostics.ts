/**
 * Findings -> LSP diagnostics (exact ranges through the document's line index), and the debounced
 * scheduling of validation as the user types.
 */
import { DiagnosticSeverity, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import type { Finding, OffsetRange, Severity } from './calm/findings';
import type { CalmDocument } from './calm/model';

export const DIAGNOSTIC_SOURCE = 'calm';

/** More than this per document helps nobody and slows the Problems panel; the rest is summarised in one line. */
export const MAX_DIAGNOSTICS = 1000;

/** What a diagnostic carries for code actions: the finding's JSON path (reference style). */
export interface CalmDiagnosticData {
  readonly path: string;
}

export interface DiagnosticOptions {
  readonly uri: string;
  /** Whether the client shows `relatedInformation` (a summary's raw findings). */
  readonly relatedInformation: boolean;
  readonly maxDiagnostics?: number;
}

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

function rangeOf(doc: CalmDocument, range: OffsetRange): Diagnostic['range'] {
  return { start: doc.lines.positionAt(range.start), end: doc.lines.positionAt(range.end) };
}

function related(doc: CalmDocument, uri: string, children: readonly Finding[]): DiagnosticRelatedInformation[] {
  return children.map((child) => ({ location: { uri, range: rangeOf(doc, child.range) }, message: child.message }));
}

export function toDiagnostic(doc: CalmDocument, finding: Finding, options: DiagnosticOptions): Diagnostic {
  const data: CalmDiagnosticData = { path: finding.path };
  const diagnostic: Diagnostic = {
    range: rangeOf(doc, finding.range),
    severity: SEVERITY[finding.severity],
    code: finding.code,
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data,
  };
  if (options.relatedInformation && finding.children && finding.children.length > 0) {
    diagnostic.relatedInformation = related(doc, options.uri, finding.children);
  }
  return diagnostic;
}

/** Diagnostics for findings in reading order; beyond the cap, one information diagnostic says how many were left out. */
export function toDiagnostics(doc: CalmDocument, findings: readonly Finding[], options: DiagnosticOptions): Diagnostic[] {
  const max = options.maxDiagnostics ?? MAX_DIAGNOSTICS;
  const shown = findings.slice(0, max).map((f) => toDiagnostic(doc, f, options));
  if (findings.length > max) {
    const first = findings[max];
    shown.push({
      range: rangeOf(doc, first.range),
      severity: DiagnosticSeverity.Information,
      code: 'too-many-problems',
      source: DIAGNOSTIC_SOURCE,
      message: `${findings.length - max} more problems are not shown (only the first ${max} are listed).`,
    });
  }
  return shown;
}

/** Runs one job per key after a quiet period; a newer request for the same key replaces the pending one. */
export class Debouncer {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  schedule(key: string, delayMs: number, job: () => void): void {
    this.cancel(key);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        job();
      }, delayMs),
    );
  }

  cancel(key: string): void {
    const timer = this.timers.get(key);
    if (timer !== undefined) {
      clearTimeout(timer);
      this.timers.delete(key);
    }
  }

  cancelAll(): void {
    for (const key of [...this.timers.keys()]) this.cancel(key);
  }
}
