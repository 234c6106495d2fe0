/** `calm-lens validate`: read the files, run the engine on each, print one report, exit as the reference does. */
import { statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { validateText } from '../../calm/engine';
import { EXIT, UsageError, type CliIO, type Command, type ExitCode } from '../command';
import { FORMATTERS } from './formats';
import { readInputs } from './inputs';
import { parseValidateArgs, VALIDATE_USAGE } from './options';
import { runFails, type FileReport } from './report';
import { schemaLoaderFor, readUrlMap } from './schemas';

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function colorAllowed(io: CliIO): boolean {
  // https://no-color.org: any non-empty NO_COLOR turns colour off.
  return io.stdoutIsTTY && !io.env.NO_COLOR;
}

async function run(args: readonly string[], io: CliIO): Promise<ExitCode> {
  const options = parseValidateArgs(args);
  const urlMap = options.urlMap === undefined ? undefined : readUrlMap(resolve(io.cwd, options.urlMap), options.urlMap);
  const patternRef = options.pattern === undefined ? undefined : resolve(io.cwd, options.pattern);
  // A pattern named on the command line that is not there is a mistake in the command, not in the documents.
  if (options.pattern !== undefined && patternRef !== undefined && !isFile(patternRef)) {
    throw new UsageError(`cannot read the pattern '${options.pattern}': no such file.`);
  }
  const files = await readInputs(options.inputs, io.cwd);
  const reports: FileReport[] = files.map((file) => {
    const result = validateText(file.text, { loadSchema: schemaLoaderFor(dirname(file.absolute), urlMap), patternRef });
    return { file: file.display, doc: result.doc, findings: result.findings, ruleFailures: result.ruleFailures };
  });
  for (const r of reports) {
    for (const failure of r.ruleFailures) {
      const why = failure.error instanceof Error ? (failure.error.stack ?? failure.error.message) : String(failure.error);
      io.stderr(`calm-lens: internal error: rule '${failure.code}' could not check ${r.file}: ${why}\n`);
    }
  }
  io.stdout(FORMATTERS[options.format](reports, { strict: options.strict, color: colorAllowed(io) }));
  return runFails(reports, options.strict) ? EXIT.findings : EXIT.ok;
}

export const command: Command = { usage: VALIDATE_USAGE, run };
