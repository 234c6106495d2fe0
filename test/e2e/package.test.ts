// The .vsix that `npm run package` makes (npm test runs it before this suite) holds only what
// runs: bundles, webview media, grammars, examples and the documents; and stays small.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, requireVsix } from '../../scripts/e2e/paths';
import { zipEntries } from './zip-entries';

const MAX_BYTES = 3 * 1024 * 1024;

/** Everything a .vsix may hold; vsce adds its manifest and content types, renames LICENSE and lower-cases readme/changelog. */
const ALLOWED: readonly RegExp[] = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/(package\.json|package\.nls\.json|readme\.md|changelog\.md|LICENSE\.txt)$/,
  /^extension\/dist\/(client|server|cli|cli-[\w-]+|ajv-runtime)\.js$/,
  /^extension\/dist\/validators\/validators-[\w.-]+\.js$/,
  /^extension\/dist\/webview\/[\w.-]+\.(js|css)$/,
  /^extension\/media\/[\w./-]+\.(svg|png|css)$/,
  /^extension\/syntaxes\/[\w.-]+\.json$/,
  /^extension\/examples\/[\w.-]+\.json$/,
  /^extension\/images\/[\w.-]+\.png$/,
];

const REQUIRED = [
  'extension/package.json',
  'extension/readme.md',
  'extension/changelog.md',
  'extension/LICENSE.txt',
  'extension/dist/client.js',
  'extension/dist/server.js',
  // What the server and CLI require on first use: the CALM validators, one module per version, and Ajv's compiler.
  'extension/dist/validators/validators-shared.js',
  'extension/dist/validators/validators-release-1.1.js',
  'extension/dist/ajv-runtime.js',
  'extension/examples/ecommerce-platform.json',
];

/** Relative file paths named anywhere in the manifest's `contributes` (icons, grammars, ...). */
function contributedFiles(value: unknown): string[] {
  if (typeof value === 'string') return /^(\.\/)?[\w-]+\/[\w./-]+\.\w+$/.test(value) ? [value.replace(/^\.\//, '')] : [];
  if (Array.isArray(value)) return value.flatMap(contributedFiles);
  if (value && typeof value === 'object') return Object.values(value).flatMap(contributedFiles);
  return [];
}

test('the .vsix holds only what runs', () => {
  const names = zipEntries(requireVsix()).map((e) => e.name);
  console.log(`vsix entries:\n  ${names.join('\n  ')}`);
  assert.deepEqual(names.filter((n) => !ALLOWED.some((r) => r.test(n))), [], 'files that should not be in the .vsix');
  assert.deepEqual(REQUIRED.filter((n) => !names.includes(n)), [], 'files missing from the .vsix');
});

test('every file the manifest names is in the .vsix', () => {
  const names = new Set(zipEntries(requireVsix()).map((e) => e.name));
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { main: string; contributes: unknown; icon?: string };
  const named = [manifest.main.replace(/^\.\//, ''), ...(manifest.icon ? [manifest.icon] : []), ...contributedFiles(manifest.contributes)];
  assert.ok(named.length > 1);
  assert.deepEqual(named.filter((f) => !names.has(`extension/${f}`)), [], 'named by package.json but not packaged');
});

test('the .vsix is at most 3 MB', () => {
  const size = statSync(requireVsix()).size;
  console.log(`vsix size: ${(size / 1024 / 1024).toFixed(2)} MB`);
  assert.ok(size <= MAX_BYTES, `${size} bytes > ${MAX_BYTES}`);
});
