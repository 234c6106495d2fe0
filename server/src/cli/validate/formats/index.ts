/** Output format name -> the function that writes it. */
import type { OutputFormat } from '../options';
import type { FileReport } from '../report';
import { formatCalmJson } from './calm-json';
import { formatJson } from './json';
import { formatJunit } from './junit';
import { formatPretty } from './pretty';

export interface FormatContext {
  readonly strict: boolean;
  readonly color: boolean;
}

export const FORMATTERS: Readonly<Record<OutputFormat, (reports: readonly FileReport[], ctx: FormatContext) => string>> = {
  pretty: (reports, ctx) => formatPretty(reports, ctx),
  json: (reports) => formatJson(reports),
  'calm-json': (reports) => formatCalmJson(reports),
  junit: (reports, ctx) => formatJunit(reports, ctx),
};
