/** Which codicon each kind of tree entry wears (names from VS Code's codicon set; pure strings, no vscode). */
import type { ModelRelationshipKind } from '../../../server/src/protocol';

/** The CALM core node types; anything else is a custom type and gets a neutral icon. */
const NODE_TYPE_ICONS: Readonly<Record<string, string>> = {
  actor: 'person',
  service: 'server-process',
  database: 'database',
  system: 'layers',
  ecosystem: 'globe',
  network: 'radio-tower',
  ldap: 'key',
  webclient: 'browser',
  'data-asset': 'file-binary',
};

const RELATIONSHIP_ICONS: Readonly<Record<ModelRelationshipKind, string>> = {
  interacts: 'comment-discussion',
  connects: 'arrow-right',
  'composed-of': 'type-hierarchy',
  'deployed-in': 'server-environment',
  options: 'list-selection',
};

export const SECTION_ICONS = {
  nodes: 'symbol-class',
  relationships: 'references',
  flows: 'list-ordered',
} as const;

export const INTERFACE_ICON = 'plug';
export const FLOW_ICON = 'pulse';
export const TRANSITION_ICON = 'debug-step-over';
export const FILTER_ICON = 'filter';

export function nodeTypeIcon(nodeType: string | undefined): string {
  return (nodeType !== undefined && Object.hasOwn(NODE_TYPE_ICONS, nodeType) ? NODE_TYPE_ICONS[nodeType] : undefined) ?? 'symbol-misc';
}

export function relationshipIcon(kind: ModelRelationshipKind | undefined): string {
  return kind ? RELATIONSHIP_ICONS[kind] : 'question';
}
