/** `$..relationship-type.const.connects.*`: the connects ends a pattern fixes with `const`. */
import type { Node as JsonNode } from 'jsonc-parser';
import type { PatternView } from './pattern-view';
import { member, starChildren } from './tree';

export function constConnectsEnds(view: PatternView): JsonNode[] {
  return view.relationshipTypes.flatMap((type) => starChildren(member(member(type, 'const'), 'connects')));
}
