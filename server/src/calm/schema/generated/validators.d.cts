/** Types of validators.cjs, which the build generates (see ../build/generate-validators.ts). */
import type { ErrorObject } from 'ajv/dist/2020';

export interface StandaloneValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** The generated validators of one CALM version. */
export interface GeneratedGroup {
  /** The published `$id`s of the version's entry schemas (calm.json, core.json, ...). */
  readonly ids: readonly string[];
  /** Requires the version's module, which is evaluated on the first call only; its exports are keyed by `$id`. */
  load(): { readonly [id: string]: StandaloneValidator | undefined };
}

/** Every bundled CALM version with generated validators, by version (`release/1.1`, `draft/2026-03`, ...). */
export declare const groups: { readonly [version: string]: GeneratedGroup };
