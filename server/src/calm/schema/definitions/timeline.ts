/** timeline.json (1.2 and later): an architecture's history as a list of moments. */
import { JSON_SCHEMA_2020_12, ref, stringList, stringType, type SchemaObject } from './json-schema';
import { metaUrl, type VersionTraits } from './versions';

export function timelineSchema(v: VersionTraits): SchemaObject {
  return {
    $schema: JSON_SCHEMA_2020_12,
    $id: metaUrl(v.id, 'timeline.json'),
    title: 'CALM timeline vocabulary',
    type: 'object',
    required: ['moments'],
    properties: {
      'current-moment': stringType('The unique-id of the moment that describes the architecture as it is now.'),
      moments: {
        type: 'array',
        items: { allOf: [ref('core.json#/defs/node'), ref('#/defs/node-moment')] },
        description: 'Significant states of the architecture over time, each a moment.',
      },
      metadata: ref('core.json#/defs/metadata', 'Free-form information about the timeline.'),
    },
    defs: {
      'node-moment': {
        required: ['details'],
        properties: {
          'node-type': { const: 'moment', description: "A moment's node-type is always 'moment'." },
          'valid-from': { type: 'string', format: 'date', description: 'The date from which this moment describes the architecture.' },
          adrs: stringList('Links to Architecture Decision Records explaining why the architecture changed at this moment.'),
          interfaces: false,
        },
      },
    },
  };
}
