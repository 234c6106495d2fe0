/** Outline symbols of plain JSON (keys and array items), for what is not CALM vocabulary. */
import type { Node as JsonNode } from 'jsonc-parser';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { CalmDocument } from '../calm/model';
import { toRange } from './lsp-ranges';

/** A budget shared by one outline: huge documents get a truncated outline rather than a slow one. */
export interface SymbolBudget {
  remaining: number;
}

function kindOf(node: JsonNode): SymbolKind {
  switch (node.type) {
    case 'object':
      return SymbolKind.Module;
    case 'array':
      return SymbolKind.Array;
    case 'string':
      return SymbolKind.String;
    case 'number':
      return SymbolKind.Number;
    case 'boolean':
      return SymbolKind.Boolean;
    default:
      return SymbolKind.Constant;
  }
}

function detailOf(node: JsonNode): string | undefined {
  if (node.type === 'string' || node.type === 'number' || node.type === 'boolean') return String(node.value).slice(0, 80);
  return undefined;
}

function itemName(node: JsonNode, index: number): string {
  if (node.type === 'object') {
    for (const prop of node.children ?? []) {
      const [key, value] = prop.children ?? [];
      if (key?.value === 'unique-id' && value?.type === 'string') return String(value.value);
    }
  }
  return String(index);
}

/** Symbols for the members of an object or the items of an array. */
export function jsonChildSymbols(doc: CalmDocument, node: JsonNode, budget: SymbolBudget): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  if (node.type === 'object') {
    for (const prop of node.children ?? []) {
      const [key, value] = prop.children ?? [];
      if (!key || budget.remaining <= 0) continue;
      out.push(jsonSymbol(doc, String(key.value), prop, key, value, budget));
    }
  } else if (node.type === 'array') {
    (node.children ?? []).forEach((item, i) => {
      if (budget.remaining > 0) out.push(jsonSymbol(doc, itemName(item, i), item, item, item, budget));
    });
  }
  return out;
}

/** One JSON symbol: `whole` spans it, `select` is what to highlight, `value` decides its kind and children. */
export function jsonSymbol(doc: CalmDocument, name: string, whole: JsonNode, select: JsonNode, value: JsonNode | undefined, budget: SymbolBudget): DocumentSymbol {
  budget.remaining--;
  const children = value ? jsonChildSymbols(doc, value, budget) : [];
  return {
    name: name === '' ? '""' : name,
    kind: value ? kindOf(value) : SymbolKind.Property,
    detail: value ? detailOf(value) : undefined,
    range: toRange(doc, { start: whole.offset, end: whole.offset + whole.length }),
    selectionRange: toRange(doc, { start: select.offset, end: select.offset + select.length }),
    children: children.length ? children : undefined,
  };
}
