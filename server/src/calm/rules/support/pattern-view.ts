/**
 * What the pattern rules look up, gathered in one walk of the pattern per document version: the
 * reference asks recursive-descent JSONPath queries (`$..relationship-type..nodes[*]`, `$..type`, ...),
 * and this answers all of them at once.
 */
import type { Node as JsonNode } from 'jsonc-parser';
import type { CalmDocument } from '../../model';
import { buildPatternModel, declaredId, type PatternModel } from '../../pattern-model';
import { identityOf } from './json-values';
import { member, starChildren } from './tree';

export interface PatternView {
  readonly model: PatternModel;
  /** Ids of every node declaration (positional or alternative). */
  readonly nodeIds: ReadonlySet<unknown>;
  /** `$..interfaces.prefixItems[*].properties.unique-id.const` */
  readonly interfaceIds: ReadonlySet<unknown>;
  /** `$..relationship-type`, in document order. */
  readonly relationshipTypes: readonly JsonNode[];
  /** `$..relationship-type..*@string()` */
  readonly relationshipTypeStrings: ReadonlySet<string>;
  /** `$..relationship-type..nodes[*]` */
  readonly groupNodeEntries: readonly JsonNode[];
  /** `$..relationship-type..nodes.const[*]` */
  readonly groupConstNodeEntries: readonly JsonNode[];
  /** `$..connects.source.node` */
  readonly connectsSourceNodes: readonly JsonNode[];
  /** `$..type` */
  readonly typeValues: readonly JsonNode[];
  /** `$..*["unique-id"].const` */
  readonly uniqueIdConsts: readonly JsonNode[];
}

/** Where a value stands relative to the `relationship-type` subtrees. */
const OUTSIDE = 0;
const TYPE_ITSELF = 1;
const INSIDE = 2;

function buildView(doc: CalmDocument): PatternView {
  const model = buildPatternModel(doc.root);
  const interfaceIds = new Set<unknown>();
  const relationshipTypes: JsonNode[] = [];
  const relationshipTypeStrings = new Set<string>();
  const groupNodeEntries: JsonNode[] = [];
  const groupConstNodeEntries: JsonNode[] = [];
  const connectsSourceNodes: JsonNode[] = [];
  const typeValues: JsonNode[] = [];
  const uniqueIdConsts: JsonNode[] = [];

  const stack: { node: JsonNode; where: number }[] = doc.root ? [{ node: doc.root, where: OUTSIDE }] : [];
  while (stack.length > 0) {
    const { node, where } = stack.pop()!;
    if (node.type === 'string' && where === INSIDE) relationshipTypeStrings.add(node.value as string);
    const inner = where === OUTSIDE ? OUTSIDE : INSIDE;
    const next: { node: JsonNode; where: number }[] = [];
    if (node.type === 'array') {
      for (const child of node.children ?? []) next.push({ node: child, where: inner });
    } else if (node.type === 'object') {
      for (const prop of node.children ?? []) {
        const key = prop.children?.[0]?.value;
        const value = prop.children?.[1];
        if (!value) continue;
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
        if (key === 'unique-id' && node !== doc.root) {
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
export function isUnknownPatternNode(view: PatternView, value: JsonNode | undefined): value is JsonNode {
  return value?.type === 'string' && value.value !== '' && !view.nodeIds.has(value.value);
}
