// Child processes the harness starts, each in a process group of its own, so that stopping one
// stops everything it started (code-server runs several processes). Every group still running
// when this Node process ends (normally, by an uncaught error, or by Ctrl+C) is killed, and the
// scratch folders registered with `onExitCleanup` are removed.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { once } from 'node:events';

const running = new Set<ChildProcess>();
const cleanups = new Set<() => void>();

/** Runs `cleanup` (synchronous) if this process ends before `dispose` is called. */
export function onExitCleanup(cleanup: () => void): { dispose(): void } {
  installExitHooks();
  cleanups.add(cleanup);
  return { dispose: () => cleanups.delete(cleanup) };
}

function killEverything(): void {
  for (const child of running) signalGroup(child, 'SIGKILL');
  running.clear();
  for (const cleanup of cleanups) {
    try {
      cleanup();
    } catch {
      // Best effort on the way out.
    }
  }
  cleanups.clear();
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

let hooksInstalled = false;
function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', killEverything);
  const codes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      killEverything();
      // A program with a handler of its own (the demo) decides how to finish.
      if (process.listenerCount(signal) === 0) process.exit(codes[signal]);
    });
  }
}

/** Spawns `command` as the leader of a new process group and remembers it until it exits. */
export function spawnGroup(command: string, args: readonly string[], options: SpawnOptions): ChildProcess {
  installExitHooks();
  const child = spawn(command, args, { ...options, detached: true });
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/**
 * Stops a whole process group: SIGTERM first, SIGKILL if it is still there after `graceMs`.
 * Resolves once the leader has exited; the SIGKILL to the group also takes any stragglers.
 */
export async function stopGroup(child: ChildProcess, graceMs = 5000): Promise<void> {
  if (!hasExited(child)) {
    const exited = once(child, 'exit');
    signalGroup(child, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), graceMs);
    await exited;
    clearTimeout(timer);
  }
  signalGroup(child, 'SIGKILL');
  running.delete(child);
  await groupGone(child, 5000);
}

function groupExists(child: ChildProcess): boolean {
  if (child.pid === undefined) return false;
  try {
    process.kill(-child.pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Waits until no process of the group is left (so its ports are closed when stopGroup returns). */
async function groupGone(child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (groupExists(child) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
}
