/** The parts of a timeline its rules read: `moments` and `current-moment`. */
import type { Node as JsonNode } from 'jsonc-parser';
import type { CalmDocument } from '../../model';
import { member, starChildren } from './tree';

export interface TimelineView {
  /** `moments` as written (any type), if present. */
  readonly momentsValue: JsonNode | undefined;
  /** `$.moments[*]` */
  readonly moments: readonly JsonNode[];
  readonly currentMoment: JsonNode | undefined;
}

export function timelineView(doc: CalmDocument): TimelineView {
  const momentsValue = member(doc.root, 'moments');
  return { momentsValue, moments: starChildren(momentsValue), currentMoment: member(doc.root, 'current-moment') };
}
