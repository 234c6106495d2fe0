/** The parsed CALM model: every element carries where it stands in the text. */
import type { Node as JsonNode } from 'jsonc-parser';
import type { Finding, OffsetRange } from './findings';
import type { LineIndex } from './lines';

export type DocumentKind = 'architecture' | 'pattern' | 'timeline';

export type RelationshipKind = 'interacts' | 'connects' | 'deployed-in' | 'composed-of' | 'options';
export const RELATIONSHIP_KINDS: readonly RelationshipKind[] = ['interacts', 'connects', 'deployed-in', 'composed-of', 'options'];

/** What `$schema` says about which schema applies. */
export type SchemaReference =
  /** A CALM meta schema URL, e.g. `https://calm.finos.org/release/1.1/meta/calm.json` (version `1.1`, channel `release`). */
  | { readonly kind: 'meta'; readonly url: string; readonly channel: 'release' | 'draft'; readonly version: string; readonly file: string }
  /** Anything else that is a string: a pattern (relative path or URL) or an unknown schema. */
  | { readonly kind: 'other'; readonly url: string }
  /** No `$schema` property. */
  | { readonly kind: 'none' }
  /** `$schema` present but not a string (or empty). */
  | { readonly kind: 'invalid' };

/** One occurrence of a unique-id being referred to (not defined). */
export interface IdReference {
  readonly id: string;
  /** The string value's range, quotes included. */
  readonly range: OffsetRange;
  /** JSON pointer with ids (see Finding.path). */
  readonly path: string;
  /** What kind of thing the reference must name. */
  readonly target: 'node' | 'interface' | 'relationship';
  /** Where it sits, e.g. `interacts.actor`, `connects.source.node`, `connects.source.interfaces`, `composed-of.container`, `nodes`, `transition`. */
  readonly role: string;
  /** The relationship or flow it belongs to. */
  readonly ownerId?: string;
}

interface Located {
  /** The element object's range. */
  readonly range: OffsetRange;
  /** The `unique-id` value's range (quotes included) if present, else the element's range. */
  readonly idRange: OffsetRange;
  /** JSON pointer with ids. */
  readonly path: string;
  /** Index within its array. */
  readonly index: number;
  readonly json: JsonNode;
}

export interface CalmInterface extends Located {
  /** `undefined` when the interface has no string unique-id. */
  readonly uniqueId: string | undefined;
  readonly nodeId: string | undefined;
  readonly protocol?: string;
  readonly host?: string;
  readonly port?: number;
  readonly url?: string;
}

export interface CalmNode extends Located {
  readonly uniqueId: string | undefined;
  readonly name?: string;
  readonly nodeType?: string;
  readonly description?: string;
  readonly interfaces: readonly CalmInterface[];
  readonly nameRange?: OffsetRange;
}

export interface ConnectsEnd {
  readonly node?: IdReference;
  readonly interfaces: readonly IdReference[];
  readonly json: JsonNode;
}

export interface CalmRelationship extends Located {
  readonly uniqueId: string | undefined;
  readonly description?: string;
  /** The one key under `relationship-type` when there is exactly one known key; else undefined. */
  readonly kind?: RelationshipKind;
  readonly protocol?: string;
  /** interacts.actor */
  readonly actor?: IdReference;
  /** composed-of / deployed-in container */
  readonly container?: IdReference;
  /** interacts.nodes, composed-of.nodes, deployed-in.nodes */
  readonly nodes: readonly IdReference[];
  readonly source?: ConnectsEnd;
  readonly destination?: ConnectsEnd;
  /** options: decisions, as raw JSON. */
  readonly options?: JsonNode;
}

export interface CalmTransition {
  readonly relationship?: IdReference;
  readonly sequenceNumber?: number;
  readonly sequenceRange?: OffsetRange;
  readonly description?: string;
  readonly direction?: string;
  readonly path: string;
  readonly range: OffsetRange;
  readonly index: number;
}

export interface CalmFlow extends Located {
  readonly uniqueId: string | undefined;
  readonly name?: string;
  readonly description?: string;
  readonly transitions: readonly CalmTransition[];
}

export interface CalmControl {
  /** The key under `controls`. */
  readonly key: string;
  readonly description?: string;
  /** Pointer of the owning `controls` object (e.g. `/nodes/api-gateway/controls/security`). */
  readonly path: string;
  readonly range: OffsetRange;
  readonly keyRange: OffsetRange;
  readonly json: JsonNode;
}

export interface CalmModel {
  readonly nodes: readonly CalmNode[];
  readonly relationships: readonly CalmRelationship[];
  readonly flows: readonly CalmFlow[];
  readonly controls: readonly CalmControl[];
  /** Every id reference of the document (relationships and flows), in document order. */
  readonly references: readonly IdReference[];
  readonly metadata?: JsonNode;
}

export interface CalmDocument {
  readonly text: string;
  readonly lines: LineIndex;
  /** The jsonc-parser tree (with offsets); undefined when the text holds no JSON value. */
  readonly root: JsonNode | undefined;
  /** The plain JavaScript value of the document (what JSON.parse would give, best effort on broken text). */
  readonly value: unknown;
  /** JSON syntax problems, already in plain words. Non-empty means the text is not valid JSON. */
  readonly syntaxFindings: readonly Finding[];
  readonly kind: DocumentKind;
  readonly schema: SchemaReference;
  /** The `$schema` value's range, when present. */
  readonly schemaRange?: OffsetRange;
  /** Architecture (and timeline-less) model. Patterns get an empty model here; their rules read the schema tree. */
  readonly model: CalmModel;
}
