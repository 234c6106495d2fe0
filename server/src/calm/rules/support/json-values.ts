/**
 * JavaScript's own semantics on JSON values, as the reference's rules apply them: truthiness,
 * `== -1`, template-literal text and `includes` identity.
 */
import type { ValueNode } from '../../value-node';

/** Objects and arrays: what `typeof x === 'object' && x !== null` accepts. */
export function isContainer(node: ValueNode | undefined): node is ValueNode {
  return node !== undefined && typeof node.value === 'object' && node.value !== null;
}

/** `Boolean(value)`: "", 0, false and null are falsy; every object and array is truthy. */
export function isTruthy(node: ValueNode | undefined): boolean {
  return node !== undefined && Boolean(node.value);
}

/**
 * `value == -1`. A string compares by `Number(text)` (so " -1 " and "-1.0" match); an array by its
 * `join(',')` text, which can only read as -1 when it has exactly one element that itself does.
 */
export function looselyEqualsMinusOne(value: unknown): boolean {
  let current = value;
  for (;;) {
    if (typeof current === 'number') return current === -1;
    if (typeof current === 'string') return mayReadAsNegative(current) && Number(current) === -1;
    if (!Array.isArray(current) || current.length !== 1) return false;
    // `[null]` reads as "" (0), `{}` as "[object Object]", booleans as 1/0 or "true"/"false": never -1.
    current = current[0];
  }
}

/**
 * Can `Number(text)` be negative? Only if the text starts with '-', or with white space (which Number
 * skips). Ids and names are ruled out at their first character, sparing the conversion.
 */
export function mayReadAsNegative(text: string): boolean {
  const first = text.charCodeAt(0);
  return first === 45 /* - */ || first <= 32 || first >= 0xa0;
}

/** The text `${value}` gives in JavaScript, as the reference builds its messages. */
export function templateText(node: ValueNode | undefined): string {
  return node ? textOf(node.value) : 'undefined';
}

/** `templateText` of a plain value. */
export function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return String(value);
  } catch {
    // A document object with its own `toString`/`valueOf` keys cannot be turned into text by JavaScript.
    return Array.isArray(value) ? '[array]' : '[object Object]';
  }
}

/**
 * The value for identity checks (`Array.includes`, `Set.has`): scalars compare by value, objects and
 * arrays by identity (each is a distinct object of the parsed document), as in JavaScript.
 */
export function identityOf(node: ValueNode): unknown {
  return node.value;
}
