/** The reference's `nodeIdExists` family: a truthy value must be one of the known ids. */
import type { ValueNode } from '../../value-node';
import { identityOf, isTruthy, templateText } from './json-values';
import { findingAt, type RuleFinding, type RuleIdentity } from './report';

export type IdKind = 'node' | 'interface' | 'relationship' | 'moment';

export function unknownIdMessage(value: ValueNode, kind: IdKind): string {
  return `'${templateText(value)}' does not refer to the unique-id of an existing ${kind}.`;
}

/** A finding when `value` is truthy and not among `known` (identity comparison, as `Array.includes`). */
export function checkReference(rule: RuleIdentity, value: ValueNode | undefined, known: ReadonlySet<unknown>, kind: IdKind): RuleFinding[] {
  if (!value || !isTruthy(value) || known.has(identityOf(value))) return [];
  return [findingAt(rule, value, unknownIdMessage(value, kind))];
}
