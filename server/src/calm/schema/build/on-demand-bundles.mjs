// Used by esbuild.mjs. Code of the schema layer that a validation needs only for some documents is
// not put in dist/server.js or dist/cli-*.js, where V8 would parse all of it at every start, but in
// bundles of their own that those require on first use:
// - dist/validators/validators-<version>.js: one CALM version's generated validators (see
//   generate-validators.ts; ~0.9 MB for all versions, of which a document needs one), and
//   validators-shared.js, what the versions share;
// - dist/ajv-runtime.js: Ajv's compiler with our meta schemas (ajv-setup.ts, ~0.3 MB), which only
//   patterns and meta schemas without generated validators need (see runtime-ajv.ts).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const SCHEMA = 'server/src/calm/schema';
const GENERATED = `${SCHEMA}/generated`;
const VALIDATORS = /^\.\/(validators-[\w.-]+)\.cjs$/;

const from = (args, file) => args.importer.replace(/\\/g, '/').endsWith(`/${file}`);

/**
 * An esbuild plugin for a bundle `dist` (the path of dist/ relative to the bundle: `.` or `..`):
 * the requires named above stay requires, of the on-demand bundles.
 */
export function onDemandModules(dist) {
  return {
    name: 'calm-on-demand-modules',
    setup(build) {
      build.onResolve({ filter: VALIDATORS }, (args) => {
        if (!args.importer.replace(/\\/g, '/').includes(`/${GENERATED}/`)) return undefined;
        return { path: `${dist}/validators/${VALIDATORS.exec(args.path)[1]}.js`, external: true };
      });
      build.onResolve({ filter: /^\.\/ajv-setup$/ }, (args) => (from(args, `${SCHEMA}/runtime-ajv.ts`) ? { path: `${dist}/ajv-runtime.js`, external: true } : undefined));
    },
  };
}

/** The on-demand bundles. Call after generating the validators. */
export function onDemandBundles() {
  const node = { platform: 'node', format: 'cjs', target: 'node20' };
  return [
    ...readdirSync(GENERATED)
      .filter((f) => VALIDATORS.test(`./${f}`))
      .map((f) => ({ ...node, entryPoints: [join(GENERATED, f)], outfile: `dist/validators/${f.replace(/\.cjs$/, '.js')}`, plugins: [onDemandModules('..')] })),
    { ...node, entryPoints: [`${SCHEMA}/ajv-setup.ts`], outfile: 'dist/ajv-runtime.js' },
  ];
}
