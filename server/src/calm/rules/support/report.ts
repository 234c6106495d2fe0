/** Building rule findings: reference-style path, and a range on the line the reference reports. */
import type { Node as JsonNode } from 'jsonc-parser';
import type { Finding, OffsetRange, Severity } from '../../findings';
import type { CalmDocument } from '../../model';
import { idPathOf } from '../../pointer';
import { keyOf } from './tree';

export interface RuleIdentity {
  readonly code: string;
  readonly severity: Severity;
}

/** The reference writes the document root as `/`, not as the empty pointer. */
export const ROOT_PATH = '/';

export function finding(rule: RuleIdentity, message: string, path: string, range: OffsetRange): Finding {
  return { code: rule.code, severity: rule.severity, message, path, range, source: 'rule' };
}

/** Reference-style pointer of a value node (unique-ids in place of indexes); `/` for the root. */
export function pathOf(node: JsonNode): string {
  return idPathOf(node) || ROOT_PATH;
}

/**
 * What to underline for a value. A scalar: itself. An object or array: its key when the key sits on the
 * same line as the opening bracket (a whole block underlined hides the code), else the opening bracket.
 * Either way the range starts on the value's first line, where the reference places it.
 */
export function highlight(doc: CalmDocument, node: JsonNode): OffsetRange {
  if (node.type !== 'object' && node.type !== 'array') return { start: node.offset, end: node.offset + node.length };
  const key = keyOf(node);
  if (key && !/[\r\n]/.test(doc.text.slice(key.offset + key.length, node.offset))) {
    return { start: key.offset, end: key.offset + key.length };
  }
  return { start: node.offset, end: node.offset + 1 };
}

/** For findings about the whole document: its opening bracket (or the start of the text). */
export function documentStart(doc: CalmDocument): OffsetRange {
  const at = doc.root ? doc.root.offset : 0;
  return { start: at, end: Math.min(at + 1, doc.text.length) };
}

/** A finding on a value node, at its reference path. */
export function findingAt(rule: RuleIdentity, doc: CalmDocument, node: JsonNode, message: string): Finding {
  return finding(rule, message, pathOf(node), highlight(doc, node));
}

/** Drops repeats of the same message at the same path (the reference lints some values twice). */
export function distinct(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.path}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
