/**
 * Loads a subcommand's module at run time. Each `server/src/cli/cli-<name>.ts` is bundled on its own
 * (dist/cli-<name>.js, see esbuild.mjs), so starting `calm-lens validate` compiles neither the
 * renderer nor elkjs: with one bundle, V8 would parse every command's code at every start.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Command } from './command';

function isCommand(value: unknown): value is Command {
  return typeof value === 'object' && value !== null && typeof (value as Partial<Command>).run === 'function' && typeof (value as Partial<Command>).usage === 'string';
}

export function loadCommand(name: string): Command {
  // Beside this file: dist/cli-<name>.js when bundled, server/src/cli/cli-<name>.ts under tsx.
  const loaded: unknown = createRequire(__filename)(join(__dirname, `cli-${name}`));
  const command = typeof loaded === 'object' && loaded !== null ? (loaded as { command?: unknown }).command : undefined;
  if (!isCommand(command)) throw new Error(`cli-${name} does not export a command`);
  return command;
}
