/** The process's one runtime Ajv instance: compiles patterns (and any meta file not generated at build time). */
import type Ajv2020 from 'ajv/dist/2020';
import { createCalmAjv } from './ajv-setup';

let instance: Ajv2020 | undefined;

/** Created on first use: documents that name only bundled meta schemas never pay for it. */
export function runtimeAjv(): Ajv2020 {
  instance ??= createCalmAjv();
  return instance;
}
