/** The shape of one validation rule: a pure function over the parsed document and its index. */
import type { Severity } from '../findings';
import type { CalmDocument, DocumentKind } from '../model';
import type { CalmIndex } from '../model-index';
import type { RuleFinding } from './support/report';

export interface RuleContext {
  readonly doc: CalmDocument;
  readonly index: CalmIndex;
}

export interface Rule {
  /** The reference's code, e.g. `architecture-nodes-must-be-referenced`. */
  readonly code: string;
  readonly severity: Severity;
  /** Which document kinds it applies to. */
  readonly kinds: readonly DocumentKind[];
  /**
   * Must not throw on any input; the engine still guards it. Cost must be linear in the document size.
   * Findings name the value they are about; the engine places them in the text (place-findings.ts).
   */
  check(ctx: RuleContext): RuleFinding[];
}
