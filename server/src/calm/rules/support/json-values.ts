/**
 * JavaScript's own semantics on JSON values, as the reference's rules apply them: truthiness,
 * `== -1`, and template-literal text. Reproduced on the positioned tree so no plain copy is needed.
 */
import { getNodeValue, type Node as JsonNode } from 'jsonc-parser';

/** Objects and arrays: what `typeof x === 'object' && x !== null` accepts. */
export function isContainer(node: JsonNode | undefined): node is JsonNode {
  return node !== undefined && (node.type === 'object' || node.type === 'array');
}

/** `Boolean(value)`: "", 0, false and null are falsy; every object and array is truthy. */
export function isTruthy(node: JsonNode | undefined): boolean {
  if (!node) return false;
  switch (node.type) {
    case 'string':
      return node.value !== '';
    case 'number':
      return node.value !== 0;
    case 'boolean':
      return node.value === true;
    case 'null':
      return false;
    default:
      return true;
  }
}

/**
 * `value == -1`. A string compares by `Number(text)` (so " -1 " and "-1.0" match); an array by its
 * `join(',')` text, which can only read as -1 when it has exactly one element that itself does.
 */
export function looselyEqualsMinusOne(node: JsonNode): boolean {
  let current: JsonNode | undefined = node;
  while (current) {
    switch (current.type) {
      case 'number':
        return current.value === -1;
      case 'string':
        // Only a text with a minus sign can read as -1; checking that first spares most conversions.
        return (current.value as string).includes('-') && Number(current.value) === -1;
      case 'array':
        if (current.children?.length !== 1) return false;
        current = current.children[0];
        break;
      default:
        // `[null]` reads as "" (0), `{}` as "[object Object]", booleans as 1/0 or "true"/"false": never -1.
        return false;
    }
  }
  return false;
}

/** The text `${value}` gives in JavaScript, as the reference builds its messages. */
export function templateText(node: JsonNode | undefined): string {
  if (!node) return 'undefined';
  if (node.type === 'string') return node.value as string;
  try {
    return String(getNodeValue(node));
  } catch {
    // A document object with its own `toString`/`valueOf` keys cannot be turned into text by JavaScript.
    return node.type === 'array' ? '[array]' : '[object Object]';
  }
}

/**
 * The value as a primitive for identity checks (`Array.includes`, `Set.has`): strings, numbers, booleans
 * and null. Objects and arrays are never equal to anything else, so they get a fresh token each.
 */
export function identityOf(node: JsonNode): unknown {
  switch (node.type) {
    case 'string':
    case 'number':
    case 'boolean':
      return node.value;
    case 'null':
      return null;
    default:
      return node;
  }
}
