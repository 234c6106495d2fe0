// The pattern and architectures the schema-loading tests share: a pattern that wants exactly one node,
// whose unique-id is `api`, and a one-node architecture that names a schema.
const META = 'https://calm.finos.org/release/1.1/meta/calm.json';

/** The pattern, published under `id` (wanting `nodeId` instead of `api` when given). */
export function apiPattern(id: string, nodeId = 'api'): object {
  return {
    $schema: META,
    $id: id,
    type: 'object',
    properties: {
      nodes: {
        type: 'array',
        minItems: 1,
        maxItems: 1,
        prefixItems: [{ $ref: 'https://calm.finos.org/release/1.1/meta/core.json#/defs/node', properties: { 'unique-id': { const: nodeId } } }],
      },
      relationships: { type: 'array' },
    },
    required: ['nodes', 'relationships'],
  };
}

/** An architecture of one node (`nodeId`) whose `$schema` is `schema`. */
export function oneNodeArchitecture(schema: string, nodeId: string): string {
  return JSON.stringify({ $schema: schema, nodes: [{ 'unique-id': nodeId, 'node-type': 'service', name: 'API', description: 'The API' }], relationships: [] }, null, 2);
}
