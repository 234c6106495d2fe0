/** Lookup tables over a document's model, built once per document version and shared by every rule and feature. */
import type { CalmDocument, CalmFlow, CalmInterface, CalmNode, CalmRelationship, IdReference } from './model';

export interface CalmIndex {
  /** All nodes with that unique-id (more than one means a duplicate). */
  readonly nodesById: ReadonlyMap<string, readonly CalmNode[]>;
  readonly relationshipsById: ReadonlyMap<string, readonly CalmRelationship[]>;
  /** Interfaces by their own unique-id, across all nodes. */
  readonly interfacesById: ReadonlyMap<string, readonly CalmInterface[]>;
  readonly flowsById: ReadonlyMap<string, readonly CalmFlow[]>;
  /** Every reference naming that id (of any target kind). */
  readonly referencesById: ReadonlyMap<string, readonly IdReference[]>;
}

function group<T>(items: Iterable<T>, key: (t: T) => string | undefined): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === undefined) continue;
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

export function buildIndex(doc: CalmDocument): CalmIndex {
  const { nodes, relationships, flows, references } = doc.model;
  return {
    nodesById: group(nodes, (n) => n.uniqueId),
    relationshipsById: group(relationships, (r) => r.uniqueId),
    interfacesById: group(
      nodes.flatMap((n) => n.interfaces),
      (i) => i.uniqueId,
    ),
    flowsById: group(flows, (f) => f.uniqueId),
    referencesById: group(references, (r) => r.id),
  };
}
