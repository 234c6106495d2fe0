/**
 * Where values stand in the text, found for many paths in one pass. Validation reads the plain value
 * `JSON.parse` gives; only the few values that findings name need offsets, so instead of a positioned
 * tree of the whole document this walks the text once, descending only along the paths asked for and
 * skipping every other value without building anything. The text must be valid JSON (it parsed).
 */
import { CHAR, endOfString } from './json-text';
import type { Segment } from './value-node';

const { CLOSE_BRACE, CLOSE_BRACKET, COLON, COMMA, OPEN_BRACE, OPEN_BRACKET, QUOTE } = CHAR;

export interface TextSpan {
  /** The value's first character and one past its last. */
  readonly start: number;
  readonly end: number;
  /** Its key, quotes included, when the value is a member of an object. */
  readonly keyStart?: number;
  readonly keyEnd?: number;
}

export interface LocatedPath {
  /** The value at the path, or at the longest leading part of the path that exists. */
  readonly span: TextSpan;
  /** How many leading segments exist: the path's length when the whole path does. */
  readonly found: number;
}

/** The paths asked for, merged: one branch per key or index (held as text: an array's 0 is "0"). */
interface Branch {
  readonly children: Map<string, Branch>;
  span?: TextSpan;
}

function isWhitespace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff;
}

function forget(branch: Branch): void {
  branch.span = undefined;
  for (const child of branch.children.values()) if (child.span !== undefined) forget(child);
}

class Scanner {
  pos = 0;

  constructor(private readonly text: string) {}

  skipWhitespace(): void {
    const text = this.text;
    while (this.pos < text.length && isWhitespace(text.charCodeAt(this.pos))) this.pos++;
  }

  /** Reads the value at `pos`, recording spans for `branch` and below; leaves `pos` after the value. */
  value(branch: Branch | undefined, keyStart?: number, keyEnd?: number): void {
    const start = this.pos;
    const c = this.text.charCodeAt(start);
    // Seen before: an earlier duplicate of this key. Only the last counts, so forget what the earlier one held.
    if (branch?.span !== undefined) forget(branch);
    if (branch !== undefined && branch.children.size > 0 && c === OPEN_BRACE) this.object(branch);
    else if (branch !== undefined && branch.children.size > 0 && c === OPEN_BRACKET) this.array(branch);
    else this.skipValue();
    if (branch !== undefined) branch.span = keyStart === undefined ? { start, end: this.pos } : { start, end: this.pos, keyStart, keyEnd };
  }

  private object(branch: Branch): void {
    const text = this.text;
    this.pos++;
    this.skipWhitespace();
    if (text.charCodeAt(this.pos) === CLOSE_BRACE) {
      this.pos++;
      return;
    }
    for (;;) {
      const keyStart = this.pos;
      this.skipString();
      const keyEnd = this.pos;
      this.skipWhitespace();
      if (text.charCodeAt(this.pos) === COLON) this.pos++;
      this.skipWhitespace();
      // A later duplicate key reaches the same branch and overwrites it: the last one wins, as in JSON.parse.
      this.value(branch.children.get(this.keyText(keyStart, keyEnd)), keyStart, keyEnd);
      this.skipWhitespace();
      const c = text.charCodeAt(this.pos++);
      if (c !== COMMA) return; // '}' (or the end of the text, which valid JSON never reaches here)
      this.skipWhitespace();
    }
  }

  private array(branch: Branch): void {
    const text = this.text;
    this.pos++;
    this.skipWhitespace();
    if (text.charCodeAt(this.pos) === CLOSE_BRACKET) {
      this.pos++;
      return;
    }
    for (let index = 0; ; index++) {
      this.value(branch.children.get(String(index)));
      this.skipWhitespace();
      const c = text.charCodeAt(this.pos++);
      if (c !== COMMA) return;
      this.skipWhitespace();
    }
  }

  private keyText(start: number, end: number): string {
    const raw = this.text.slice(start + 1, end - 1);
    return raw.includes('\\') ? (JSON.parse(this.text.slice(start, end)) as string) : raw;
  }

  /** From an opening quote to just after the closing one. */
  private skipString(): void {
    const end = endOfString(this.text, this.pos);
    this.pos = end < 0 ? this.text.length : end;
  }

  private skipValue(): void {
    const text = this.text;
    const c = text.charCodeAt(this.pos);
    if (c === QUOTE) {
      this.skipString();
      return;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      let depth = 0;
      while (this.pos < text.length) {
        const d = text.charCodeAt(this.pos);
        if (d === QUOTE) {
          this.skipString();
          continue;
        }
        this.pos++;
        if (d === OPEN_BRACE || d === OPEN_BRACKET) depth++;
        else if ((d === CLOSE_BRACE || d === CLOSE_BRACKET) && --depth === 0) return;
      }
      return;
    }
    // A number or a literal: up to the next delimiter.
    while (this.pos < text.length) {
      const d = text.charCodeAt(this.pos);
      if (d === COMMA || d === CLOSE_BRACE || d === CLOSE_BRACKET || isWhitespace(d)) return;
      this.pos++;
    }
  }
}

/** For each path, the span of its value (or of its longest existing leading part), in one pass over `text`. */
export function locatePaths(text: string, paths: readonly (readonly Segment[])[]): LocatedPath[] {
  const root: Branch = { children: new Map() };
  for (const path of paths) {
    let branch = root;
    for (const segment of path) {
      const key = String(segment);
      let child = branch.children.get(key);
      if (!child) {
        child = { children: new Map() };
        branch.children.set(key, child);
      }
      branch = child;
    }
  }
  const scanner = new Scanner(text);
  scanner.skipWhitespace();
  scanner.value(root);
  const rootSpan = root.span ?? { start: 0, end: text.length };
  return paths.map((path) => {
    let branch = root;
    let span = rootSpan;
    let found = 0;
    for (const segment of path) {
      const child = branch.children.get(String(segment));
      if (!child?.span) break;
      branch = child;
      span = child.span;
      found++;
    }
    return { span, found };
  });
}
