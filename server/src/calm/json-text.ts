/** What the text scanners share (the strict tree parser, the value locator, the nesting check): character codes and strings. */
export const TAB = 9;
export const LF = 10;
export const CR = 13;
export const SPACE = 32;
export const QUOTE = 34;
export const COMMA = 44;
export const MINUS = 45;
export const DOT = 46;
export const ZERO = 48;
export const NINE = 57;
export const COLON = 58;
export const OPEN_BRACKET = 91;
export const BACKSLASH = 92;
export const CLOSE_BRACKET = 93;
export const OPEN_BRACE = 123;
export const CLOSE_BRACE = 125;

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
    for (let i = next - 1; text.charCodeAt(i) === BACKSLASH; i--) backslashes++;
    if (backslashes % 2 === 0) return next + 1;
    from = next + 1;
  }
}
