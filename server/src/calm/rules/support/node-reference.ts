/** The reference's `nodeIdExists` family: a truthy value must be one of the known ids. */
import type { ValueNode } from '../../value-node';
import { identityOf, isTruthy, templateText } from './json-values';
import { findingAt, type RuleFinding, type RuleIdentity } from './report';
import { starChildren, starValues } from './tree';

export type IdKind = 'node' | 'interface' | 'relationship' | 'moment';

export function unknownIdMessage(value: ValueNode, kind: IdKind): string {
  return `'${templateText(value)}' does not refer to the unique-id of an existing ${kind}.`;
}

/** Is this plain value a reference that `known` lacks? Falsy values are not checked, as in the reference. */
export function isDangling(value: unknown, known: ReadonlySet<unknown>): boolean {
  return Boolean(value) && !known.has(value);
}

/**
 * Findings for the `[*]` entries of `list` that are dangling. The plain values are checked first, so the
 * common case (every reference resolves) makes no nodes at all.
 */
export function checkEntries(rule: RuleIdentity, list: ValueNode | undefined, known: ReadonlySet<unknown>, kind: IdKind): RuleFinding[] {
  if (!list || !starValues(list.value).some((value) => isDangling(value, known))) return [];
  return starChildren(list)
    .filter((entry) => isDangling(entry.value, known))
    .map((entry) => findingAt(rule, entry, unknownIdMessage(entry, kind)));
}

/** A finding when `value` is truthy and not among `known` (identity comparison, as `Array.includes`). */
export function checkReference(rule: RuleIdentity, value: ValueNode | undefined, known: ReadonlySet<unknown>, kind: IdKind): RuleFinding[] {
  if (!value || !isTruthy(value) || known.has(identityOf(value))) return [];
  return [findingAt(rule, value, unknownIdMessage(value, kind))];
}
