/** The process's one runtime Ajv instance: compiles patterns (and any meta file not generated at build time). */
import type Ajv2020 from 'ajv/dist/2020';

let instance: Ajv2020 | undefined;

/**
 * Created on first use. Ajv's compiler is loaded only then: documents that name a bundled meta
 * schema run the build-time validators and never pay for loading it.
 */
export function runtimeAjv(): Ajv2020 {
  if (!instance) {
    const { createCalmAjv } = require('./ajv-setup') as typeof import('./ajv-setup');
    instance = createCalmAjv();
  }
  return instance;
}
