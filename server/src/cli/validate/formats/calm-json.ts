/**
 * The reference's `calm validate -f json` output, field for field, so CI can swap the tools:
 * `{ jsonSchemaValidationOutputs, spectralSchemaValidationOutputs, hasErrors, hasWarnings }`.
 * One file: that object. Several: an object keyed by file name, one such object each.
 */
import { flattenFindings, type Finding, type Severity } from '../../../calm/findings';
import { referenceRange } from '../reference-range';
import type { FileReport } from '../report';

/** One finding as the reference prints it: 1-based lines, 0-based characters. */
export interface CalmJsonFinding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly path: string;
  readonly schemaPath?: string;
  readonly line_start?: number;
  readonly line_end?: number;
  readonly character_start?: number;
  readonly character_end?: number;
  readonly source: 'architecture' | 'pattern';
}

export interface CalmJsonOutput {
  readonly jsonSchemaValidationOutputs: CalmJsonFinding[];
  readonly spectralSchemaValidationOutputs: CalmJsonFinding[];
  readonly hasErrors: boolean;
  readonly hasWarnings: boolean;
}

/** Rule codes the reference reports in its JSON-schema bucket rather than with the Spectral rules. */
const SCHEMA_BUCKET_RULES: ReadonlySet<string> = new Set(['control-requirement-validation', 'node-details-validation', 'control-legacy-naming']);

function inSchemaBucket(f: Finding): boolean {
  return f.source !== 'rule' || SCHEMA_BUCKET_RULES.has(f.code);
}

function toCalmJson(report: FileReport, f: Finding, schemaBucket: boolean): CalmJsonFinding {
  const source = report.doc.kind === 'pattern' ? 'pattern' : 'architecture';
  const atRoot = f.path === '' || f.path === '/';
  const base = { code: f.code, severity: f.severity, message: f.message, path: atRoot ? '/' : f.path };
  if (schemaBucket) {
    const schemaPath = f.schemaPath !== undefined ? { schemaPath: f.schemaPath } : {};
    // The reference gives no position for a finding about the whole document.
    if (atRoot) return { ...base, ...schemaPath, source };
    return { ...base, ...schemaPath, ...positions(report, f), source };
  }
  // Rule findings always carry an empty schemaPath; about the whole document, the reference says line 0.
  if (atRoot) return { ...base, schemaPath: '', line_start: 0, line_end: 0, character_start: 0, character_end: 0, source };
  return { ...base, schemaPath: '', ...positions(report, f), source };
}

function positions(report: FileReport, f: Finding): Pick<CalmJsonFinding, 'line_start' | 'line_end' | 'character_start' | 'character_end'> {
  const range = referenceRange(report.doc, f);
  const start = report.doc.lines.positionAt(range.start);
  const end = report.doc.lines.positionAt(range.end);
  return { line_start: start.line + 1, line_end: end.line + 1, character_start: start.character, character_end: end.character };
}

export function calmJsonOf(report: FileReport): CalmJsonOutput {
  const flat = flattenFindings(report.findings);
  const schema = flat.filter(inSchemaBucket);
  const spectral = flat.filter((f) => !inSchemaBucket(f));
  return {
    jsonSchemaValidationOutputs: schema.map((f) => toCalmJson(report, f, true)),
    spectralSchemaValidationOutputs: spectral.map((f) => toCalmJson(report, f, false)),
    hasErrors: flat.some((f) => f.severity === 'error'),
    hasWarnings: flat.some((f) => f.severity === 'warning'),
  };
}

export function formatCalmJson(reports: readonly FileReport[]): string {
  const value = reports.length === 1 ? calmJsonOf(reports[0]) : Object.fromEntries(reports.map((r) => [r.file, calmJsonOf(r)]));
  // Four-space indentation and no final newline: byte for byte what the reference prints.
  return JSON.stringify(value, null, 4);
}
