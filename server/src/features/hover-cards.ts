/** The Markdown cards shown on hover, one per element kind. All document text goes through `md`. */
import type { CalmAnalysis } from './analysis';
import type { CalmFlow, CalmInterface, CalmNode, CalmRelationship } from '../calm/model';
import { referencesOf } from './id-occurrences';
import { md } from './markdown';
import { KIND_VERBS, relationshipEnds } from './relationship-ends';

/** Lists longer than this are cut with "and N more": a hub node must not produce a page-long hover. */
const MAX_LISTED = 15;

function listed(lines: string[]): string[] {
  if (lines.length <= MAX_LISTED) return lines;
  return [...lines.slice(0, MAX_LISTED), `- … and ${lines.length - MAX_LISTED} more`];
}

export function nodeLabel(result: CalmAnalysis, id: string): string {
  const node = result.index.nodesById.get(id)?.[0];
  return node?.name ? `${md(node.name, 80)} (${md(id, 80)})` : md(id, 80);
}

function interfaceSummary(iface: CalmInterface): string {
  const parts: string[] = [];
  if (iface.protocol) parts.push(md(iface.protocol, 40));
  if (iface.host) parts.push(md(iface.port !== undefined ? `${iface.host}:${iface.port}` : iface.host, 120));
  else if (iface.port !== undefined) parts.push(`port ${iface.port}`);
  if (iface.url) parts.push(md(iface.url, 120));
  const id = md(iface.uniqueId ?? '(no unique-id)', 80);
  return parts.length ? `${id} (${parts.join(', ')})` : id;
}

/** Relationships whose `from` (outgoing) or `to` (incoming) side names the node. */
function nodeRelationships(result: CalmAnalysis, nodeId: string): { outgoing: string[]; incoming: string[] } {
  const outgoing: string[] = [];
  const incoming: string[] = [];
  const seen = new Set<CalmRelationship>();
  for (const ref of referencesOf(result, nodeId, 'node')) {
    const rel = ref.ownerId === undefined ? undefined : result.index.relationshipsById.get(ref.ownerId)?.[0];
    if (!rel || seen.has(rel)) continue;
    seen.add(rel);
    const ends = relationshipEnds(rel);
    const verb = KIND_VERBS[rel.kind ?? ''] ?? 'relates to';
    const name = md(rel.uniqueId ?? '', 80);
    if (ends.from.includes(nodeId)) outgoing.push(`- ${name}: ${verb} ${ends.to.map((id) => nodeLabel(result, id)).join(', ') || 'nothing'}`);
    if (ends.to.includes(nodeId)) incoming.push(`- ${name}: ${ends.from.map((id) => nodeLabel(result, id)).join(', ') || 'nothing'} ${verb} it`);
  }
  return { outgoing, incoming };
}

export function nodeCard(result: CalmAnalysis, node: CalmNode): string {
  const id = node.uniqueId ?? '';
  const title = node.name ? md(node.name, 120) : md(id, 120);
  const out = [`**${title}** — node${node.nodeType ? ` (${md(node.nodeType, 60)})` : ''}`, '', `unique-id: ${md(id, 120)}`];
  if (node.description) out.push('', md(node.description, 600));
  if (node.interfaces.length) out.push('', `**Interfaces:** ${node.interfaces.slice(0, MAX_LISTED).map(interfaceSummary).join(', ')}${node.interfaces.length > MAX_LISTED ? `, … and ${node.interfaces.length - MAX_LISTED} more` : ''}`);
  const { outgoing, incoming } = nodeRelationships(result, id);
  out.push('', `**Outgoing relationships (${outgoing.length})**`);
  if (outgoing.length) out.push('', ...listed(outgoing));
  out.push('', `**Incoming relationships (${incoming.length})**`);
  if (incoming.length) out.push('', ...listed(incoming));
  return out.join('\n');
}

export function interfaceCard(result: CalmAnalysis, iface: CalmInterface): string {
  const id = iface.uniqueId ?? '';
  const owner = iface.nodeId === undefined ? 'a node without unique-id' : `node ${nodeLabel(result, iface.nodeId)}`;
  const out = [`**${md(id, 120)}** — interface of ${owner}`];
  const details: string[] = [];
  if (iface.protocol) details.push(`Protocol: ${md(iface.protocol, 60)}`);
  if (iface.host) details.push(`Host: ${md(iface.host, 160)}`);
  if (iface.port !== undefined) details.push(`Port: ${iface.port}`);
  if (iface.url) details.push(`URL: ${md(iface.url, 200)}`);
  if (details.length) out.push('', details.join('  \n'));
  const users = [...new Set(referencesOf(result, id, 'interface').map((r) => r.ownerId).filter((o): o is string => o !== undefined))];
  out.push('', `**Used by ${users.length} relationship${users.length === 1 ? '' : 's'}**`);
  if (users.length) out.push('', ...listed(users.map((u) => `- ${md(u, 80)}`)));
  return out.join('\n');
}

export function relationshipCard(result: CalmAnalysis, rel: CalmRelationship): string {
  const out = [`**${md(rel.uniqueId ?? '', 120)}** — relationship${rel.kind ? ` (${rel.kind})` : ''}`];
  if (rel.description) out.push('', md(rel.description, 600));
  const lines: string[] = [];
  const ends = relationshipEnds(rel);
  const names = (ids: readonly string[]) => ids.map((id) => nodeLabel(result, id)).join(', ') || '—';
  const ifaces = (refs: readonly { id: string }[] | undefined) => (refs && refs.length ? ` via ${refs.map((r) => md(r.id, 80)).join(', ')}` : '');
  switch (rel.kind) {
    case 'interacts':
      lines.push(`Actor: ${names(ends.from)}`, `Interacts with: ${names(ends.to)}`);
      break;
    case 'connects':
      lines.push(`From: ${names(ends.from)}${ifaces(rel.source?.interfaces)}`, `To: ${names(ends.to)}${ifaces(rel.destination?.interfaces)}`);
      break;
    case 'composed-of':
    case 'deployed-in':
      lines.push(`Container: ${names(ends.from)}`, `${rel.kind === 'composed-of' ? 'Composed of' : 'Deployed'}: ${names(ends.to)}`);
      break;
    default:
      break;
  }
  if (rel.protocol) lines.push(`Protocol: ${md(rel.protocol, 60)}`);
  if (lines.length) out.push('', lines.join('  \n'));
  const flows = rel.uniqueId === undefined ? [] : [...new Set(referencesOf(result, rel.uniqueId, 'relationship').map((r) => r.ownerId).filter((o): o is string => o !== undefined))];
  if (flows.length) out.push('', `**In flows:** ${flows.slice(0, MAX_LISTED).map((f) => md(f, 80)).join(', ')}`);
  return out.join('\n');
}

export function flowCard(flow: CalmFlow): string {
  const title = flow.name ? md(flow.name, 120) : md(flow.uniqueId ?? '', 120);
  const out = [`**${title}** — flow`, '', `unique-id: ${md(flow.uniqueId ?? '', 120)}`];
  if (flow.description) out.push('', md(flow.description, 600));
  const steps = [...flow.transitions]
    .sort((a, b) => (a.sequenceNumber ?? 0) - (b.sequenceNumber ?? 0))
    .map((t) => `${t.sequenceNumber ?? '?'}. ${md(t.relationship?.id ?? '?', 80)}${t.description ? ` — ${md(t.description, 160)}` : ''}`);
  out.push('', `**Transitions (${steps.length})**`);
  // Numbers are ours, but the text after them is escaped; a numbered Markdown list is fine here.
  if (steps.length) out.push('', ...listed(steps));
  return out.join('\n');
}
