/** Our own findings as JSON: an object keyed by file, each holding that file's findings (1-based lines and columns). */
import type { Finding, FindingSource, Severity } from '../../../calm/findings';
import { oneBasedRange, type FileReport } from '../report';

interface JsonPosition {
  /** 1-based. */
  readonly line: number;
  /** 1-based, in UTF-16 code units. */
  readonly character: number;
}

export interface JsonFinding {
  readonly file: string;
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly path: string;
  readonly range: { readonly start: JsonPosition; readonly end: JsonPosition };
  readonly source: FindingSource;
  readonly schemaPath?: string;
  /** The raw findings a summary stands for (e.g. each branch of a failed `oneOf`). */
  readonly children?: readonly JsonFinding[];
}

export type JsonReport = Record<string, JsonFinding[]>;

function toJson(report: FileReport, f: Finding): JsonFinding {
  const { start, end } = oneBasedRange(report.doc, f.range);
  return {
    file: report.file,
    code: f.code,
    severity: f.severity,
    message: f.message,
    path: f.path,
    range: { start: { line: start.line, character: start.column }, end: { line: end.line, character: end.column } },
    source: f.source,
    ...(f.schemaPath !== undefined ? { schemaPath: f.schemaPath } : {}),
    ...(f.children && f.children.length > 0 ? { children: f.children.map((c) => toJson(report, c)) } : {}),
  };
}

export function formatJson(reports: readonly FileReport[]): string {
  // fromEntries, not assignment: a file named `__proto__` must stay an ordinary key.
  const out: JsonReport = Object.fromEntries(reports.map((r) => [r.file, r.findings.map((f) => toJson(r, f))]));
  return JSON.stringify(out, null, 2) + '\n';
}
