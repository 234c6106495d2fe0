/**
 * Fits a name into a node box without measuring text (the same answer in the webview, in Node and in
 * any font): an estimate of each character's width, words wrapped onto at most `maxLines`, the last
 * line shortened with an ellipsis. The full name is in the tooltip and the search.
 */

/** Approximate advance of a character in em, for the proportional sans-serif fonts VS Code uses. */
function charWidth(ch: string): number {
  const c = ch.codePointAt(0) ?? 0;
  if (c >= 0x2e80) return 1; // CJK and other wide scripts
  if ('iljtfrI.,;:!|\'` '.includes(ch)) return 0.3;
  if ('mwMW@'.includes(ch)) return 0.88;
  if (ch >= 'A' && ch <= 'Z') return 0.68;
  if (ch >= '0' && ch <= '9') return 0.56;
  return 0.56;
}

export function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += charWidth(ch);
  return em * fontSize;
}

function shorten(text: string, maxWidth: number, fontSize: number): string {
  if (textWidth(text, fontSize) <= maxWidth) return text;
  const ellipsis = '\u2026';
  const room = maxWidth - textWidth(ellipsis, fontSize);
  let out = '';
  let width = 0;
  for (const ch of text) {
    const w = charWidth(ch) * fontSize;
    if (width + w > room) break;
    out += ch;
    width += w;
  }
  return out.trimEnd() + ellipsis;
}

export function fitLines(text: string, maxWidth: number, fontSize: number, maxLines: number): string[] {
  const words = text.trim().split(/\s+/).filter((w) => w !== '');
  const lines: string[] = [];
  let current = '';
  for (let i = 0; i < words.length; i++) {
    const candidate = current === '' ? words[i] : `${current} ${words[i]}`;
    if (textWidth(candidate, fontSize) <= maxWidth || current === '') {
      current = candidate;
      continue;
    }
    if (lines.length === maxLines - 1) {
      // Last line: everything left goes on it, shortened.
      lines.push(shorten([current, ...words.slice(i)].join(' '), maxWidth, fontSize));
      return lines;
    }
    lines.push(current);
    current = words[i];
  }
  if (current !== '') lines.push(current);
  // A single word longer than a line is shortened too.
  return lines.map((l) => shorten(l, maxWidth, fontSize));
}
