/**
 * `calm-lens`: the command-line face of the engine.
 * Each subcommand is its own bundle, loaded only when asked for, so `calm-lens --version`
 * does not pay for the validator and `validate` does not pay for the renderer.
 */
import { EXIT, isUsageError, type CliIO, type ExitCode } from './command';
import { loadCommand } from './load-command';
import { CLI_VERSION } from './version';

interface CommandEntry {
  /** One line for `calm-lens --help`. */
  readonly summary: string;
}

/**
 * Register a subcommand here, one line; its code lives in `server/src/cli/cli-<name>.ts`, which
 * exports `command` and is bundled on its own as dist/cli-<name>.js.
 */
const commands: Readonly<Record<string, CommandEntry>> = {
  validate: { summary: 'Check CALM documents (architectures, patterns, timelines) like `calm validate`.' },
  render: { summary: 'Draw a CALM architecture as a standalone SVG (the preview\'s diagram, laid out with elkjs).' },
};

function generalUsage(): string {
  const width = Math.max(...Object.keys(commands).map((n) => n.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return [
    'Usage: calm-lens <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Options:',
    '  -h, --help     Show this help (or a command\'s help: calm-lens <command> --help)',
    '  -v, --version  Print the version',
    '',
  ].join('\n');
}

export async function main(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    (first === undefined ? io.stderr : io.stdout)(generalUsage());
    return first === undefined ? EXIT.usage : EXIT.ok;
  }
  if (first === '-v' || first === '--version') {
    io.stdout(`${CLI_VERSION}\n`);
    return EXIT.ok;
  }
  const entry = Object.hasOwn(commands, first) ? commands[first] : undefined;
  if (!entry) {
    io.stderr(`calm-lens: unknown command '${first}'.\n\n${generalUsage()}`);
    return EXIT.usage;
  }
  const { command, saveCache } = loadCommand(first, io.env);
  if (rest.includes('-h') || rest.includes('--help')) {
    io.stdout(command.usage);
    return EXIT.ok;
  }
  try {
    const code = await command.run(rest, io);
    saveCache();
    return code;
  } catch (error) {
    if (isUsageError(error)) {
      io.stderr(`calm-lens ${first}: ${error.message}\nRun 'calm-lens ${first} --help' for usage.\n`);
      return EXIT.usage;
    }
    throw error;
  }
}

function processIO(): CliIO {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
  };
}

// Set the exit code rather than calling process.exit(): a large report piped to another
// program must be flushed completely before the process ends.
main(process.argv.slice(2), processIO()).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`calm-lens: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = EXIT.usage;
  },
);
