/**
 * Completion in CALM documents: unique-ids of the right kind at reference positions, enum values,
 * the properties the schema allows at the cursor (with their descriptions), and element snippets.
 */
import { findNodeAtLocation, type JSONPath } from 'jsonc-parser';
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type Command,
  type CompletionItem,
  type CompletionList,
  type Position,
} from 'vscode-languageserver-types';
import type { CalmAnalysis } from './analysis';
import type { OffsetRange } from '../calm/findings';
import type { CalmInterface } from '../calm/model';
import { stringProperty } from '../calm/pointer';
import { conventionalProperties, conventionalValues, RELATIONSHIP_KIND_BODIES } from './calm-vocabulary';
import { completionContext, type CompletionContext, type Separators } from './completion-context';
import { ARCHITECTURE_MEMBERS_SNIPPET, ARCHITECTURE_SNIPPET, flowSnippet, interfaceSnippet, nodeSnippets, relationshipSnippets, type SnippetSpec } from './completion-snippets';
import { schemaWalkerFor } from './document-schema';
import { toOffset, toRange } from './lsp-ranges';
import { referenceSlotAt, type ReferenceSlot } from './reference-positions';
import type { PropertyInfo } from './schema-walker';
import { fuzzyMatches } from './workspace-symbols';

/**
 * Past this many ids, only the first that match what is typed are sent, and the list is marked incomplete
 * (the editor asks again as the user types): the editor shows a dozen, and thousands cost time on the wire.
 */
export const MAX_ID_ITEMS = 100;

const TRIGGER_SUGGEST: Command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

type ValueContext = Extract<CompletionContext, { kind: 'value' }>;
type PropertyContext = Extract<CompletionContext, { kind: 'property' }>;

interface Candidate {
  readonly id: string;
  readonly detail: string;
  readonly description?: string;
  /** Lower sorts first. */
  readonly rank: number;
  /** id and detail, lower-cased once: what the typed text is matched against past the item cap. */
  readonly search: string;
}

function withSeparators(text: string, separators: Separators): string {
  return `${separators.before ? ',' : ''}${separators.space ? ' ' : ''}${text}${separators.after ? ',' : ''}`;
}

function sortKey(rank: number, index: number): string {
  return `${rank}${String(index).padStart(6, '0')}`;
}

/** What the user has typed of the value being completed (inside its opening quote, up to the cursor). */
function typedPrefix(result: CalmAnalysis, ctx: ValueContext, offset: number): string {
  if (!ctx.node || ctx.node.type !== 'string') return '';
  return result.doc.text.slice(ctx.node.offset + 1, Math.max(ctx.node.offset + 1, offset)).toLowerCase();
}

function candidate(id: string, detail: string, description: string | undefined, rank: number): Candidate {
  return { id, detail, description, rank, search: `${id} ${detail}`.toLowerCase() };
}

/** Candidate lists of one analysed version, built on first use: a large document pays for them once, not per keystroke. */
const candidateCache = new WeakMap<CalmAnalysis['index'], Map<string, Candidate[]>>();

function cached(result: CalmAnalysis, key: string, build: () => Candidate[]): Candidate[] {
  let lists = candidateCache.get(result.index);
  if (!lists) {
    lists = new Map();
    candidateCache.set(result.index, lists);
  }
  let list = lists.get(key);
  if (!list) {
    list = build();
    lists.set(key, list);
  }
  return list;
}

function nodeCandidates(result: CalmAnalysis, preferType?: string): Candidate[] {
  return cached(result, `nodes:${preferType ?? ''}`, () => {
    const seen = new Set<string>();
    const out: Candidate[] = [];
    for (const node of result.doc.model.nodes) {
      if (node.uniqueId === undefined || seen.has(node.uniqueId)) continue;
      seen.add(node.uniqueId);
      const detail = [node.name, node.nodeType].filter((s) => s !== undefined).join(' · ');
      out.push(candidate(node.uniqueId, detail, node.description, preferType && node.nodeType !== preferType ? 1 : 0));
    }
    return out;
  });
}

function interfaceCandidates(interfaces: readonly CalmInterface[], showOwner: boolean): Candidate[] {
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const iface of interfaces) {
    if (iface.uniqueId === undefined || seen.has(iface.uniqueId)) continue;
    seen.add(iface.uniqueId);
    const where = iface.host ? (iface.port !== undefined ? `${iface.host}:${iface.port}` : iface.host) : iface.port !== undefined ? `port ${iface.port}` : undefined;
    const parts = [iface.protocol, where, showOwner && iface.nodeId ? `on ${iface.nodeId}` : undefined].filter((s) => s !== undefined);
    out.push(candidate(iface.uniqueId, parts.join(' · '), undefined, 0));
  }
  return out;
}

function relationshipCandidates(result: CalmAnalysis): Candidate[] {
  return cached(result, 'relationships', () => {
    const seen = new Set<string>();
    const out: Candidate[] = [];
    for (const rel of result.doc.model.relationships) {
      if (rel.uniqueId === undefined || seen.has(rel.uniqueId)) continue;
      seen.add(rel.uniqueId);
      out.push(candidate(rel.uniqueId, rel.kind ?? 'relationship', rel.description, 0));
    }
    return out;
  });
}

/** The interfaces a connects end may name: those of the node the end names (all, if it names none we know). */
function endInterfaces(result: CalmAnalysis, path: JSONPath, end: 'source' | 'destination'): { interfaces: readonly CalmInterface[]; known: boolean } {
  const endPath = path.slice(0, path.indexOf(end) + 1);
  const endNode = result.doc.root ? findNodeAtLocation(result.doc.root, endPath) : undefined;
  const nodeId = stringProperty(endNode, 'node');
  const node = nodeId === undefined ? undefined : result.index.nodesById.get(nodeId)?.[0];
  if (node) return { interfaces: node.interfaces, known: true };
  return { interfaces: result.doc.model.nodes.flatMap((n) => n.interfaces), known: false };
}

/** Ids already listed in the array being completed (not offered twice). */
function siblingIds(ctx: ValueContext): Set<string> {
  const ids = new Set<string>();
  for (const child of ctx.array?.children ?? []) if (child !== ctx.node && child.type === 'string') ids.add(child.value as string);
  return ids;
}

/** What an id item carries to its resolve request, which adds the element's description. */
export interface IdItemData {
  readonly uri: string;
  readonly target: 'node' | 'relationship' | 'interface';
}

function isIdItemData(data: unknown): data is IdItemData {
  const d = data as Partial<IdItemData> | null;
  return typeof d === 'object' && d !== null && typeof d.uri === 'string' && (d.target === 'node' || d.target === 'relationship' || d.target === 'interface');
}

interface IdItems {
  readonly items: CompletionItem[];
  readonly incomplete: boolean;
  readonly defaults?: CompletionList['itemDefaults'];
}

function idItems(result: CalmAnalysis, ctx: ValueContext, slot: ReferenceSlot, item: boolean, offset: number, options: CompletionOptions): IdItems {
  let candidates: Candidate[];
  if (slot.target === 'node') candidates = nodeCandidates(result, slot.role === 'interacts.actor' ? 'actor' : undefined);
  else if (slot.target === 'relationship') candidates = relationshipCandidates(result);
  else {
    const { interfaces, known } = endInterfaces(result, ctx.path, slot.end);
    candidates = interfaceCandidates(interfaces, !known);
  }
  if (item) {
    const taken = siblingIds(ctx);
    candidates = candidates.filter((c) => !taken.has(c.id));
  }
  let incomplete = false;
  if (candidates.length > MAX_ID_ITEMS) {
    // Matched as the editor filters (the typed characters in order), so no item it would show is held back.
    const typed = typedPrefix(result, ctx, offset);
    const kept: Candidate[] = [];
    for (const c of candidates) {
      if (fuzzyMatches(typed, c.search) && kept.push(c) >= MAX_ID_ITEMS) break;
    }
    candidates = kept;
    incomplete = true;
  }
  const range = toRange(result.doc, ctx.range);
  // The slot's own value for a list slot (`"nodes": |`) gets a one-item list.
  const wrap = slot.list && !item ? (s: string) => `[${s}]` : (s: string) => s;
  // With a URI, descriptions wait for the resolve request (the editor asks for the focused item only),
  // and a client that takes list-wide defaults gets the shared range and data once: a small answer.
  const data: IdItemData | undefined = options.uri === undefined ? undefined : { uri: options.uri, target: slot.target };
  const shared = data !== undefined && options.itemDefaults === true;
  const items = candidates.map((c, i): CompletionItem => {
    const quoted = JSON.stringify(c.id);
    const newText = withSeparators(wrap(quoted), ctx.separators);
    return {
      label: c.id,
      kind: CompletionItemKind.Reference,
      detail: c.detail || undefined,
      documentation: data === undefined && c.description ? { kind: MarkupKind.PlainText, value: c.description } : undefined,
      sortText: sortKey(c.rank, i),
      filterText: quoted,
      ...(shared ? { textEditText: newText } : { textEdit: { range, newText }, data }),
    };
  });
  return { items, incomplete, defaults: shared ? { editRange: range, data } : undefined };
}

/** Adds the description of the element an id item names (see `IdItemData`). */
export function resolveCompletionItem(result: CalmAnalysis, item: CompletionItem): CompletionItem {
  if (!isIdItemData(item.data) || item.documentation !== undefined) return item;
  const id = item.label;
  const description =
    item.data.target === 'node'
      ? result.index.nodesById.get(id)?.[0]?.description
      : item.data.target === 'relationship'
        ? result.index.relationshipsById.get(id)?.[0]?.description
        : undefined;
  return description ? { ...item, documentation: { kind: MarkupKind.PlainText, value: description } } : item;
}

function enumItems(result: CalmAnalysis, ctx: ValueContext, values: readonly string[], description: string | undefined): CompletionItem[] {
  const range = toRange(result.doc, ctx.range);
  return [...new Set(values)].map((v, i) => ({
    label: v,
    kind: CompletionItemKind.EnumMember,
    documentation: description ? { kind: MarkupKind.PlainText, value: description } : undefined,
    sortText: sortKey(0, i),
    filterText: JSON.stringify(v),
    textEdit: { range, newText: withSeparators(JSON.stringify(v), ctx.separators) },
  }));
}

function snippetItem(result: CalmAnalysis, range: OffsetRange, spec: SnippetSpec, separators: Separators, rank: number): CompletionItem {
  return {
    label: spec.label,
    kind: CompletionItemKind.Snippet,
    detail: spec.detail,
    documentation: { kind: MarkupKind.PlainText, value: spec.documentation },
    insertTextFormat: InsertTextFormat.Snippet,
    sortText: sortKey(rank, 0),
    textEdit: { range: toRange(result.doc, range), newText: withSeparators(spec.body, separators) },
  };
}

function elementSnippets(result: CalmAnalysis, ctx: ValueContext): SnippetSpec[] {
  const p = ctx.path;
  // Snippets fill the blank space of an array; a value already there is not replaced by one.
  if (ctx.node || typeof p[p.length - 1] !== 'number') return [];
  if (p.length === 2 && p[0] === 'nodes') return nodeSnippets(result);
  if (p.length === 2 && p[0] === 'relationships') return relationshipSnippets(result);
  if (p.length === 2 && p[0] === 'flows') return [flowSnippet(result)];
  if (p.length === 4 && p[0] === 'nodes' && p[2] === 'interfaces') {
    const nodeObject = result.doc.root ? findNodeAtLocation(result.doc.root, p.slice(0, 2)) : undefined;
    return [interfaceSnippet(result, stringProperty(nodeObject, 'unique-id'))];
  }
  return [];
}

function valueCompletions(result: CalmAnalysis, ctx: ValueContext, offset: number, options: CompletionOptions): CompletionList {
  const items: CompletionItem[] = [];
  const slotAt = referenceSlotAt(ctx.path);
  if (slotAt) {
    // A reference slot holds ids only: no enum, no snippet shares the list (nor its defaults).
    const ids = idItems(result, ctx, slotAt.slot, slotAt.item, offset, options);
    return { isIncomplete: ids.incomplete, items: ids.items, ...(ids.defaults ? { itemDefaults: ids.defaults } : {}) };
  }
  if (options.schemaItems ?? true) {
    const schema = schemaWalkerFor(result.doc)?.value(ctx.path);
    const values = [...(schema?.enumValues ?? []), ...conventionalValues(ctx.path)];
    if (values.length) items.push(...enumItems(result, ctx, values, schema?.description));
  }
  for (const spec of elementSnippets(result, ctx)) items.push(snippetItem(result, ctx.range, spec, ctx.separators, 1));
  return { isIncomplete: false, items };
}

/** The snippet text of a property's value, by what the schema says it holds. */
function valueSnippet(key: string, info: PropertyInfo): string {
  const kindBody = RELATIONSHIP_KIND_BODIES[key];
  if (kindBody && info.types.length > 0) return kindBody;
  if (info.enumValues.length || info.types.includes('string')) return '"$1"';
  if (info.types.includes('integer') || info.types.includes('number')) return '${1:0}';
  if (info.types.includes('boolean')) return '${1|true,false|}';
  if (info.types.includes('object')) return '{\n\t$1\n}';
  if (info.types.includes('array')) return '[\n\t$1\n]';
  return '$1';
}

function propertyCompletions(result: CalmAnalysis, ctx: PropertyContext): CompletionList {
  const schemaProps = schemaWalkerFor(result.doc)?.properties(ctx.path) ?? [];
  const known = new Set(schemaProps.map((p) => p.name));
  const all = [...schemaProps, ...conventionalProperties(ctx.path).filter((p) => !known.has(p.name))];
  const range = toRange(result.doc, ctx.range);
  const items: CompletionItem[] = all
    .filter((p) => !ctx.existingKeys.has(p.name))
    .map((p, i): CompletionItem => {
      const key = JSON.stringify(p.name);
      const snippetKey = key.replace(/[\\$}]/g, (c) => '\\' + c);
      const isReference = referenceSlotAt([...ctx.path, p.name]) !== undefined;
      const text = ctx.hasColon ? snippetKey : `${snippetKey}: ${valueSnippet(p.name, p)}`;
      return {
        label: p.name,
        kind: CompletionItemKind.Property,
        detail: p.required ? 'required' : undefined,
        documentation: p.description ? { kind: MarkupKind.PlainText, value: p.description } : undefined,
        sortText: sortKey(p.required ? 0 : 1, i),
        filterText: key,
        insertTextFormat: InsertTextFormat.Snippet,
        textEdit: { range, newText: withSeparators(text, ctx.separators) },
        command: !ctx.hasColon && (isReference || p.enumValues.length > 0) ? TRIGGER_SUGGEST : undefined,
      };
    });
  // An empty root object is where a whole architecture goes (its members: a completion edits one line only).
  if (ctx.path.length === 0 && ctx.existingKeys.size === 0 && ctx.range.start === ctx.range.end) {
    items.push(snippetItem(result, ctx.range, ARCHITECTURE_MEMBERS_SNIPPET, ctx.separators, 2));
  }
  return { isIncomplete: false, items };
}

export interface CompletionOptions {
  /**
   * Offer property names and enum values from the schema. Off where VS Code's JSON language already
   * offers them (a CALM document left in JSON mode), so no item appears twice.
   */
  readonly schemaItems?: boolean;
  /** The document's URI. Given, id items leave their descriptions to `resolveCompletionItem`. */
  readonly uri?: string;
  /** The client takes list-wide `itemDefaults` (`editRange` and `data`, LSP 3.17). */
  readonly itemDefaults?: boolean;
}

export function completion(result: CalmAnalysis, position: Position, options: CompletionOptions = {}): CompletionList {
  const schemaItems = options.schemaItems ?? true;
  const offset = toOffset(result.doc, position);
  const ctx = completionContext(result.doc, offset);
  if (!ctx) return { isIncomplete: false, items: [] };
  if (ctx.kind === 'empty') {
    if (result.doc.text.trim() !== '') return { isIncomplete: false, items: [] };
    // Inserted at the cursor: a completion's edit may not span lines, and blank lines around it are harmless.
    return { isIncomplete: false, items: [snippetItem(result, { start: offset, end: offset }, ARCHITECTURE_SNIPPET, { before: false, after: false }, 0)] };
  }
  // Patterns and timelines are JSON schemas or other shapes: the architecture vocabulary does not apply.
  if (result.doc.kind !== 'architecture') return { isIncomplete: false, items: [] };
  if (ctx.kind === 'property') return schemaItems ? propertyCompletions(result, ctx) : { isIncomplete: false, items: [] };
  return valueCompletions(result, ctx, offset, { ...options, schemaItems });
}
