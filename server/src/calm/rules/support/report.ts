/**
 * Building rule findings: the reference-style path, and what to underline. Rules name the value a
 * finding is about; the engine finds where those values stand in the text afterwards, all in one pass
 * (place-findings.ts), so a rule never pays for positions it does not report.
 */
import type { Severity } from '../../findings';
import { escapeSegment } from '../../pointer';
import { ownMember, type ValueNode } from '../../value-node';

export interface RuleIdentity {
  readonly code: string;
  readonly severity: Severity;
}

/** The document's opening bracket: where findings about the whole document are underlined. */
export const DOCUMENT_START = 'document-start';

/** The key of an object member, rather than its value. */
export interface KeyAnchor {
  readonly keyOf: ValueNode;
}

/**
 * What a finding underlines: a value (a scalar whole; an object or array by its key when the key sits on
 * the line of the opening bracket, else by that bracket), a member's key, or the document's start.
 */
export type Anchor = ValueNode | KeyAnchor | typeof DOCUMENT_START;

/** A rule's finding before it is placed in the text. */
export interface RuleFinding {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly path: string;
  readonly at: Anchor;
  /** For findings that come from a schema a rule applies (control requirements). */
  readonly schemaPath?: string;
}

/** The reference writes the document root as `/`, not as the empty pointer. */
export const ROOT_PATH = '/';

export function finding(rule: RuleIdentity, message: string, path: string, at: Anchor): RuleFinding {
  return { code: rule.code, severity: rule.severity, message, path, at };
}

/** Reference-style pointer of a value (an array element with a string unique-id is named by it); `/` for the root. */
export function pathOf(node: ValueNode): string {
  const parts: string[] = [];
  for (let current: ValueNode | undefined = node; current && current.parent; current = current.parent) {
    const key = current.key!;
    if (typeof key === 'number') {
      const id = ownMember(current.value, 'unique-id');
      parts.push(escapeSegment(typeof id === 'string' ? id : key));
    } else {
      parts.push(escapeSegment(key));
    }
  }
  return parts.length === 0 ? ROOT_PATH : '/' + parts.reverse().join('/');
}

/** A finding on a value, at its reference path. */
export function findingAt(rule: RuleIdentity, node: ValueNode, message: string): RuleFinding {
  return finding(rule, message, pathOf(node), node);
}

/** Drops repeats of the same message at the same path (the reference lints some values twice). */
export function distinct(findings: RuleFinding[]): RuleFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.path}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
