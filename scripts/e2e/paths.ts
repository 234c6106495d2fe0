// Where the real-VS-Code harness finds its tools and puts its results.
// code-server lives in a cache folder outside the repository (see install.sh); results go to
// test-results/ so CI can keep the screenshots as an artifact.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CODE_SERVER_VERSION = '4.100.3';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const resultsDir = join(repoRoot, 'test-results');
export const examplesDir = join(repoRoot, 'examples');
export const installScript = 'bash scripts/e2e/install.sh';

export const cacheRoot = process.env.CALM_LENS_CACHE ?? join(homedir(), '.cache', 'calm-lens');
export const codeServerDir = join(cacheRoot, `code-server-${CODE_SERVER_VERSION}`);
export const codeServerBin = join(codeServerDir, 'node_modules', '.bin', 'code-server');
export const chromiumBin = process.env.CALM_LENS_CHROMIUM ?? '/usr/bin/chromium';

/** Thrown when a tool the harness needs is missing: says how to get it, never skips. */
export class MissingToolError extends Error {}

export function requireCodeServer(): string {
  // install.sh writes .complete last, so a half-finished install is not mistaken for a good one.
  if (!existsSync(codeServerBin) || !existsSync(join(codeServerDir, '.complete'))) {
    throw new MissingToolError(
      `code-server ${CODE_SERVER_VERSION} is not installed in ${codeServerDir}. Run \`${installScript}\` first.`,
    );
  }
  return codeServerBin;
}

export function requireChromium(): string {
  if (!existsSync(chromiumBin)) {
    throw new MissingToolError(`Chromium is not installed at ${chromiumBin}. Run \`${installScript}\` first.`);
  }
  return chromiumBin;
}

interface Manifest {
  name: string;
  publisher: string;
  version: string;
}

export function manifest(): Manifest {
  return JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Manifest;
}

/** The file `npm run package` writes (vsce's default name, at the repository root). */
export function vsixPath(): string {
  const m = manifest();
  return join(repoRoot, `${m.name}-${m.version}.vsix`);
}

export function requireVsix(): string {
  const p = vsixPath();
  if (!existsSync(p)) {
    throw new MissingToolError(`${p} does not exist. Run \`npm run package\` first (npm test does it before the e2e suite).`);
  }
  return p;
}

export function extensionId(): string {
  const m = manifest();
  return `${m.publisher}.${m.name}`;
}
