/**
 * What the language features read: a parsed document and its index. A full `CalmAnalysis` is one;
 * so is the cheap analysis of a version that has not been validated yet (see register.ts), which lets
 * completion and navigation answer without waiting for schema and rule checks.
 */
import type { CalmDocument } from '../calm/model';
import { buildIndex, type CalmIndex } from '../calm/model-index';

export interface CalmAnalysis {
  readonly doc: CalmDocument;
  readonly index: CalmIndex;
}

export function analyse(doc: CalmDocument): CalmAnalysis {
  return { doc, index: buildIndex(doc) };
}
