/** JSON syntax checking: jsonc-parser's error codes turned into plain words at exact positions. */
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import type { Finding, OffsetRange } from './findings';
import { parseStrictJsonTree } from './json-tree';
import { CHAR, endOfString } from './json-text';

const { CLOSE_BRACE, CLOSE_BRACKET, OPEN_BRACE, OPEN_BRACKET, QUOTE } = CHAR;

/** Deeper than this, a document is refused before parsing (recursive parsers and validators would overflow). */
export const MAX_NESTING_DEPTH = 512;

export const SYNTAX_CODE = 'json-syntax';

export interface SyntaxResult {
  readonly root: JsonNode | undefined;
  readonly findings: Finding[];
}

function finding(message: string, range: OffsetRange): Finding {
  return { code: SYNTAX_CODE, severity: 'error', message, path: '', range, source: 'json-syntax' };
}

/** Offset of the first bracket nesting deeper than `limit`, ignoring brackets inside strings; -1 if none. */
function findExcessiveNesting(text: string, limit: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = endOfString(text, i);
      if (end < 0) return -1; // an unterminated string runs to the end: no bracket after it counts
      i = end - 1;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (++depth > limit) return i;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
  return -1;
}

function previousSignificant(text: string, offset: number): number {
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return i;
}

function describeToken(text: string, offset: number): string {
  if (offset >= text.length) return 'the end of the file';
  const ch = text[offset];
  if (ch === '"') return 'a string';
  if (/[-0-9]/.test(ch)) return 'a number';
  const word = /^[A-Za-z_]\w*/.exec(text.slice(offset, offset + 40));
  if (word) return `'${word[0]}'`;
  return `'${ch}'`;
}

function explain(error: ParseError, text: string): { message: string; range: OffsetRange } {
  const at = { start: error.offset, end: error.offset + Math.max(error.length, 1) };
  const found = describeToken(text, error.offset);
  const prev = previousSignificant(text, error.offset);
  const next = text[error.offset];
  const trailingComma = text[prev] === ',' && (next === '}' || next === ']');
  const code = printParseErrorCode(error.error);
  switch (code) {
    case 'PropertyNameExpected':
    case 'ValueExpected':
      if (trailingComma) return { message: `Trailing comma: JSON does not allow a ',' before '${next}'.`, range: { start: prev, end: prev + 1 } };
      if (error.offset >= text.length) return { message: 'Unexpected end of file: the JSON is incomplete.', range: at };
      return code === 'PropertyNameExpected'
        ? { message: `Expected a property name in double quotes but found ${found}.`, range: at }
        : { message: `Expected a value but found ${found}.`, range: at };
    case 'ColonExpected':
      return { message: `Expected ':' after the property name but found ${found}.`, range: at };
    case 'CommaExpected':
      return { message: `Expected ',' between items but found ${found}.`, range: at };
    case 'CloseBraceExpected':
      return error.offset >= text.length
        ? { message: "Unexpected end of file: expected '}' to close the object.", range: at }
        : { message: `Expected ',' or '}' but found ${found}.`, range: at };
    case 'CloseBracketExpected':
      return error.offset >= text.length
        ? { message: "Unexpected end of file: expected ']' to close the array.", range: at }
        : { message: `Expected ',' or ']' but found ${found}.`, range: at };
    case 'EndOfFileExpected':
      return { message: `Unexpected ${found} after the end of the JSON value.`, range: at };
    case 'InvalidCommentToken':
      return { message: 'Comments are not allowed in JSON.', range: at };
    case 'UnexpectedEndOfComment':
      return { message: 'Unterminated comment (comments are not allowed in JSON).', range: at };
    case 'UnexpectedEndOfString':
      return { message: 'Unterminated string: a closing \'"\' is missing.', range: at };
    case 'UnexpectedEndOfNumber':
      return { message: 'Incomplete number.', range: at };
    case 'InvalidUnicode':
      return { message: 'Invalid \\u escape in a string: four hexadecimal digits are required.', range: at };
    case 'InvalidEscapeCharacter':
      return { message: 'Invalid escape sequence in a string.', range: at };
    case 'InvalidCharacter':
      return { message: 'Invalid character in a string: control characters must be escaped.', range: at };
    default:
      return { message: `Unexpected ${found}: not valid JSON here.`, range: at };
  }
}

/** Parses strict JSON (no comments, no trailing commas) into a positioned tree and plain-words findings. */
export function parseJson(text: string): SyntaxResult {
  const findings: Finding[] = [];
  if (text.trim() === '') {
    return { root: undefined, findings: [finding('The document is empty: a CALM document is a JSON object.', { start: 0, end: text.length })] };
  }
  // Valid JSON, the common case, takes the fast path; anything else is explained by jsonc-parser below.
  const strict = parseStrictJsonTree(text, MAX_NESTING_DEPTH);
  if (strict) return { root: strict, findings };
  let source = text;
  if (text.charCodeAt(0) === 0xfeff) {
    findings.push(finding('The file starts with a byte order mark (BOM), which JSON does not allow. Save it as UTF-8 without BOM.', { start: 0, end: 1 }));
    source = ' ' + text.slice(1); // same length: offsets stay true
  }
  const tooDeep = findExcessiveNesting(source, MAX_NESTING_DEPTH);
  if (tooDeep >= 0) {
    findings.push(finding(`Nesting deeper than ${MAX_NESTING_DEPTH} levels: the document is not checked further.`, { start: tooDeep, end: tooDeep + 1 }));
    return { root: undefined, findings };
  }
  const errors: ParseError[] = [];
  const root = parseTree(source, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  // One mistake often cascades; keep the first error at each offset.
  const seen = new Set<number>();
  for (const e of errors) {
    if (seen.has(e.offset)) continue;
    seen.add(e.offset);
    const { message, range } = explain(e, source);
    findings.push(finding(message, range));
  }
  return { root, findings };
}
