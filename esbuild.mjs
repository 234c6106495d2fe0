// Builds every bundle of the extension, the language server, the CLI and the webview.
// `node esbuild.mjs` builds once; `--watch` rebuilds on change; `--production` minifies.
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readdirSync } from 'node:fs';
import { onDemandBundles, onDemandModules } from './server/src/calm/schema/build/on-demand-bundles.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'info',
  legalComments: 'none',
};

/** One row per bundle. Node bundles are CommonJS (what VS Code's extension host loads). */
const bundles = [
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
  { entryPoints: ['server/src/main.ts'], outfile: 'dist/server.js', platform: 'node', format: 'cjs', target: 'node20', plugins: [onDemandModules('.')] },
  { entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node20', banner: { js: '#!/usr/bin/env node' } },
  // Each CLI subcommand (server/src/cli/cli-<name>.ts) is a bundle of its own, loaded only when it runs.
  ...readdirSync('server/src/cli')
    .filter((f) => /^cli-[\w-]+\.ts$/.test(f))
    .map((f) => ({ entryPoints: [`server/src/cli/${f}`], outfile: `dist/${f.replace(/\.ts$/, '.js')}`, platform: 'node', format: 'cjs', target: 'node20', plugins: [onDemandModules('.')] })),
  { entryPoints: ['webview/src/main.ts'], outfile: 'dist/webview/main.js', platform: 'browser', format: 'iife', target: 'chrome120' },
  { entryPoints: ['webview/src/layout-worker.ts'], outfile: 'dist/webview/layout-worker.js', platform: 'browser', format: 'iife', target: 'chrome120' },
  { entryPoints: ['test/extension-host/index.ts'], outfile: 'out/test/extension-host/index.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode', 'mocha'] },
];

// The CALM schema validators are compiled to standalone code before bundling (the engine imports it):
// see server/src/calm/schema/build/generate-validators.ts. It skips the work when nothing changed.
const generated = spawnSync(process.execPath, ['--import', 'tsx', 'server/src/calm/schema/build/generate-validators.ts'], { stdio: 'inherit' });
if (generated.status !== 0) process.exit(generated.status ?? 1);
// Each CALM version's validators, and Ajv's compiler, are bundles of their own, which the server and CLI bundles require on first use.
bundles.push(...onDemandBundles());

// jsonc-parser's `main` is a UMD build whose inner requires esbuild cannot follow; its ESM `module` build bundles cleanly.
const withDefaults = (b) => ({ ...common, ...(b.platform === 'node' ? { mainFields: ['module', 'main'] } : {}), ...b });

// The preview's static files (its stylesheet) go beside its scripts: the webview may load only from dist/webview.
cpSync('webview/media', 'dist/webview', { recursive: true });

// A bundle whose entry does not exist yet is reported, not silently skipped.
const missing = bundles.filter((b) => !existsSync(b.entryPoints[0]));
for (const b of missing) console.warn(`esbuild: no entry ${b.entryPoints[0]} yet; ${b.outfile} not built`);
const present = bundles.filter((b) => existsSync(b.entryPoints[0]));

if (watch) {
  const contexts = await Promise.all(present.map((b) => esbuild.context(withDefaults(b))));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log('esbuild: watching');
} else {
  await Promise.all(present.map((b) => esbuild.build(withDefaults(b))));
}
