/**
 * What the pattern rules look up, gathered in one walk of the pattern per document version: the
 * reference asks recursive-descent JSONPath queries (`$..relationship-type..nodes[*]`, `$..type`, ...),
 * and this answers all of them at once.
 */
import type { ValueNode } from '../../value-node';
import type { CalmDocument } from '../../model';
import { buildPatternModel, declaredId, type PatternModel } from './pattern-model';
import { identityOf } from './json-values';
import { member, rootOf, starChildren } from './tree';

export interface PatternView {
  readonly model: PatternModel;
  /** Ids of every node declaration (positional or alternative). */
  readonly nodeIds: ReadonlySet<unknown>;
  /** `$..interfaces.prefixItems[*].properties.unique-id.const` */
  readonly interfaceIds: ReadonlySet<unknown>;
  /** `$..relationship-type`, in document order. */
  readonly relationshipTypes: readonly ValueNode[];
  /** `$..relationship-type..*@string()` */
  readonly relationshipTypeStrings: ReadonlySet<string>;
  /** `$..relationship-type..nodes[*]` */
  readonly groupNodeEntries: readonly ValueNode[];
  /** `$..relationship-type..nodes.const[*]` */
  readonly groupConstNodeEntries: readonly ValueNode[];
  /** `$..connects.source.node` */
  readonly connectsSourceNodes: readonly ValueNode[];
  /** `$..type` */
  readonly typeValues: readonly ValueNode[];
  /** `$..*["unique-id"].const` */
  readonly uniqueIdConsts: readonly ValueNode[];
}

/** Where a value stands relative to the `relationship-type` subtrees. */
const OUTSIDE = 0;
const TYPE_ITSELF = 1;
const INSIDE = 2;

function buildView(doc: CalmDocument): PatternView {
  const root = rootOf(doc);
  const model = buildPatternModel(root);
  const interfaceIds = new Set<unknown>();
  const relationshipTypes: ValueNode[] = [];
  const relationshipTypeStrings = new Set<string>();
  const groupNodeEntries: ValueNode[] = [];
  const groupConstNodeEntries: ValueNode[] = [];
  const connectsSourceNodes: ValueNode[] = [];
  const typeValues: ValueNode[] = [];
  const uniqueIdConsts: ValueNode[] = [];

  const stack: { node: ValueNode; where: number }[] = [{ node: root, where: OUTSIDE }];
  while (stack.length > 0) {
    const { node, where } = stack.pop()!;
    if (typeof node.value === 'string' && where === INSIDE) relationshipTypeStrings.add(node.value);
    const inner = where === OUTSIDE ? OUTSIDE : INSIDE;
    const next: { node: ValueNode; where: number }[] = [];
    if (node.type === 'array') {
      for (const child of starChildren(node)) next.push({ node: child, where: inner });
    } else if (node.type === 'object') {
      for (const value of starChildren(node)) {
        const key = value.key;
        if (where !== OUTSIDE && key === 'nodes') {
          groupNodeEntries.push(...starChildren(value));
          groupConstNodeEntries.push(...starChildren(member(value, 'const')));
        }
        if (key === 'relationship-type') relationshipTypes.push(value);
        if (key === 'connects') {
          const source = member(member(value, 'source'), 'node');
          if (source) connectsSourceNodes.push(source);
        }
        if (key === 'type') typeValues.push(value);
        if (key === 'unique-id' && node.parent !== undefined) {
          const constant = member(value, 'const');
          if (constant) uniqueIdConsts.push(constant);
        }
        if (key === 'interfaces') {
          for (const item of starChildren(member(value, 'prefixItems'))) {
            const id = declaredId(item);
            if (id) interfaceIds.add(identityOf(id));
          }
        }
        next.push({ node: value, where: key === 'relationship-type' && where === OUTSIDE ? TYPE_ITSELF : inner });
      }
    }
    for (let i = next.length - 1; i >= 0; i--) stack.push(next[i]);
  }

  return {
    model,
    nodeIds: new Set(model.nodes.map((d) => identityOf(d.id))),
    interfaceIds,
    relationshipTypes,
    relationshipTypeStrings,
    groupNodeEntries,
    groupConstNodeEntries,
    connectsSourceNodes,
    typeValues,
    uniqueIdConsts,
  };
}

const cache = new WeakMap<CalmDocument, PatternView>();

export function patternView(doc: CalmDocument): PatternView {
  let view = cache.get(doc);
  if (!view) {
    view = buildView(doc);
    cache.set(doc, view);
  }
  return view;
}

/** The pattern flavour of `nodeIdExists`: only a non-empty string is checked. */
export function isUnknownPatternNode(view: PatternView, value: ValueNode | undefined): value is ValueNode {
  return typeof value?.value === 'string' && value.value !== '' && !view.nodeIds.has(value.value);
}
