/**
 * Markdown for hover cards built from untrusted document text. Every ASCII punctuation character of
 * document text is backslash-escaped (CommonMark allows it for all of them), so no document string can
 * open a link, an image, raw HTML, emphasis or a code span, and line breaks are folded so it cannot
 * start a heading, list or code block either.
 */

const ASCII_PUNCTUATION = /[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]/g;

/** Document text as inline Markdown that renders literally. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').trim().replace(ASCII_PUNCTUATION, (c) => '\\' + c);
}

/** Long document text cut to `max` characters (before escaping, so escapes are never split). */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1).trimEnd() + '…';
}

/** Escaped, clipped document text. */
export function md(text: string, max = 300): string {
  return escapeMarkdown(clip(text, max));
}
