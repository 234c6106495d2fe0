/**
 * The Model Elements search: case-insensitive on name, unique-id, type and description.
 * A match on the name or the unique-id ranks before a match on the type or the description only.
 */
import type { ModelFlow, ModelNode, ModelRelationship } from '../../../server/src/protocol';

/** 0: the name or unique-id matches; 1: only the type, description (or an interface id) matches. */
export type MatchRank = 0 | 1;

export interface SearchQuery {
  /** As the user typed it (trimmed), for the "Filtered by" row. */
  readonly text: string;
  readonly needle: string;
}

/** Undefined when the text holds nothing to search for. */
export function searchQuery(text: string | undefined): SearchQuery | undefined {
  const trimmed = (text ?? '').trim();
  return trimmed ? { text: trimmed, needle: trimmed.toLowerCase() } : undefined;
}

function hit(value: string | undefined, needle: string): boolean {
  return value !== undefined && value.toLowerCase().includes(needle);
}

function rank(primary: readonly (string | undefined)[], secondary: readonly (string | undefined)[], needle: string): MatchRank | undefined {
  if (primary.some((v) => hit(v, needle))) return 0;
  if (secondary.some((v) => hit(v, needle))) return 1;
  return undefined;
}

export function rankNode(node: ModelNode, q: SearchQuery): MatchRank | undefined {
  return rank(
    [node.name, node.uniqueId],
    [node.nodeType, node.description, ...node.interfaces.map((i) => i.uniqueId)],
    q.needle,
  );
}

export function rankRelationship(rel: ModelRelationship, q: SearchQuery): MatchRank | undefined {
  return rank([rel.uniqueId], [rel.kind, rel.description], q.needle);
}

export function rankFlow(flow: ModelFlow, q: SearchQuery): MatchRank | undefined {
  return rank([flow.name, flow.uniqueId], [flow.description], q.needle);
}
