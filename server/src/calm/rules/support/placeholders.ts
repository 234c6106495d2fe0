/** The placeholder shapes `calm generate` leaves in an architecture for a human to fill in. */
export const STRING_PLACEHOLDER = /^\[\[\s*[A-Z_]+\s*\]\]$/;
export const BOOLEAN_PLACEHOLDER = /^\[\[\s*BOOLEAN_[A-Z_]+\s*\]\]$/;

export function isStringMatching(value: unknown, pattern: RegExp): boolean {
  // Every placeholder starts with '[': most strings are ruled out without running the expression.
  return typeof value === 'string' && value.charCodeAt(0) === 91 && pattern.test(value);
}
