/** `file:line:col severity code message` per finding (what editors and CI log parsers link), then a summary. */
import type { Severity } from '../../../calm/findings';
import { oneBased, plural, tally, type FileReport } from '../report';
import { oneLine } from '../terminal-text';

export interface PrettyOptions {
  /** ANSI colours: only on a terminal, never under NO_COLOR (decided by the caller). */
  readonly color: boolean;
}

const SEVERITY_COLOR: Readonly<Record<Severity, string>> = { error: '31', warning: '33', info: '36', hint: '2' };

function paint(text: string, code: string, color: boolean): string {
  return color ? `\u001b[${code}m${text}\u001b[0m` : text;
}

export function formatPretty(reports: readonly FileReport[], { color }: PrettyOptions): string {
  const lines: string[] = [];
  for (const r of reports) {
    for (const f of r.findings) {
      const at = oneBased(r.doc, f.range.start);
      const where = paint(`${oneLine(r.file)}:${at.line}:${at.column}`, '1', color);
      lines.push(`${where} ${paint(f.severity, SEVERITY_COLOR[f.severity], color)} ${paint(f.code, '2', color)} ${oneLine(f.message)}`);
    }
  }
  const t = tally(reports);
  const summary = `${plural(t.errors, 'error')}, ${plural(t.warnings, 'warning')} in ${plural(t.files, 'file')}`;
  const summaryColor = t.errors > 0 ? '31' : t.warnings > 0 ? '33' : '32';
  if (lines.length > 0) lines.push('');
  lines.push(paint(summary, summaryColor, color));
  return lines.join('\n') + '\n';
}
