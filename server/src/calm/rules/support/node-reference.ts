/** The reference's `nodeIdExists` family: a truthy value must be one of the known ids. */
import type { Node as JsonNode } from 'jsonc-parser';
import type { Finding } from '../../findings';
import type { CalmDocument } from '../../model';
import { identityOf, isTruthy, templateText } from './json-values';
import { findingAt, type RuleIdentity } from './report';

export type IdKind = 'node' | 'interface' | 'relationship' | 'moment';

export function unknownIdMessage(value: JsonNode, kind: IdKind): string {
  return `'${templateText(value)}' does not refer to the unique-id of an existing ${kind}.`;
}

/** A finding when `value` is truthy and not among `known` (identity comparison, as `Array.includes`). */
export function checkReference(
  rule: RuleIdentity,
  doc: CalmDocument,
  value: JsonNode | undefined,
  known: ReadonlySet<unknown>,
  kind: IdKind,
): Finding[] {
  if (!value || !isTruthy(value) || known.has(identityOf(value))) return [];
  return [findingAt(rule, doc, value, unknownIdMessage(value, kind))];
}
