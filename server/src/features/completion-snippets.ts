/**
 * Snippets for whole CALM elements: a node with an interface, each relationship kind, a flow, an
 * interface, and a complete architecture. Ids are fresh for the document; choices offer its existing ids.
 * Bodies are tab-indented: the editor re-indents snippets to the user's settings.
 */
import type { CalmAnalysis } from './analysis';
import { NODE_TYPES, PROTOCOLS } from '../calm/schema/definitions';
import { freshId } from './id-occurrences';

export interface SnippetSpec {
  readonly label: string;
  readonly detail: string;
  readonly documentation: string;
  /** Snippet syntax, a JSON value once its placeholders take their defaults. */
  readonly body: string;
}

/** Text inside a JSON string inside a snippet placeholder. */
function placeholderText(s: string): string {
  return JSON.stringify(s).slice(1, -1).replace(/[\\$}]/g, (c) => '\\' + c);
}

/** Text of one option of a snippet choice. */
function choiceText(s: string): string {
  return JSON.stringify(s).slice(1, -1).replace(/[\\$}|,]/g, (c) => '\\' + c);
}

/** Choices offer at most this many ids; past that, a plain placeholder the user fills with id completion. */
const MAX_CHOICES = 20;

function idPlaceholder(n: number, ids: readonly string[], fallback: string): string {
  const options = [...new Set(ids)].slice(0, MAX_CHOICES);
  if (options.length === 0 || ids.length > MAX_CHOICES) return `\${${n}:${placeholderText(ids[0] ?? fallback)}}`;
  return `\${${n}|${options.map(choiceText).join(',')}|}`;
}

/** Node ids, those of the preferred types first: the first is a choice's default, so it should fit the slot. */
function nodeIds(result: CalmAnalysis, prefer: readonly string[] = []): string[] {
  const nodes = result.doc.model.nodes.filter((n) => n.uniqueId !== undefined);
  const rank = (type: string | undefined) => (type !== undefined && prefer.includes(type) ? 0 : 1);
  return [...nodes].sort((a, b) => rank(a.nodeType) - rank(b.nodeType)).map((n) => n.uniqueId as string);
}

/** The same ids with `avoid` moved last, so two defaults of one relationship differ (no self-reference). */
function avoiding(ids: readonly string[], avoid: string | undefined): string[] {
  return [...ids.filter((id) => id !== avoid), ...ids.filter((id) => id === avoid)];
}

function interfaceBody(first: number, id: string): string {
  return [
    '{',
    `\t"unique-id": "\${${first}:${placeholderText(id)}}",`,
    `\t"protocol": "\${${first + 1}|${PROTOCOLS.map(choiceText).join(',')}|}",`,
    `\t"port": \${${first + 2}:8080}`,
    '}',
  ].join('\n');
}

export function nodeSnippets(result: CalmAnalysis): SnippetSpec[] {
  const id = freshId(result, 'new-service');
  const iface = freshId(result, `${id}-api`);
  const types = [...NODE_TYPES].sort((a, b) => (a === 'service' ? -1 : b === 'service' ? 1 : 0));
  const withInterface = [
    '{',
    `\t"unique-id": "\${1:${placeholderText(id)}}",`,
    `\t"node-type": "\${2|${types.map(choiceText).join(',')}|}",`,
    '\t"name": "${3:New Service}",',
    '\t"description": "${4:What this node does}",',
    '\t"interfaces": [',
    interfaceBody(5, iface)
      .split('\n')
      .map((l) => '\t\t' + l)
      .join('\n'),
    '\t]',
    '}',
  ].join('\n');
  const actorId = freshId(result, 'new-actor');
  const actor = ['{', `\t"unique-id": "\${1:${placeholderText(actorId)}}",`, '\t"node-type": "actor",', '\t"name": "${2:New Actor}",', '\t"description": "${3:Who this is}"', '}'].join('\n');
  return [
    { label: 'New node with an interface', detail: 'CALM node', documentation: 'A node with unique-id, node-type, name, description and one interface.', body: withInterface },
    { label: 'New actor', detail: 'CALM node', documentation: 'A node of type actor: a person or external party.', body: actor },
  ];
}

export function interfaceSnippet(result: CalmAnalysis, nodeId: string | undefined): SnippetSpec {
  const id = freshId(result, nodeId ? `${nodeId}-api` : 'new-interface');
  return { label: 'New interface', detail: 'CALM interface', documentation: 'An interface with unique-id, protocol and port.', body: interfaceBody(1, id) };
}

export function relationshipSnippets(result: CalmAnalysis): SnippetSpec[] {
  const actors = nodeIds(result, ['actor']);
  const services = nodeIds(result, ['service', 'webclient', 'database', 'data-asset', 'ldap']);
  const containers = nodeIds(result, ['system', 'ecosystem', 'network']);
  const members = avoiding(services, containers[0]);
  const head = (base: string) => [`\t"unique-id": "\${1:${placeholderText(freshId(result, base))}}",`, '\t"description": "${2:What this relationship means}",', '\t"relationship-type": {'];
  const make = (kind: string, lines: string[]): SnippetSpec => ({
    label: `New ${kind} relationship`,
    detail: 'CALM relationship',
    documentation: `A relationship of type ${kind}.`,
    body: ['{', ...head(`new-${kind}`), ...lines.map((l) => '\t\t' + l), '\t}', '}'].join('\n'),
  });
  return [
    make('interacts', [`"interacts": {`, `\t"actor": "${idPlaceholder(3, actors, 'actor-id')}",`, `\t"nodes": [`, `\t\t"${idPlaceholder(4, avoiding(services, actors[0]), 'node-id')}"`, '\t]', '}']),
    make('connects', [
      `"connects": {`,
      `\t"source": {`,
      `\t\t"node": "${idPlaceholder(3, services, 'source-node-id')}"`,
      '\t},',
      `\t"destination": {`,
      `\t\t"node": "${idPlaceholder(4, avoiding(services, services[0]), 'destination-node-id')}"`,
      '\t}',
      '}',
    ]),
    make('deployed-in', [`"deployed-in": {`, `\t"container": "${idPlaceholder(3, containers, 'container-id')}",`, `\t"nodes": [`, `\t\t"${idPlaceholder(4, members, 'node-id')}"`, '\t]', '}']),
    make('composed-of', [`"composed-of": {`, `\t"container": "${idPlaceholder(3, containers, 'container-id')}",`, `\t"nodes": [`, `\t\t"${idPlaceholder(4, members, 'node-id')}"`, '\t]', '}']),
    make('options', [`"options": [`, '\t{', '\t\t"description": "${3:What this option decides}",', '\t\t"nodes": [],', '\t\t"relationships": []', '\t}', ']']),
  ];
}

export function flowSnippet(result: CalmAnalysis): SnippetSpec {
  const rels = result.doc.model.relationships.filter((r) => r.uniqueId !== undefined).map((r) => r.uniqueId as string);
  const body = [
    '{',
    `\t"unique-id": "\${1:${placeholderText(freshId(result, 'new-flow'))}}",`,
    '\t"name": "${2:New Flow}",',
    '\t"description": "${3:What this flow achieves}",',
    '\t"transitions": [',
    '\t\t{',
    `\t\t\t"relationship-unique-id": "${idPlaceholder(4, rels, 'relationship-id')}",`,
    '\t\t\t"sequence-number": 1,',
    '\t\t\t"description": "${5:What happens in this step}"',
    '\t\t}',
    '\t]',
    '}',
  ].join('\n');
  return { label: 'New flow', detail: 'CALM flow', documentation: 'A business flow with one transition along a relationship.', body };
}

/** A complete, valid architecture: an actor, a service with an interface, and their relationship. */
export const ARCHITECTURE_SNIPPET: SnippetSpec = {
  label: 'New CALM architecture',
  detail: 'CALM 1.1 architecture',
  documentation: 'A complete architecture: $schema, an actor, a service with an interface, and the relationship between them.',
  body: [
    '{',
    '\t"$schema": "https://calm.finos.org/release/1.1/meta/calm.json",',
    '\t"nodes": [',
    '\t\t{',
    '\t\t\t"unique-id": "${1:user}",',
    '\t\t\t"node-type": "actor",',
    '\t\t\t"name": "${2:User}",',
    '\t\t\t"description": "${3:A person who uses the system}"',
    '\t\t},',
    '\t\t{',
    '\t\t\t"unique-id": "${4:web-app}",',
    '\t\t\t"node-type": "service",',
    '\t\t\t"name": "${5:Web App}",',
    '\t\t\t"description": "${6:The service the user works with}",',
    '\t\t\t"interfaces": [',
    '\t\t\t\t{',
    '\t\t\t\t\t"unique-id": "${4}-https",',
    '\t\t\t\t\t"protocol": "HTTPS",',
    '\t\t\t\t\t"port": 443',
    '\t\t\t\t}',
    '\t\t\t]',
    '\t\t}',
    '\t],',
    '\t"relationships": [',
    '\t\t{',
    '\t\t\t"unique-id": "${1}-uses-${4}",',
    '\t\t\t"description": "${7:The user works with the web app}",',
    '\t\t\t"relationship-type": {',
    '\t\t\t\t"interacts": {',
    '\t\t\t\t\t"actor": "${1}",',
    '\t\t\t\t\t"nodes": [',
    '\t\t\t\t\t\t"${4}"',
    '\t\t\t\t\t]',
    '\t\t\t\t}',
    '\t\t\t}',
    '\t\t}',
    '\t]',
    '}',
  ].join('\n'),
};

/** The architecture's properties alone, for an empty root object (`{|}`) that must not be replaced whole. */
export const ARCHITECTURE_MEMBERS_SNIPPET: SnippetSpec = {
  ...ARCHITECTURE_SNIPPET,
  body: ARCHITECTURE_SNIPPET.body
    .split('\n')
    .slice(1, -1)
    .map((line) => line.slice(1))
    .join('\n'),
};
