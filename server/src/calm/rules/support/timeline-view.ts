/** The parts of a timeline its rules read: `moments` and `current-moment`. */
import type { CalmDocument } from '../../model';
import type { ValueNode } from '../../value-node';
import { member, rootOf, starChildren } from './tree';

export interface TimelineView {
  /** `moments` as written (any type), if present. */
  readonly momentsValue: ValueNode | undefined;
  /** `$.moments[*]` */
  readonly moments: readonly ValueNode[];
  readonly currentMoment: ValueNode | undefined;
}

export function timelineView(doc: CalmDocument): TimelineView {
  const root = rootOf(doc);
  const momentsValue = member(root, 'moments');
  return { momentsValue, moments: starChildren(momentsValue), currentMoment: member(root, 'current-moment') };
}
