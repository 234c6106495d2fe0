/**
 * A reference to an id that nothing defines: change it to one of the closest existing ids of the right
 * kind, or (for a node) create the node it names.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { CalmAnalysis } from '../analysis';
import type { Finding } from '../../calm/findings';
import type { IdReference } from '../../calm/model';
import { propertyNode } from '../../calm/pointer';
import { toRange } from '../lsp-ranges';
import { closest } from './edit-distance';
import { appendItem } from './json-edits';
import { endOfReference, quoted, referenceAt, type QuickFix } from './quick-fix';

/** How many "Change to" fixes to offer. */
const SUGGESTIONS = 3;
/** A candidate this close is almost surely what was meant: offered as the preferred fix. */
const TYPO_DISTANCE = 2;

function candidateIds(result: CalmAnalysis, ref: IdReference): string[] {
  const { model } = result.doc;
  const defined = <T extends { uniqueId: string | undefined }>(items: readonly T[]) => items.map((i) => i.uniqueId).filter((id): id is string => id !== undefined);
  if (ref.target === 'node') return defined(model.nodes);
  if (ref.target === 'relationship') return defined(model.relationships);
  // An interface: those of the node this end names, when it names one we know; else every interface.
  const nodeId = endOfReference(result, ref)?.node?.id;
  const node = nodeId === undefined ? undefined : result.index.nodesById.get(nodeId)?.[0];
  return defined(node ? node.interfaces : model.nodes.flatMap((n) => n.interfaces));
}

export function changeToClosest(result: CalmAnalysis, ref: IdReference): QuickFix[] {
  return closest(ref.id, candidateIds(result, ref), SUGGESTIONS).map(({ id, distance }, i) => ({
    title: `Change to ${quoted(id)}`,
    edits: [{ range: toRange(result.doc, ref.range), newText: JSON.stringify(id) }],
    isPreferred: i === 0 && distance <= TYPO_DISTANCE,
  }));
}

/** The node-type a new node gets from where it is referenced. */
function nodeTypeFor(ref: IdReference): string {
  if (ref.role === 'interacts.actor') return 'actor';
  if (ref.role.endsWith('.container')) return 'system';
  return 'service';
}

function createNode(result: CalmAnalysis, ref: IdReference): QuickFix[] {
  const nodes = result.doc.root ? propertyNode(result.doc.root, 'nodes') : undefined;
  if (!nodes || nodes.type !== 'array' || ref.id.trim() === '') return [];
  // A connects end naming interfaces nobody defines: the new node defines them, so the end is complete.
  const end = endOfReference(result, ref);
  const interfaces = (end?.interfaces ?? []).map((i) => i.id).filter((id) => !result.index.interfacesById.has(id));
  const owner = ref.ownerId === undefined ? 'a relationship' : `relationship '${ref.ownerId}'`;
  const node: Record<string, unknown> = {
    'unique-id': ref.id,
    'node-type': nodeTypeFor(ref),
    name: ref.id,
    description: `Created for the reference in ${owner}.`,
  };
  if (interfaces.length) node.interfaces = [...new Set(interfaces)].map((id) => ({ 'unique-id': id }));
  const edit: TextEdit = appendItem(result.doc, nodes, node);
  return [{ title: `Create node ${quoted(ref.id)}`, edits: [edit] }];
}

export function fixDanglingReference(result: CalmAnalysis, finding: Finding): QuickFix[] {
  const ref = referenceAt(result, finding.range);
  if (!ref) return [];
  const fixes = changeToClosest(result, ref);
  if (ref.target === 'node') fixes.push(...createNode(result, ref));
  return fixes;
}
