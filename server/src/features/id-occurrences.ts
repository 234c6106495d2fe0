/**
 * Where each unique-id stands in a document: its definitions (the `unique-id` values of nodes, interfaces,
 * relationships and flows) and its references. Navigation, rename, hover and lenses all start here.
 */
import type { CalmAnalysis } from './analysis';
import type { OffsetRange } from '../calm/findings';
import type { CalmFlow, CalmInterface, CalmNode, CalmRelationship, IdReference } from '../calm/model';
import { touches } from './lsp-ranges';

export type ElementKind = 'node' | 'interface' | 'relationship' | 'flow';

export type CalmElement =
  | { readonly kind: 'node'; readonly element: CalmNode }
  | { readonly kind: 'interface'; readonly element: CalmInterface }
  | { readonly kind: 'relationship'; readonly element: CalmRelationship }
  | { readonly kind: 'flow'; readonly element: CalmFlow };

export interface IdOccurrence {
  readonly id: string;
  /** What kind of element the id names. */
  readonly kind: ElementKind;
  /** The string value, quotes included. */
  readonly range: OffsetRange;
  readonly isDefinition: boolean;
  /** Set for a reference. */
  readonly reference?: IdReference;
  /** Set for a definition. */
  readonly definition?: CalmElement;
}

function definitionOccurrence(def: CalmElement): IdOccurrence | undefined {
  const id = def.element.uniqueId;
  // An element without a string unique-id has idRange = its whole object: not an id occurrence.
  if (id === undefined) return undefined;
  return { id, kind: def.kind, range: def.element.idRange, isDefinition: true, definition: def };
}

function referenceOccurrence(ref: IdReference): IdOccurrence {
  return { id: ref.id, kind: ref.target, range: ref.range, isDefinition: false, reference: ref };
}

/** Every element that defines an id, in model order. */
export function* allDefinitions(result: CalmAnalysis): Generator<CalmElement> {
  const { nodes, relationships, flows } = result.doc.model;
  for (const node of nodes) {
    yield { kind: 'node', element: node };
    for (const iface of node.interfaces) yield { kind: 'interface', element: iface };
  }
  for (const rel of relationships) yield { kind: 'relationship', element: rel };
  for (const flow of flows) yield { kind: 'flow', element: flow };
}

/** The unique-id definition or reference under the cursor, if any. */
export function occurrenceAt(result: CalmAnalysis, offset: number): IdOccurrence | undefined {
  for (const ref of result.doc.model.references) {
    if (touches(ref.range, offset)) return referenceOccurrence(ref);
  }
  for (const def of allDefinitions(result)) {
    if (def.element.uniqueId !== undefined && touches(def.element.idRange, offset)) return definitionOccurrence(def);
  }
  return undefined;
}

/** The elements of `kind` whose unique-id is `id` (more than one when duplicated). */
export function definitionsOf(result: CalmAnalysis, id: string, kind: ElementKind): CalmElement[] {
  const { index } = result;
  switch (kind) {
    case 'node':
      return (index.nodesById.get(id) ?? []).map((element) => ({ kind, element }));
    case 'interface':
      return (index.interfacesById.get(id) ?? []).map((element) => ({ kind, element }));
    case 'relationship':
      return (index.relationshipsById.get(id) ?? []).map((element) => ({ kind, element }));
    case 'flow':
      return (index.flowsById.get(id) ?? []).map((element) => ({ kind, element }));
  }
}

/** References that name `id` as an element of `kind`. */
export function referencesOf(result: CalmAnalysis, id: string, kind: ElementKind): IdReference[] {
  return (result.index.referencesById.get(id) ?? []).filter((r) => r.target === kind);
}

/** Definitions and references of one id, in document order. */
export function occurrencesOf(result: CalmAnalysis, id: string, kind: ElementKind): IdOccurrence[] {
  const defs = definitionsOf(result, id, kind)
    .map(definitionOccurrence)
    .filter((o): o is IdOccurrence => o !== undefined);
  const refs = referencesOf(result, id, kind).map(referenceOccurrence);
  return [...defs, ...refs].sort((a, b) => a.range.start - b.range.start);
}

/** Whether any node, interface, relationship or flow already uses `id`. */
export function idInUse(result: CalmAnalysis, id: string): CalmElement | undefined {
  const { index } = result;
  const node = index.nodesById.get(id)?.[0];
  if (node) return { kind: 'node', element: node };
  const iface = index.interfacesById.get(id)?.[0];
  if (iface) return { kind: 'interface', element: iface };
  const rel = index.relationshipsById.get(id)?.[0];
  if (rel) return { kind: 'relationship', element: rel };
  const flow = index.flowsById.get(id)?.[0];
  if (flow) return { kind: 'flow', element: flow };
  return undefined;
}

/** An id not used by any element: `base`, else `base-2`, `base-3`... */
export function freshId(result: CalmAnalysis, base: string): string {
  if (!idInUse(result, base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!idInUse(result, candidate)) return candidate;
  }
}
