/** flow.json: business flows, each a sequence of transitions over relationships. */
import { JSON_SCHEMA_2020_12, ref, stringType, type SchemaObject } from './json-schema';
import { metaUrl, type VersionTraits } from './versions';

function transition(v: VersionTraits): SchemaObject {
  // rc1 and draft 2025-03 called the transition's text `summary`.
  const textKey = v.early ? 'summary' : 'description';
  const required = ['relationship-unique-id', 'sequence-number', textKey];
  const properties: Record<string, SchemaObject | readonly string[]> = {
    'relationship-unique-id': stringType('The unique-id of the relationship this step goes over.'),
    'sequence-number': { type: 'integer', description: 'The position of this step in the flow.' },
    [textKey]: stringType('What happens in this step.'),
    direction: {
      enum: ['source-to-destination', 'destination-to-source'],
      default: 'source-to-destination',
      description: 'Which way along the relationship this step goes.',
    },
  };
  // Until 1.1 the published list sat inside `properties`, where it is not a schema and demands nothing:
  // those versions effectively require nothing of a transition. Reproduced so results match the published schema.
  if (v.looseTransitions) return { type: 'object', properties: { ...properties, required } };
  return { type: 'object', properties, required };
}

export function flowSchema(v: VersionTraits): SchemaObject {
  return {
    $schema: JSON_SCHEMA_2020_12,
    $id: metaUrl(v.id, 'flow.json'),
    title: 'CALM business flows',
    description: 'Business flows mapped onto the relationships of an architecture, with their own controls.',
    defs: {
      transition: transition(v),
      ...(v.flowOwnMetadata ? { metadata: { type: 'array', items: { type: 'object' } } } : {}),
      flow: {
        type: 'object',
        description: 'A business flow: a named sequence of steps over relationships.',
        properties: {
          'unique-id': stringType('Identifies this flow in the document.'),
          name: stringType('A short name for the flow.'),
          description: stringType('What the flow achieves.'),
          'requirement-url': stringType('A link to the requirement this flow implements.'),
          transitions: {
            type: 'array',
            description: 'The steps of the flow.',
            items: ref('#/defs/transition'),
            minItems: 1,
          },
          controls: ref('control.json#/defs/controls', 'Control requirements that apply to this flow, by domain.'),
          metadata: ref(v.flowOwnMetadata ? '#/defs/metadata' : 'core.json#/defs/metadata', 'Free-form information about this flow.'),
        },
        required: ['unique-id', 'name', 'description', 'transitions'],
        ...(v.looseTransitions ? {} : { additionalProperties: false }),
      },
    },
  };
}
