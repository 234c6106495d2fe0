/**
 * Hover: a card for the node, interface, relationship or flow whose unique-id (definition or reference)
 * is under the cursor, and the schema's description for a property name. Markdown built only from
 * escaped document text (see markdown.ts); the client renders it untrusted.
 */
import { getNodePath, type Node as JsonNode } from 'jsonc-parser';
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import type { CalmAnalysis } from './analysis';
import { conventionalProperties } from './calm-vocabulary';
import { schemaWalkerFor } from './document-schema';
import { flowCard, interfaceCard, nodeCard, relationshipCard } from './hover-cards';
import { definitionsOf, occurrenceAt, type CalmElement, type ElementKind } from './id-occurrences';
import { toOffset, toRange } from './lsp-ranges';
import { md } from './markdown';

const KIND_NAMES: Record<ElementKind, string> = { node: 'node', interface: 'interface', relationship: 'relationship', flow: 'flow' };

function card(result: CalmAnalysis, def: CalmElement): string {
  switch (def.kind) {
    case 'node':
      return nodeCard(result, def.element);
    case 'interface':
      return interfaceCard(result, def.element);
    case 'relationship':
      return relationshipCard(result, def.element);
    case 'flow':
      return flowCard(def.element);
  }
}

/** The key string node under the cursor, if the cursor is on a property name. */
function keyAt(root: JsonNode | undefined, offset: number): JsonNode | undefined {
  let current = root;
  while (current) {
    const next: JsonNode | undefined = current.children?.find((c) => offset >= c.offset && offset < c.offset + c.length);
    if (!next) break;
    current = next;
  }
  if (current?.type === 'string' && current.parent?.type === 'property' && current.parent.children?.[0] === current) return current;
  return undefined;
}

function propertyHover(result: CalmAnalysis, offset: number): Hover | null {
  if (result.doc.kind !== 'architecture') return null;
  const key = keyAt(result.doc.root, offset);
  const object = key?.parent?.parent;
  if (!key || !object || typeof key.value !== 'string') return null;
  const path = getNodePath(object);
  const name = key.value;
  const info = schemaWalkerFor(result.doc)?.properties(path).find((p) => p.name === name) ?? conventionalProperties(path).find((p) => p.name === name);
  if (!info?.description) return null;
  // Schema text is ours, but escaping it too keeps one rule: everything shown goes through `md`.
  const lines = [`**${md(name, 80)}**${info.required ? ' (required)' : ''}`, '', md(info.description, 600)];
  if (info.enumValues.length) lines.push('', `Values: ${info.enumValues.map((v) => md(v, 80)).join(', ')}`);
  return { contents: { kind: MarkupKind.Markdown, value: lines.join('\n') }, range: toRange(result.doc, { start: key.offset, end: key.offset + key.length }) };
}

export interface HoverOptions {
  /** Describe property names from the schema. Off where VS Code's JSON language already does (JSON mode). */
  readonly propertyDescriptions?: boolean;
}

export function hover(result: CalmAnalysis, position: Position, options: HoverOptions = {}): Hover | null {
  const offset = toOffset(result.doc, position);
  const at = occurrenceAt(result, offset);
  if (!at) return options.propertyDescriptions === false ? null : propertyHover(result, offset);
  const range = toRange(result.doc, at.range);
  const def = at.definition ?? definitionsOf(result, at.id, at.kind)[0];
  if (!def) {
    const value = `**${md(at.id, 120)}** — no ${KIND_NAMES[at.kind]} in this document has this unique-id.`;
    return { contents: { kind: MarkupKind.Markdown, value }, range };
  }
  return { contents: { kind: MarkupKind.Markdown, value: card(result, def) }, range };
}
