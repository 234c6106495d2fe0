/** What validating one file produced, and the arithmetic every output format shares. */
import type { RuleFailure } from '../../calm/engine';
import type { Finding, OffsetRange } from '../../calm/findings';
import type { CalmDocument } from '../../calm/model';

export interface FileReport {
  /** The file's name as shown to the user. */
  readonly file: string;
  readonly doc: CalmDocument;
  /** The engine's findings, summaries not expanded, in document order. */
  readonly findings: readonly Finding[];
  /** Rules that threw: the file could not be fully checked. */
  readonly ruleFailures: readonly RuleFailure[];
}

export interface Tally {
  readonly errors: number;
  readonly warnings: number;
  readonly files: number;
}

export function tally(reports: readonly FileReport[]): Tally {
  let errors = 0;
  let warnings = 0;
  for (const r of reports) {
    for (const f of r.findings) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
    }
  }
  return { errors, warnings, files: reports.length };
}

/** The reference's rule: errors fail the run; warnings too under `--strict`. A rule that crashed fails it as well. */
export function runFails(reports: readonly FileReport[], strict: boolean): boolean {
  return reports.some(
    (r) => r.ruleFailures.length > 0 || r.findings.some((f) => f.severity === 'error' || (strict && f.severity === 'warning')),
  );
}

/** A 1-based line and column, as editors and compilers print them. */
export interface OneBased {
  readonly line: number;
  readonly column: number;
}

export function oneBased(doc: CalmDocument, offset: number): OneBased {
  const p = doc.lines.positionAt(offset);
  return { line: p.line + 1, column: p.character + 1 };
}

export function oneBasedRange(doc: CalmDocument, range: OffsetRange): { readonly start: OneBased; readonly end: OneBased } {
  return { start: oneBased(doc, range.start), end: oneBased(doc, range.end) };
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
