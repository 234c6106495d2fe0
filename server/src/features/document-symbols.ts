/**
 * The outline and breadcrumbs of a CALM architecture: nodes grouped by node-type (with their interfaces
 * and controls), relationships, flows (with their transitions) and controls. Other top-level members keep
 * their plain JSON outline, and documents that are not architectures get the plain JSON outline whole, so
 * switching a document to the `calm` language loses no outline it had as JSON.
 */
import type { Node as JsonNode } from 'jsonc-parser';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { CalmAnalysis } from './analysis';
import type { OffsetRange } from '../calm/findings';
import type { CalmControl, CalmDocument, CalmFlow, CalmNode, CalmRelationship } from '../calm/model';
import { propertyNode } from '../calm/pointer';
import { jsonChildSymbols, jsonSymbol, type SymbolBudget } from './json-symbols';
import { toRange } from './lsp-ranges';
import { relationshipEnds } from './relationship-ends';

/** Past this many symbols the outline is cut: VS Code's own JSON outline has a limit for the same reason. */
export const MAX_SYMBOLS = 20_000;

const CALM_SECTIONS = new Set(['nodes', 'relationships', 'flows', 'controls']);

function symbol(doc: CalmDocument, name: string, kind: SymbolKind, range: OffsetRange, selection: OffsetRange, detail?: string, children?: DocumentSymbol[]): DocumentSymbol {
  return {
    name: name.trim() === '' ? '(unnamed)' : name,
    kind,
    detail,
    range: toRange(doc, range),
    selectionRange: toRange(doc, selection),
    children: children && children.length ? children : undefined,
  };
}

function controlSymbols(doc: CalmDocument, controls: readonly CalmControl[], ownerPath: string): DocumentSymbol[] {
  return controls
    .filter((c) => c.path === `${ownerPath}/controls`)
    .map((c) => symbol(doc, c.key, SymbolKind.Key, { start: c.keyRange.start, end: c.range.end }, c.keyRange, c.description));
}

function nodeSymbol(doc: CalmDocument, node: CalmNode, controls: readonly CalmControl[]): DocumentSymbol {
  const interfaces = node.interfaces.map((i) => symbol(doc, i.uniqueId ?? `interface ${i.index}`, SymbolKind.Interface, i.range, i.idRange, i.protocol));
  const name = node.name ?? node.uniqueId ?? `node ${node.index}`;
  const detail = node.name !== undefined ? node.uniqueId : undefined;
  return symbol(doc, name, node.nodeType === 'actor' ? SymbolKind.Constructor : SymbolKind.Class, node.range, node.idRange, detail, [...interfaces, ...controlSymbols(doc, controls, node.path)]);
}

function span(items: readonly { range: OffsetRange }[]): OffsetRange {
  return { start: Math.min(...items.map((i) => i.range.start)), end: Math.max(...items.map((i) => i.range.end)) };
}

/**
 * Nodes under one symbol per node-type, when each type's nodes stand together in the file. When types
 * interleave, type groups would overlap and breadcrumbs would name the wrong group, so the nodes are
 * listed directly, their type as detail.
 */
function nodeChildren(doc: CalmDocument, nodes: readonly CalmNode[], controls: readonly CalmControl[]): DocumentSymbol[] {
  const byType = new Map<string, CalmNode[]>();
  for (const n of nodes) {
    const type = n.nodeType ?? '(no node-type)';
    const members = byType.get(type);
    if (members) members.push(n);
    else byType.set(type, [n]);
  }
  const groups = [...byType.entries()].map(([type, members]) => ({ type, members, range: span(members) }));
  groups.sort((a, b) => a.range.start - b.range.start);
  const disjoint = groups.every((g, i) => i === 0 || groups[i - 1].range.end < g.range.start);
  if (!disjoint) {
    return nodes.map((n) => {
      const s = nodeSymbol(doc, n, controls);
      return { ...s, detail: [n.uniqueId, n.nodeType].filter((x) => x !== undefined).join(' · ') };
    });
  }
  return groups.map((g) =>
    symbol(doc, g.type, SymbolKind.Namespace, g.range, g.members[0].idRange, `${g.members.length}`, g.members.map((n) => nodeSymbol(doc, n, controls))),
  );
}

function relationshipSymbol(doc: CalmDocument, rel: CalmRelationship, controls: readonly CalmControl[]): DocumentSymbol {
  const ends = relationshipEnds(rel);
  const arrow = ends.from.length || ends.to.length ? `${ends.from.join(', ')} → ${ends.to.join(', ')}` : '';
  const detail = [rel.kind, arrow].filter((s) => s).join(': ');
  return symbol(doc, rel.uniqueId ?? `relationship ${rel.index}`, SymbolKind.Event, rel.range, rel.idRange, detail, controlSymbols(doc, controls, rel.path));
}

function flowSymbol(doc: CalmDocument, flow: CalmFlow, controls: readonly CalmControl[]): DocumentSymbol {
  const transitions = flow.transitions.map((t) =>
    symbol(doc, `${t.sequenceNumber ?? '?'}. ${t.relationship?.id ?? '?'}`, SymbolKind.EnumMember, t.range, t.relationship?.range ?? t.range, t.description),
  );
  return symbol(doc, flow.name ?? flow.uniqueId ?? `flow ${flow.index}`, SymbolKind.Function, flow.range, flow.idRange, flow.name !== undefined ? flow.uniqueId : undefined, [
    ...transitions,
    ...controlSymbols(doc, controls, flow.path),
  ]);
}

/** A top-level section (`nodes`, `relationships`...); its detail is how many elements it holds. */
function sectionSymbol(doc: CalmDocument, prop: JsonNode, keyNode: JsonNode, count: number, children: DocumentSymbol[]): DocumentSymbol {
  const name = String(keyNode.value);
  return symbol(doc, name, SymbolKind.Namespace, { start: prop.offset, end: prop.offset + prop.length }, { start: keyNode.offset, end: keyNode.offset + keyNode.length }, `${count}`, children);
}

export function documentSymbols(result: CalmAnalysis): DocumentSymbol[] {
  const { doc } = result;
  const root = doc.root;
  if (!root) return [];
  const budget: SymbolBudget = { remaining: MAX_SYMBOLS };
  if (doc.kind !== 'architecture' || root.type !== 'object') return jsonChildSymbols(doc, root, budget);
  const { nodes, relationships, flows, controls } = doc.model;
  const out: DocumentSymbol[] = [];
  for (const prop of root.children ?? []) {
    const [key, value] = prop.children ?? [];
    if (!key) continue;
    const name = String(key.value);
    let section: DocumentSymbol | undefined;
    if (CALM_SECTIONS.has(name) && value === propertyNode(root, name)) {
      if (name === 'nodes' && value?.type === 'array') section = sectionSymbol(doc, prop, key, nodes.length, nodeChildren(doc, nodes, controls));
      else if (name === 'relationships' && value?.type === 'array') section = sectionSymbol(doc, prop, key, relationships.length, relationships.map((r) => relationshipSymbol(doc, r, controls)));
      else if (name === 'flows' && value?.type === 'array') section = sectionSymbol(doc, prop, key, flows.length, flows.map((f) => flowSymbol(doc, f, controls)));
      else if (name === 'controls' && value?.type === 'object') {
        const top = controlSymbols(doc, controls, '');
        section = sectionSymbol(doc, prop, key, top.length, top);
      }
    }
    out.push(section ?? jsonSymbol(doc, name, prop, key, value, budget));
  }
  return out;
}
