/** decorators.json (1.2 and later): supplementary information attached to many elements at once. */
import { JSON_SCHEMA_2020_12, stringList, stringType, type SchemaObject } from './json-schema';
import { metaUrl, type VersionTraits } from './versions';

export function decoratorsSchema(v: VersionTraits): SchemaObject {
  return {
    $schema: JSON_SCHEMA_2020_12,
    $id: metaUrl(v.id, 'decorators.json'),
    title: 'CALM decorators',
    description: 'Decorators attach cross-cutting information (guides, threat models, deployment details, ...) to several elements at once.',
    defs: {
      decorator: {
        type: 'object',
        properties: {
          'unique-id': stringType('Identifies this decorator.'),
          type: stringType('The kind of decorator, in your own words (e.g. threat-model, guide).'),
          ...(v.decoratorTargetTypes
            ? {
                'target-type': {
                  type: 'array',
                  items: { type: 'string', enum: ['architecture', 'pattern', 'standard', 'control'] },
                  minItems: 1,
                  uniqueItems: true,
                  description: 'Which kinds of CALM documents this decorator may target; any kind when absent.',
                },
              }
            : {}),
          target: stringList('Paths or URLs of the CALM documents this decorator targets.', 1),
          'applies-to': stringList('The unique-ids of the elements (nodes, relationships, flows, ...) it applies to.', 1),
          data: { type: 'object', minProperties: 1, description: "The decorator's own data, in any shape." },
        },
        required: ['unique-id', 'type', 'target', 'applies-to', 'data'],
        additionalProperties: false,
      },
    },
  };
}
