/** The contract between the CLI's dispatcher and each subcommand. */

/** Exit codes, as the reference `calm validate` uses them (2 is ours: the run could not start). */
export const EXIT = {
  /** Nothing failed. */
  ok: 0,
  /** An error finding (or a warning under `--strict`), or a rule that could not run. */
  findings: 1,
  /** Bad arguments, no matching files, an unreadable file: nothing was validated. */
  usage: 2,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** What a subcommand may touch of the outside world: passed in, so formats and commands stay testable. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Colour is allowed only on a terminal. */
  readonly stdoutIsTTY: boolean;
}

export interface Command {
  /** The text of `calm-lens <name> --help`. */
  readonly usage: string;
  run(args: readonly string[], io: CliIO): Promise<ExitCode>;
}

/** The user asked for something we cannot do; its message is shown as is, followed by a hint to `--help`. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/**
 * Recognises a UsageError thrown by a subcommand. Not `instanceof`: each subcommand is a bundle of its
 * own (see load-command.ts) with its own copy of the class, so the check goes by name.
 */
export function isUsageError(error: unknown): error is UsageError {
  return error instanceof Error && error.name === 'UsageError';
}
