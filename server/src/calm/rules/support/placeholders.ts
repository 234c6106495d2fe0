/** The placeholder shapes `calm generate` leaves in an architecture for a human to fill in. */
import type { Node as JsonNode } from 'jsonc-parser';

export const STRING_PLACEHOLDER = /^\[\[\s*[A-Z_]+\s*\]\]$/;
export const BOOLEAN_PLACEHOLDER = /^\[\[\s*BOOLEAN_[A-Z_]+\s*\]\]$/;

export function isStringMatching(node: JsonNode, pattern: RegExp): boolean {
  // Every placeholder starts with '[': most strings are ruled out without running the expression.
  return node.type === 'string' && (node.value as string).charCodeAt(0) === 91 && pattern.test(node.value as string);
}
