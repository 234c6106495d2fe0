/**
 * Lenses above each node: "Show in diagram" (the preview's command, with the node id) and "N references"
 * (a client command that opens the references peek at the node's id). The reference counts are resolved
 * lazily, so a document of thousands of nodes only pays for the lenses on screen.
 */
import type { CodeLens, Location } from 'vscode-languageserver-types';
import type { CalmAnalysis } from './analysis';
import { referencesOf } from './id-occurrences';
import { toRange } from './lsp-ranges';

/** Implemented by the diagram preview: arguments `(nodeId: string, uri: string)`. */
export const SHOW_IN_DIAGRAM_COMMAND = 'calm.showInDiagram';
/** Implemented by the client (client/src/commands/show-references.ts): arguments `(uri, position, locations)` in LSP types. */
export const SHOW_REFERENCES_COMMAND = 'calm.showReferences';

/** What an unresolved references lens carries to its resolve request. */
export interface ReferencesLensData {
  readonly uri: string;
  readonly nodeId: string;
}

export function isReferencesLensData(data: unknown): data is ReferencesLensData {
  if (typeof data !== 'object' || data === null) return false;
  const d = data as Record<string, unknown>;
  return typeof d.uri === 'string' && typeof d.nodeId === 'string';
}

export function codeLenses(result: CalmAnalysis, uri: string): CodeLens[] {
  const lenses: CodeLens[] = [];
  for (const node of result.doc.model.nodes) {
    const id = node.uniqueId;
    if (id === undefined) continue;
    // On the node's opening brace: the lens stands above the line where the node begins.
    const range = toRange(result.doc, { start: node.range.start, end: node.range.start + 1 });
    lenses.push({ range, command: { title: 'Show in diagram', command: SHOW_IN_DIAGRAM_COMMAND, arguments: [id, uri] } });
    const data: ReferencesLensData = { uri, nodeId: id };
    lenses.push({ range, data });
  }
  return lenses;
}

export function resolveCodeLens(result: CalmAnalysis, lens: CodeLens): CodeLens {
  if (!isReferencesLensData(lens.data)) return lens;
  const { uri, nodeId } = lens.data;
  const node = result.index.nodesById.get(nodeId)?.[0];
  const locations: Location[] = referencesOf(result, nodeId, 'node').map((r) => ({ uri, range: toRange(result.doc, r.range) }));
  const count = locations.length;
  const title = `${count} reference${count === 1 ? '' : 's'}`;
  // With none to show, the lens is plain text: an empty command id makes it unclickable.
  const command =
    count > 0 && node
      ? { title, command: SHOW_REFERENCES_COMMAND, arguments: [uri, toRange(result.doc, node.idRange).start, locations] }
      : { title, command: '' };
  return { ...lens, command };
}
