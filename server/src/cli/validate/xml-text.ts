/** Text for XML 1.0 attribute values and character data. */

// Characters XML 1.0 cannot carry at all, not even as character references: C0 controls other
// than tab/newline/return, lone surrogates, U+FFFE and U+FFFF. They are spelled out instead.
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

const ENTITY: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes markup characters; newlines and tabs become character references so attribute values keep them. */
export function xmlEscape(text: string): string {
  return text
    .replace(NOT_XML, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/[&<>"']/g, (c) => ENTITY[c])
    .replace(/[\n\r\t]/g, (c) => `&#${c.charCodeAt(0)};`);
}
