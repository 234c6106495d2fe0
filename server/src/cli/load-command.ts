/**
 * Loads a subcommand's module at run time. Each `server/src/cli/cli-<name>.ts` is bundled on its own
 * (dist/cli-<name>.js, see esbuild.mjs), so starting `calm-lens validate` compiles neither the
 * renderer nor elkjs: with one bundle, V8 would parse every command's code at every start.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { requireWithCodeCache } from './code-cache';
import type { Command } from './command';

export interface LoadedCommand {
  readonly command: Command;
  /** Keeps what V8 compiled for the next run (see code-cache.ts); call after the command has run. */
  readonly saveCache: () => void;
}

function isCommand(value: unknown): value is Command {
  return typeof value === 'object' && value !== null && typeof (value as Partial<Command>).run === 'function' && typeof (value as Partial<Command>).usage === 'string';
}

export function loadCommand(name: string, env: Readonly<Record<string, string | undefined>>): LoadedCommand {
  // Beside this file: dist/cli-<name>.js when bundled, server/src/cli/cli-<name>.ts under tsx.
  const require = createRequire(__filename);
  const file = require.resolve(join(__dirname, `cli-${name}`));
  const loaded = file.endsWith('.js') ? requireWithCodeCache(file, env) : { exports: require(file) as unknown, saveCache: () => undefined };
  const command = typeof loaded.exports === 'object' && loaded.exports !== null ? (loaded.exports as { command?: unknown }).command : undefined;
  if (!isCommand(command)) throw new Error(`cli-${name} does not export a command`);
  return { command, saveCache: loaded.saveCache };
}
