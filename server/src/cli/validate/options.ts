/** `calm-lens validate` arguments -> typed options, or a UsageError that says what is wrong. */
import { parseArgs } from 'node:util';
import { UsageError } from '../command';

export const FORMATS = ['pretty', 'json', 'calm-json', 'junit'] as const;
export type OutputFormat = (typeof FORMATS)[number];

export interface ValidateCliOptions {
  /** Files and globs, as typed. */
  readonly inputs: readonly string[];
  readonly format: OutputFormat;
  /** Warnings fail the run too. */
  readonly strict: boolean;
  /** Validate every input against this pattern instead of what its `$schema` names. */
  readonly pattern?: string;
  /** JSON file mapping schema URLs to local files (the reference's `-u`). */
  readonly urlMap?: string;
}

function isFormat(value: string): value is OutputFormat {
  return (FORMATS as readonly string[]).includes(value);
}

export function parseValidateArgs(args: readonly string[]): ValidateCliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', short: 'f' },
        strict: { type: 'boolean', short: 's' },
        pattern: { type: 'string', short: 'p' },
        'url-map': { type: 'string', short: 'u' },
      },
    });
  } catch (error) {
    // node:util reports unknown options and missing option values with a TypeError whose message is already plain.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  const format = values.format ?? 'pretty';
  if (!isFormat(format)) throw new UsageError(`unknown format '${format}' (use one of: ${FORMATS.join(', ')}).`);
  if (positionals.length === 0) throw new UsageError('no files given: name CALM documents or globs, e.g. calm-lens validate "architectures/**/*.json".');
  for (const [flag, value] of [['--pattern', values.pattern], ['--url-map', values['url-map']]] as const) {
    if (value !== undefined && value.trim() === '') throw new UsageError(`${flag} needs a file name.`);
  }
  return {
    inputs: positionals,
    format,
    strict: values.strict ?? false,
    pattern: values.pattern,
    urlMap: values['url-map'],
  };
}

export const VALIDATE_USAGE = `Usage: calm-lens validate <files or globs...> [options]

Checks CALM documents with every rule of the reference \`calm validate\`: JSON syntax,
the CALM JSON schemas (bundled, offline), patterns, and the architecture rules.

Options:
  -f, --format <name>   pretty (default): file:line:col severity code message, and a summary
                        json: our findings per file, ranges with 1-based lines and columns
                        calm-json: the reference's \`calm validate -f json\` output
                          (one file: that object; several: an object keyed by file)
                        junit: a JUnit XML report, one testsuite per file
  -s, --strict          Warnings fail the run too
  -p, --pattern <file>  Validate every document against this pattern, whatever its $schema says
  -u, --url-map <file>  JSON object mapping schema URLs to local files, as the reference's -u
  -h, --help            Show this help

Exit codes: 0 no errors (no warnings either, with --strict); 1 findings that fail the run;
2 nothing validated (bad arguments, no file matches a glob, an unreadable file).
Globs are expanded by calm-lens (quote them so every shell behaves the same).
`;
