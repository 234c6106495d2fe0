/** Workspace symbols: nodes, interfaces, relationships and flows of every CALM document, matched by name or id. */
import { SymbolKind, type WorkspaceSymbol } from 'vscode-languageserver-types';
import type { CalmAnalysis } from './analysis';
import { toRange } from './lsp-ranges';

/** VS Code shows a few dozen; a bound keeps a one-letter query on a huge workspace cheap. */
export const MAX_WORKSPACE_SYMBOLS = 1000;

export interface SymbolSource {
  readonly uri: string;
  readonly analysis: Pick<CalmAnalysis, 'doc'>;
}

/** Case-insensitive: the query's characters appear in order in the text (what VS Code's own filter expects). */
export function fuzzyMatches(query: string, text: string): boolean {
  if (query === '') return true;
  const q = query.toLowerCase();
  const t = text.toLowerCase();
  let i = 0;
  for (let j = 0; j < t.length && i < q.length; j++) if (t[j] === q[i]) i++;
  return i === q.length;
}

export function workspaceSymbols(sources: readonly SymbolSource[], query: string): WorkspaceSymbol[] {
  const out: WorkspaceSymbol[] = [];
  const add = (uri: string, name: string, id: string | undefined, kind: SymbolKind, container: string, range: { start: number; end: number }, doc: CalmAnalysis['doc']): boolean => {
    if (out.length >= MAX_WORKSPACE_SYMBOLS) return false;
    if (fuzzyMatches(query, name) || (id !== undefined && fuzzyMatches(query, id))) {
      out.push({ name, kind, containerName: container, location: { uri, range: toRange(doc, range) } });
    }
    return true;
  };
  for (const { uri, analysis } of sources) {
    const { doc } = analysis;
    const { nodes, relationships, flows } = doc.model;
    for (const node of nodes) {
      if (node.uniqueId === undefined) continue;
      if (!add(uri, node.name ?? node.uniqueId, node.uniqueId, node.nodeType === 'actor' ? SymbolKind.Constructor : SymbolKind.Class, node.nodeType ?? 'node', node.idRange, doc)) return out;
      for (const iface of node.interfaces) {
        if (iface.uniqueId !== undefined && !add(uri, iface.uniqueId, undefined, SymbolKind.Interface, node.name ?? node.uniqueId, iface.idRange, doc)) return out;
      }
    }
    for (const rel of relationships) {
      if (rel.uniqueId !== undefined && !add(uri, rel.uniqueId, undefined, SymbolKind.Event, rel.kind ?? 'relationship', rel.idRange, doc)) return out;
    }
    for (const flow of flows) {
      if (flow.uniqueId !== undefined && !add(uri, flow.name ?? flow.uniqueId, flow.uniqueId, SymbolKind.Function, 'flow', flow.idRange, doc)) return out;
    }
  }
  return out;
}
