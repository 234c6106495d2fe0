// Used by esbuild.mjs. The generated validators (../generated/validators-<version>.cjs, see
// generate-validators.ts) are ~0.9 MB of code. Inside dist/server.js or dist/cli-validate.js, V8
// would parse all of it at every start even though a document needs one version, so each is a
// bundle of its own, dist/validators/validators-<version>.js, required on first use.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const GENERATED = 'server/src/calm/schema/generated';
const MODULE = /^\.\/(validators-[\w.-]+)\.cjs$/;

/**
 * An esbuild plugin: a generated module's `require("./validators-<name>.cjs")` stays a require,
 * of `<folder>/validators-<name>.js` relative to the bundle being built.
 */
export function validatorModulesAt(folder) {
  return {
    name: 'calm-validator-modules',
    setup(build) {
      build.onResolve({ filter: MODULE }, (args) => {
        if (!args.importer.replace(/\\/g, '/').includes(`/${GENERATED}/`)) return undefined;
        return { path: `${folder}/${MODULE.exec(args.path)[1]}.js`, external: true };
      });
    },
  };
}

/** One bundle per generated version module (and the one they share), into dist/validators/. Call after generating. */
export function validatorBundles() {
  return readdirSync(GENERATED)
    .filter((f) => MODULE.test(`./${f}`))
    .map((f) => ({
      entryPoints: [join(GENERATED, f)],
      outfile: `dist/validators/${f.replace(/\.cjs$/, '.js')}`,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      plugins: [validatorModulesAt('.')],
    }));
}
