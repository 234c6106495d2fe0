/** What a quick fix is, and lookups shared by the fixes: the reference or connects end a finding is about. */
import type { TextEdit } from 'vscode-languageserver-types';
import type { CalmAnalysis } from '../analysis';
import type { Finding, OffsetRange } from '../../calm/findings';
import type { CalmRelationship, ConnectsEnd, IdReference } from '../../calm/model';

export interface QuickFix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** Safe to apply without looking (VS Code's "auto fix"): a near-certain typo correction. */
  readonly isPreferred?: boolean;
}

export type QuickFixProvider = (result: CalmAnalysis, finding: Finding) => QuickFix[];

/** The reference whose value the finding underlines. */
export function referenceAt(result: CalmAnalysis, range: OffsetRange): IdReference | undefined {
  return result.doc.model.references.find((r) => r.range.start === range.start);
}

export function relationshipContaining(result: CalmAnalysis, offset: number): CalmRelationship | undefined {
  return result.doc.model.relationships.find((r) => offset >= r.range.start && offset < r.range.end);
}

/** The connects end a reference belongs to. */
export function endOfReference(result: CalmAnalysis, ref: IdReference): ConnectsEnd | undefined {
  const rel = relationshipContaining(result, ref.range.start);
  if (!rel) return undefined;
  if (ref.role.startsWith('connects.source.')) return rel.source;
  if (ref.role.startsWith('connects.destination.')) return rel.destination;
  return undefined;
}

/** The connects end whose `"source": {` / `"destination": {` the finding underlines. */
export function endAt(result: CalmAnalysis, offset: number): ConnectsEnd | undefined {
  const rel = relationshipContaining(result, offset);
  for (const end of [rel?.source, rel?.destination]) {
    const property = end?.json.parent;
    if (end && property && offset >= property.offset && offset < property.offset + property.length) return end;
  }
  return undefined;
}

/** A short quoted form of an id for an action title (titles are plain text, but a huge id would be unreadable). */
export function quoted(id: string): string {
  return `'${id.length > 60 ? id.slice(0, 59) + '…' : id}'`;
}
