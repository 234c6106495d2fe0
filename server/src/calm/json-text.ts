/** What the text scanners share (the strict tree parser, the value locator, the nesting check): character codes and strings. */
/**
 * The character codes of the JSON grammar. Each scanner copies the ones it needs into constants of its own
 * (`const { QUOTE } = CHAR`): run from source, a module's exports are getters, too slow for a loop per character.
 */
export const CHAR = {
  TAB: 9,
  LF: 10,
  CR: 13,
  SPACE: 32,
  QUOTE: 34,
  COMMA: 44,
  MINUS: 45,
  DOT: 46,
  ZERO: 48,
  NINE: 57,
  COLON: 58,
  OPEN_BRACKET: 91,
  BACKSLASH: 92,
  CLOSE_BRACKET: 93,
  OPEN_BRACE: 123,
  CLOSE_BRACE: 125,
} as const;

/**
 * Where the string whose opening quote is at `quote` ends: just after its closing quote (one that an even
 * number of backslashes precedes), found with the native search; -1 when the text ends first.
 */
export function endOfString(text: string, quote: number): number {
  let from = quote + 1;
  for (;;) {
    const next = text.indexOf('"', from);
    if (next < 0) return -1;
    let backslashes = 0;
    for (let i = next - 1; text.charCodeAt(i) === CHAR.BACKSLASH; i--) backslashes++;
    if (backslashes % 2 === 0) return next + 1;
    from = next + 1;
  }
}
