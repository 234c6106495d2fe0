// Starts a real VS Code (code-server 4.100.3 = VS Code 1.100.3) on a free 127.0.0.1 port, in
// scratch folders of its own, with an empty extensions folder plus the .vsix files asked for.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireCodeServer } from './paths';
import { onExitCleanup, spawnGroup, stopGroup } from './processes';

export interface CodeServerOptions {
  /** Folder opened by default when the workbench URL names none. */
  folder?: string;
  /** Packaged extensions to install before starting. */
  vsix?: readonly string[];
  /** Extra user settings, merged over the harness defaults. */
  settings?: Readonly<Record<string, unknown>>;
  /** Extra environment for code-server and the extension hosts it starts. */
  env?: Readonly<Record<string, string>>;
  /** Echo code-server's own log to this process's stderr. */
  echoLog?: boolean;
  startTimeoutMs?: number;
  /** Port to listen on; a free one when not given. */
  port?: number;
}

export interface CodeServer {
  readonly port: number;
  /** `http://127.0.0.1:<port>` (no trailing slash). */
  readonly origin: string;
  /** The `host:port` the browser uses; `vscode-remote://` URIs must name exactly this authority. */
  readonly authority: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  /** code-server's stdout and stderr so far. */
  log(): string;
  stop(): Promise<void>;
}

/**
 * Settings a test depends on. files.autoSave is the important one: the browser workbench saves
 * 1 s after each edit by default while desktop VS Code does not, which would let a test of
 * "diagnostics while typing" pass for an extension that only validates on save.
 */
export const HARNESS_SETTINGS: Readonly<Record<string, unknown>> = {
  'files.autoSave': 'off',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'window.restoreWindows': 'none',
};

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

function httpStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = get(url, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.setTimeout(2000, () => req.destroy());
    req.once('error', () => resolve(0));
  });
}

interface ScratchDirs {
  root: string;
  userDataDir: string;
  extensionsDir: string;
  env: NodeJS.ProcessEnv;
}

/** Folders of its own for everything code-server writes: it uses $HOME and /tmp otherwise. */
function makeScratch(extraEnv: Readonly<Record<string, string>>): ScratchDirs {
  const root = mkdtempSync(join(tmpdir(), 'calm-lens-code-server-'));
  const dir = (name: string): string => {
    const p = join(root, name);
    mkdirSync(p, { recursive: true });
    return p;
  };
  const userDataDir = dir('user-data');
  const extensionsDir = dir('extensions');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_CONFIG_HOME: dir('xdg-config'),
    XDG_DATA_HOME: dir('xdg-data'),
    XDG_CACHE_HOME: dir('xdg-cache'),
    TMPDIR: dir('tmp'),
    // An empty gallery: no look-ups of a marketplace these machines cannot reach.
    EXTENSIONS_GALLERY: '{}',
    ...extraEnv,
  };
  return { root, userDataDir, extensionsDir, env };
}

function installVsix(bin: string, scratch: ScratchDirs, vsix: string): void {
  const result = spawnSync(bin, ['--extensions-dir', scratch.extensionsDir, '--user-data-dir', scratch.userDataDir, '--install-extension', vsix], {
    env: scratch.env,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.status !== 0) {
    throw new Error(`code-server --install-extension ${vsix} failed (${result.status ?? result.signal}):\n${result.stdout}\n${result.stderr}`);
  }
}

export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  const bin = requireCodeServer();
  const scratch = makeScratch(options.env ?? {});
  const removeScratch = (): void => rmSync(scratch.root, { recursive: true, force: true, maxRetries: 3 });
  const exitCleanup = onExitCleanup(removeScratch);
  mkdirSync(join(scratch.userDataDir, 'User'), { recursive: true });
  writeFileSync(join(scratch.userDataDir, 'User', 'settings.json'), JSON.stringify({ ...HARNESS_SETTINGS, ...options.settings }, null, 2));
  for (const vsix of options.vsix ?? []) installVsix(bin, scratch, vsix);

  const port = options.port ?? (await freePort());
  const logFile = join(scratch.root, 'code-server.log');
  const args = [
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--user-data-dir', scratch.userDataDir,
    '--extensions-dir', scratch.extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    ...(options.folder ? [options.folder] : []),
  ];
  const child = spawnGroup(bin, args, { env: scratch.env, stdio: ['ignore', 'pipe', 'pipe'] });
  const logStream = createWriteStream(logFile);
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', (chunk: Buffer) => {
      logStream.write(chunk);
      if (options.echoLog) process.stderr.write(chunk);
    });
  }
  const readLog = (): string => {
    try {
      return readFileSync(logFile, 'utf8');
    } catch {
      return '';
    }
  };

  let stopped = false;
  const stop = async (): Promise<void> => {
    if (stopped) return;
    stopped = true;
    await stopGroup(child);
    logStream.end();
    removeScratch();
    exitCleanup.dispose();
  };

  const origin = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(origin, child, options.startTimeoutMs ?? 60_000, readLog);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    port,
    origin,
    authority: `127.0.0.1:${port}`,
    userDataDir: scratch.userDataDir,
    extensionsDir: scratch.extensionsDir,
    log: readLog,
    stop,
  };
}

/** Polls code-server's /healthz until it answers, the process dies, or the time-out passes. */
async function waitForHealth(origin: string, child: ReturnType<typeof spawnGroup>, timeoutMs: number, readLog: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  child.once('exit', () => (exited = true));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`code-server exited before it was ready (code ${child.exitCode}):\n${readLog()}`);
    if ((await httpStatus(`${origin}/healthz`)) === 200) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer on ${origin} within ${timeoutMs} ms:\n${readLog()}`);
}
