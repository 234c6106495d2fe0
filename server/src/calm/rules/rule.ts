/** The shape of one validation rule: a pure function over the parsed document and its index. */
import type { Finding, Severity } from '../findings';
import type { CalmDocument, DocumentKind } from '../model';
import type { CalmIndex } from '../model-index';

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
  /** Must not throw on any input; the engine still guards it. Cost must be linear in the document size. */
  check(ctx: RuleContext): Finding[];
}
