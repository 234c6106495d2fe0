/** `$..relationship-type.properties.options.prefixItems`: the decisions of a pattern's options relationships. */
import type { ValueNode } from '../../value-node';
import type { PatternView } from './pattern-view';
import { member, starChildren } from './tree';

export function optionsPrefixItems(view: PatternView): ValueNode[] {
  return view.relationshipTypes
    .map((type) => member(member(member(type, 'properties'), 'options'), 'prefixItems'))
    .filter((v): v is ValueNode => v !== undefined);
}

/** `..<collection>.const[*]` below one decision (the decision itself included). */
export function decisionChoices(decision: ValueNode, collection: 'nodes' | 'relationships'): ValueNode[] {
  const out: ValueNode[] = [];
  const stack: ValueNode[] = [decision];
  while (stack.length > 0) {
    const node = stack.pop()!;
    out.push(...starChildren(member(member(node, collection), 'const')));
    const children = starChildren(node);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return out;
}

export function decisions(view: PatternView): ValueNode[] {
  return optionsPrefixItems(view).flatMap((items) => starChildren(items));
}
