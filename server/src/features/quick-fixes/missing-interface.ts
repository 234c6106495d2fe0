/**
 * A connects end lists an interface its node does not define: add the interface to that node (when no
 * other node defines it: a second definition would be a duplicate unique-id), change the listed id to
 * one of the node's interfaces, or point the end at the node that does define it.
 */
import type { TextEdit } from 'vscode-languageserver-types';
import type { CalmAnalysis } from '../analysis';
import type { Finding } from '../../calm/findings';
import type { CalmNode, ConnectsEnd, IdReference } from '../../calm/model';
import { propertyNode } from '../../calm/pointer';
import { toRange } from '../lsp-ranges';
import { changeToClosest } from './dangling-reference';
import { addMember, appendItem } from './json-edits';
import { endAt, endOfReference, quoted, referenceAt, type QuickFix } from './quick-fix';

function addInterface(result: CalmAnalysis, node: CalmNode, id: string): QuickFix {
  const interfaces = propertyNode(node.json, 'interfaces');
  const edit: TextEdit =
    interfaces?.type === 'array' ? appendItem(result.doc, interfaces, { 'unique-id': id }) : addMember(result.doc, node.json, 'interfaces', [{ 'unique-id': id }]);
  return { title: `Add interface ${quoted(id)} to node ${quoted(node.uniqueId ?? '')}`, edits: [edit] };
}

function fixesForMissing(result: CalmAnalysis, end: ConnectsEnd, ref: IdReference): QuickFix[] {
  const nodeId = end.node?.id;
  const node = nodeId === undefined ? undefined : result.index.nodesById.get(nodeId)?.[0];
  if (!node || node.json.type !== 'object' || node.interfaces.some((i) => i.uniqueId === ref.id)) return [];
  const owners = result.index.interfacesById.get(ref.id) ?? [];
  const fixes: QuickFix[] = [];
  if (owners.length === 0) fixes.push(addInterface(result, node, ref.id));
  if (node.interfaces.length > 0) fixes.push(...changeToClosest(result, ref));
  const owner = owners[0]?.nodeId;
  if (owner !== undefined && end.node && owners.length === 1) {
    fixes.push({ title: `Change node to ${quoted(owner)} (which defines ${quoted(ref.id)})`, edits: [{ range: toRange(result.doc, end.node.range), newText: JSON.stringify(owner) }] });
  }
  return fixes;
}

/** `referenced-interfaces-defined-on-correct-node-in-architecture`: underlines the end; fix each interface its node lacks. */
export function fixInterfaceOnWrongNode(result: CalmAnalysis, finding: Finding): QuickFix[] {
  const end = endAt(result, finding.range.start);
  if (!end) return [];
  return end.interfaces.flatMap((ref) => fixesForMissing(result, end, ref));
}

/** `referenced-interfaces-defined-in-architecture`: underlines an interface id that no node defines. */
export function fixUndefinedInterface(result: CalmAnalysis, finding: Finding): QuickFix[] {
  const ref = referenceAt(result, finding.range);
  if (!ref || ref.target !== 'interface') return [];
  const end = endOfReference(result, ref);
  const fixes = end ? fixesForMissing(result, end, ref) : [];
  // No known node at this end: the closest interface ids of the whole document still help.
  return fixes.length ? fixes : changeToClosest(result, ref);
}
