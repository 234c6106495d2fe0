/**
 * Where schema errors stand in the text: the reference-style path, and what to underline. Every place a
 * set of errors names is found in one pass over the text (locate-text.ts); no positioned tree is built.
 */
import type { OffsetRange } from '../findings';
import { locatePaths, type TextSpan } from '../locate-text';
import type { CalmDocument } from '../model';
import { escapeSegment, parsePointer } from '../pointer';
import { isJsonObject, type Segment } from '../value-node';

export interface Location {
  /** The reference's path: a JSON pointer with unique-ids for array indexes; `/` for the root. */
  readonly path: string;
  readonly range: OffsetRange;
}

export interface Locator {
  /** The place of the value at an Ajv instance path, or of its nearest existing ancestor. */
  at(instancePath: string): Location;
  /** The key of member `name` of the object at `instancePath`, when it has that member. */
  memberKey(instancePath: string, name: string): OffsetRange | undefined;
}

/** A member key asked of a locator. */
export interface MemberKeyRequest {
  readonly instancePath: string;
  readonly name: string;
}

function sameLine(doc: CalmDocument, a: number, b: number): boolean {
  return doc.lines.positionAt(a).line === doc.lines.positionAt(b).line;
}

/**
 * What to underline for an error about a value. It starts on the line where the value starts (the
 * line the reference reports). A scalar or a one-line value is underlined whole. A multi-line object
 * or array is not: its key is underlined when it stands on that line, else its opening bracket.
 */
function underline(doc: CalmDocument, isContainer: boolean, span: TextSpan): OffsetRange {
  const { start, end, keyStart, keyEnd } = span;
  if (!isContainer || sameLine(doc, start, end)) return { start, end };
  if (keyStart !== undefined && keyEnd !== undefined && sameLine(doc, keyStart, start)) return { start: keyStart, end: keyEnd };
  return { start, end: start + 1 };
}

/** The value down `segments`, and the reference-style pointer to it (elements named by their string unique-id). */
function walk(root: unknown, segments: readonly Segment[]): { value: unknown; path: string } {
  let value = root;
  let path = '';
  for (const segment of segments) {
    const element = Array.isArray(value) ? value[Number(segment)] : isJsonObject(value) ? value[String(segment)] : undefined;
    const id = Array.isArray(value) && isJsonObject(element) ? element['unique-id'] : undefined;
    path += '/' + escapeSegment(typeof id === 'string' ? id : segment);
    value = element;
  }
  return { value, path };
}

export function locatorFor(doc: CalmDocument, instancePaths: readonly string[], memberKeys: readonly MemberKeyRequest[] = []): Locator {
  const pointers = [...new Set([...instancePaths, ...memberKeys.map((m) => m.instancePath)])];
  const segmentsOf = new Map(pointers.map((p) => [p, parsePointer(p)]));
  const asked = [...pointers.map((p) => segmentsOf.get(p)!), ...memberKeys.map((m) => [...segmentsOf.get(m.instancePath)!, m.name])];
  const located = locatePaths(doc.text, asked);
  const places = new Map(pointers.map((p, i) => [p, located[i]]));
  const keys = new Map(memberKeys.map((m, i) => [`${m.instancePath}\u0000${m.name}`, located[pointers.length + i]]));
  return {
    at(instancePath) {
      const segments = segmentsOf.get(instancePath) ?? parsePointer(instancePath);
      const place = places.get(instancePath) ?? locatePaths(doc.text, [segments])[0];
      const found = walk(doc.value, segments.slice(0, place.found));
      const rest = segments.slice(place.found).map((s) => '/' + escapeSegment(s)).join('');
      const path = found.path + rest;
      const isContainer = typeof found.value === 'object' && found.value !== null;
      return { path: path === '' ? '/' : path, range: underline(doc, isContainer, place.span) };
    },
    memberKey(instancePath, name) {
      const place = keys.get(`${instancePath}\u0000${name}`);
      const depth = (segmentsOf.get(instancePath) ?? parsePointer(instancePath)).length + 1;
      const span = place && place.found === depth ? place.span : undefined;
      return span?.keyStart !== undefined && span.keyEnd !== undefined ? { start: span.keyStart, end: span.keyEnd } : undefined;
    },
  };
}
