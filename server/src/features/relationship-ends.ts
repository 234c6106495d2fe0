/** Which nodes a relationship goes from and to, whatever its kind: the basis of "incoming/outgoing". */
import type { CalmRelationship } from '../calm/model';

export interface RelationshipEnds {
  /** interacts: the actor; connects: the source node; composed-of / deployed-in: the container. */
  readonly from: readonly string[];
  /** interacts: the nodes; connects: the destination node; composed-of / deployed-in: the members. */
  readonly to: readonly string[];
}

export function relationshipEnds(rel: CalmRelationship): RelationshipEnds {
  const ids = (refs: readonly ({ id: string } | undefined)[]): string[] => refs.filter((r): r is { id: string } => r !== undefined).map((r) => r.id);
  switch (rel.kind) {
    case 'interacts':
      return { from: ids([rel.actor]), to: ids(rel.nodes) };
    case 'connects':
      return { from: ids([rel.source?.node]), to: ids([rel.destination?.node]) };
    case 'composed-of':
    case 'deployed-in':
      return { from: ids([rel.container]), to: ids(rel.nodes) };
    default:
      return { from: [], to: [] };
  }
}

/** The words for a relationship kind, read from `from` to `to`. */
export const KIND_VERBS: Record<string, string> = {
  interacts: 'interacts with',
  connects: 'connects to',
  'composed-of': 'is composed of',
  'deployed-in': 'hosts',
  options: 'offers options',
};
