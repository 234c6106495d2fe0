/** Types of validators.cjs, which the build generates (see ../build/generate-validators.ts). */
import type { ErrorObject } from 'ajv/dist/2020';

export interface StandaloneValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** Validators of every bundled entry schema, by its published `$id`. */
export declare const byId: { readonly [id: string]: StandaloneValidator | undefined };
