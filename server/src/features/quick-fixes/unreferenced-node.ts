/**
 * A node no relationship mentions: add a relationship from it to one of the most connected nodes (an
 * actor interacts with it; any other node connects to it).
 */
import type { CalmAnalysis } from '../analysis';
import type { Finding } from '../../calm/findings';
import type { CalmNode } from '../../calm/model';
import { propertyNode } from '../../calm/pointer';
import { freshId } from '../id-occurrences';
import { addMember, appendItem } from './json-edits';
import { quoted, type QuickFix } from './quick-fix';

/** How many partner nodes to propose. */
const PARTNERS = 3;

function partners(result: CalmAnalysis, node: CalmNode): CalmNode[] {
  const seen = new Set<string>([node.uniqueId ?? '']);
  const candidates: { node: CalmNode; uses: number; order: number }[] = [];
  result.doc.model.nodes.forEach((n, order) => {
    if (n.uniqueId === undefined || seen.has(n.uniqueId) || n.nodeType === 'actor') return;
    seen.add(n.uniqueId);
    candidates.push({ node: n, uses: result.index.referencesById.get(n.uniqueId)?.length ?? 0, order });
  });
  candidates.sort((a, b) => b.uses - a.uses || a.order - b.order);
  return candidates.slice(0, PARTNERS).map((c) => c.node);
}

export function fixUnreferencedNode(result: CalmAnalysis, finding: Finding): QuickFix[] {
  const node = result.doc.model.nodes.find((n) => n.uniqueId !== undefined && n.idRange.start === finding.range.start);
  const root = result.doc.root;
  if (!node || !root || root.type !== 'object') return [];
  const from = node.uniqueId as string;
  const relationships = propertyNode(root, 'relationships');
  if (relationships && relationships.type !== 'array') return [];
  return partners(result, node).map((partner) => {
    const to = partner.uniqueId as string;
    const actor = node.nodeType === 'actor';
    const relationship = {
      'unique-id': freshId(result, `${from}-to-${to}`),
      description: `${node.name ?? from} ${actor ? 'interacts with' : 'connects to'} ${partner.name ?? to}.`,
      'relationship-type': actor ? { interacts: { actor: from, nodes: [to] } } : { connects: { source: { node: from }, destination: { node: to } } },
    };
    const edit = relationships ? appendItem(result.doc, relationships, relationship) : addMember(result.doc, root, 'relationships', [relationship]);
    return { title: `Add a relationship from ${quoted(from)} to ${quoted(to)}`, edits: [edit] };
  });
}
