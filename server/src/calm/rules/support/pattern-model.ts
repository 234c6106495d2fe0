/**
 * What a CALM pattern declares. A pattern is a JSON schema: its nodes and relationships are the
 * schemas under `properties.nodes` / `properties.relationships`, positional (`prefixItems[*]`) or
 * offered as alternatives (`prefixItems[*].oneOf|anyOf[*]`, `items.oneOf|anyOf[*]`); each one's id is
 * its `properties.unique-id.const`.
 */
import type { ValueNode } from '../../value-node';
import { member as propertyNode, starChildren } from './tree';

/** Where a declaration sits; alternatives are the ones a pattern decision chooses between. */
export type DeclarationSlot = 'prefixItems' | 'prefixItems.oneOf' | 'prefixItems.anyOf' | 'items.oneOf' | 'items.anyOf';

export interface PatternDeclaration {
  /** The declaring schema (the object holding `properties.unique-id`). */
  readonly schema: ValueNode;
  /** The `unique-id.const` value node: its value is the id, its offsets are where it is written. */
  readonly id: ValueNode;
  readonly slot: DeclarationSlot;
}

export interface PatternModel {
  /** The pattern's top-level `properties`, if any. */
  readonly properties: ValueNode | undefined;
  readonly nodes: readonly PatternDeclaration[];
  readonly relationships: readonly PatternDeclaration[];
}

function elements(node: ValueNode | undefined): ValueNode[] {
  return node?.type === 'array' ? starChildren(node) : [];
}

/** `schema.properties.unique-id.const`. */
export function declaredId(schema: ValueNode): ValueNode | undefined {
  return propertyNode(propertyNode(propertyNode(schema, 'properties'), 'unique-id'), 'const');
}

function declarations(collection: ValueNode | undefined): PatternDeclaration[] {
  const out: PatternDeclaration[] = [];
  const add = (schema: ValueNode, slot: DeclarationSlot): void => {
    const id = declaredId(schema);
    if (id) out.push({ schema, id, slot });
  };
  for (const item of elements(propertyNode(collection, 'prefixItems'))) {
    add(item, 'prefixItems');
    for (const alt of elements(propertyNode(item, 'oneOf'))) add(alt, 'prefixItems.oneOf');
    for (const alt of elements(propertyNode(item, 'anyOf'))) add(alt, 'prefixItems.anyOf');
  }
  const items = propertyNode(collection, 'items');
  for (const alt of elements(propertyNode(items, 'oneOf'))) add(alt, 'items.oneOf');
  for (const alt of elements(propertyNode(items, 'anyOf'))) add(alt, 'items.anyOf');
  return out;
}

export function buildPatternModel(root: ValueNode | undefined): PatternModel {
  const properties = propertyNode(root, 'properties');
  return {
    properties,
    nodes: declarations(propertyNode(properties, 'nodes')),
    relationships: declarations(propertyNode(properties, 'relationships')),
  };
}

/** The interfaces a node declaration declares: `properties.interfaces.prefixItems[*]` (and their alternatives). */
export function declaredInterfaces(node: PatternDeclaration): PatternDeclaration[] {
  return declarations(propertyNode(propertyNode(node.schema, 'properties'), 'interfaces'));
}
