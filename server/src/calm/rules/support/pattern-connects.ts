/** `$..relationship-type.const.connects.*`: the connects ends a pattern fixes with `const`. */
import type { ValueNode } from '../../value-node';
import type { PatternView } from './pattern-view';
import { member, starChildren } from './tree';

export function constConnectsEnds(view: PatternView): ValueNode[] {
  return view.relationshipTypes.flatMap((type) => starChildren(member(member(type, 'const'), 'connects')));
}
