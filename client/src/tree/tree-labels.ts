/**
 * The words the Model Elements tree shows for each element: labels, short descriptions and tooltips.
 * Pure text (no vscode): every string taken from the document stays plain text, never Markdown.
 */
import type { ModelFlow, ModelInterface, ModelNode, ModelRelationship, ModelTransition } from '../../../server/src/protocol';

/** How a relationship's endpoints are named: the node's unique-id, or (for containers) its name. */
export interface NodeNames {
  nameOf(uniqueId: string): string | undefined;
}

const UNKNOWN_END = '?';

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** `customer ⇢ api-gateway`, `customer ⇢ a, b`, `customer ⇢ 5 nodes`. */
function targetsText(ids: readonly string[] | undefined): string {
  const list = ids ?? [];
  if (list.length === 0) return UNKNOWN_END;
  if (list.length <= 3) return list.join(', ');
  return count(list.length, 'node', 'nodes');
}

/** What a relationship links, e.g. `api-gateway → order-service` or `E-Commerce Platform ⊃ 6 nodes`. */
export function relationshipLabel(rel: ModelRelationship, names: NodeNames, reversed = false): string {
  switch (rel.kind) {
    case 'connects': {
      const from = rel.source || UNKNOWN_END;
      const to = rel.destination || UNKNOWN_END;
      return reversed ? `${to} → ${from}` : `${from} → ${to}`;
    }
    case 'interacts': {
      const actor = rel.source || UNKNOWN_END;
      const targets = targetsText(rel.nodes);
      return reversed ? `${targets} ⇢ ${actor}` : `${actor} ⇢ ${targets}`;
    }
    case 'composed-of':
    case 'deployed-in': {
      const container = rel.container ? (names.nameOf(rel.container) ?? rel.container) : UNKNOWN_END;
      return `${container} ⊃ ${count(rel.nodes?.length ?? 0, 'node', 'nodes')}`;
    }
    default:
      return rel.uniqueId || '(no unique-id)';
  }
}

/** The grey text beside a relationship: its unique-id, unless the label already is the id. */
export function relationshipDescription(rel: ModelRelationship, label: string): string | undefined {
  if (rel.uniqueId && rel.uniqueId !== label) return rel.uniqueId;
  return rel.protocol;
}

export function relationshipTooltip(rel: ModelRelationship, label: string): string {
  const lines = [`${rel.uniqueId || '(no unique-id)'} (${rel.kind ?? 'unknown relationship-type'})`];
  if (label !== rel.uniqueId) lines.push(label);
  if (rel.protocol) lines.push(`protocol: ${rel.protocol}`);
  if (rel.sourceInterfaces?.length) lines.push(`source interfaces: ${rel.sourceInterfaces.join(', ')}`);
  if (rel.destinationInterfaces?.length) lines.push(`destination interfaces: ${rel.destinationInterfaces.join(', ')}`);
  if (rel.description) lines.push('', rel.description);
  return withProblem(lines, rel.problem);
}

export function nodeLabel(node: ModelNode): string {
  return node.name || node.uniqueId || '(no unique-id)';
}

/** The grey text beside a node: its unique-id when the label shows its name. */
export function nodeDescription(node: ModelNode): string | undefined {
  return node.name && node.uniqueId && node.name !== node.uniqueId ? node.uniqueId : undefined;
}

export function nodeTooltip(node: ModelNode): string {
  const lines = [node.name ? `${node.name} (${node.uniqueId || 'no unique-id'})` : node.uniqueId || '(no unique-id)'];
  lines.push(`node-type: ${node.nodeType ?? '(none)'}`);
  if (node.interfaces.length > 0) lines.push(count(node.interfaces.length, 'interface', 'interfaces'));
  if (node.description) lines.push('', node.description);
  return withProblem(lines, node.problem);
}

/** `HTTPS · api.example.com:443`, `JDBC · port 5432`, `HTTPS · https://x/y`. */
export function interfaceDescription(iface: ModelInterface): string | undefined {
  const where = iface.url ?? (iface.host ? (iface.port !== undefined ? `${iface.host}:${iface.port}` : iface.host) : iface.port !== undefined ? `port ${iface.port}` : undefined);
  const parts = [iface.protocol, where].filter((p): p is string => !!p);
  return parts.length > 0 ? parts.join(' · ') : undefined;
}

export function interfaceTooltip(iface: ModelInterface, nodeLabelText: string): string {
  const lines = [`${iface.uniqueId || '(no unique-id)'}: interface of ${nodeLabelText}`];
  if (iface.protocol) lines.push(`protocol: ${iface.protocol}`);
  if (iface.host) lines.push(`host: ${iface.host}`);
  if (iface.port !== undefined) lines.push(`port: ${iface.port}`);
  if (iface.url) lines.push(`url: ${iface.url}`);
  return lines.join('\n');
}

export function flowLabel(flow: ModelFlow): string {
  return flow.name || flow.uniqueId || '(no unique-id)';
}

export function flowTooltip(flow: ModelFlow): string {
  const lines = [flow.name ? `${flow.name} (${flow.uniqueId || 'no unique-id'})` : flow.uniqueId || '(no unique-id)'];
  lines.push(count(flow.transitions.length, 'transition', 'transitions'));
  if (flow.description) lines.push('', flow.description);
  return lines.join('\n');
}

/** `2. Order Service persists the order`: the step number, then what happens. */
export function transitionLabel(t: ModelTransition, step: number, relationshipText: string): string {
  const n = t.sequenceNumber ?? step;
  return `${n}. ${t.description || relationshipText}`;
}

export function transitionTooltip(t: ModelTransition, relationshipText: string): string {
  const lines = [`${t.relationshipId || '(no relationship)'}: ${relationshipText}`];
  if (t.sequenceNumber !== undefined) lines.push(`sequence-number: ${t.sequenceNumber}`);
  if (t.direction) lines.push(`direction: ${t.direction}`);
  if (t.description) lines.push('', t.description);
  return lines.join('\n');
}

function withProblem(lines: string[], problem: 'error' | 'warning' | undefined): string {
  if (problem === 'error') lines.push('', 'Has errors: see the Problems panel.');
  else if (problem === 'warning') lines.push('', 'Has warnings: see the Problems panel.');
  return lines.join('\n');
}
