/**
 * A JUnit XML report, the format CI servers display: one testsuite per file, one testcase per
 * finding (a failure when it fails the run), or a single passing testcase for a clean file.
 */
import type { Finding } from '../../../calm/findings';
import { oneBased, type FileReport } from '../report';
import { xmlEscape } from '../xml-text';

export interface JunitOptions {
  /** Under `--strict`, warnings are failures too. */
  readonly strict: boolean;
}

function fails(f: Finding, strict: boolean): boolean {
  return f.severity === 'error' || (strict && f.severity === 'warning');
}

function testcase(r: FileReport, f: Finding, strict: boolean): string {
  const at = oneBased(r.doc, f.range.start);
  const location = `${r.file}:${at.line}:${at.column}`;
  const name = xmlEscape(`${f.code} at ${f.path || '/'} (${location})`);
  const detail = xmlEscape(`${location} ${f.severity} ${f.code} ${f.message}`);
  const open = `    <testcase classname="${xmlEscape(r.file)}" name="${name}">`;
  const body = fails(f, strict)
    ? `<failure type="${xmlEscape(f.severity)}" message="${xmlEscape(f.message)}">${detail}</failure>`
    : `<system-out>${detail}</system-out>`;
  return `${open}${body}</testcase>`;
}

function suite(r: FileReport, strict: boolean): string {
  const failures = r.findings.filter((f) => fails(f, strict)).length;
  const errors = r.ruleFailures.length;
  const cases = r.findings.map((f) => testcase(r, f, strict));
  for (const rf of r.ruleFailures) {
    const why = rf.error instanceof Error ? rf.error.message : String(rf.error);
    cases.push(`    <testcase classname="${xmlEscape(r.file)}" name="${xmlEscape(`${rf.code} could not run`)}"><error message="${xmlEscape(why)}"/></testcase>`);
  }
  if (cases.length === 0) cases.push(`    <testcase classname="${xmlEscape(r.file)}" name="valid CALM document"/>`);
  const head = `  <testsuite name="${xmlEscape(r.file)}" tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="0">`;
  return [head, ...cases, '  </testsuite>'].join('\n');
}

export function formatJunit(reports: readonly FileReport[], { strict }: JunitOptions): string {
  const suites = reports.map((r) => suite(r, strict));
  const tests = reports.reduce((n, r) => n + Math.max(1, r.findings.length + r.ruleFailures.length), 0);
  const failures = reports.reduce((n, r) => n + r.findings.filter((f) => fails(f, strict)).length, 0);
  const errors = reports.reduce((n, r) => n + r.ruleFailures.length, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="calm-lens validate" tests="${tests}" failures="${failures}" errors="${errors}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
