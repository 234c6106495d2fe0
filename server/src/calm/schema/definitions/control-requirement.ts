/** control-requirement.json: the base shape every control requirement schema extends. */
import { JSON_SCHEMA_2020_12, stringType, type SchemaObject } from './json-schema';
import { metaUrl, type VersionTraits } from './versions';

export function controlRequirementSchema(v: VersionTraits): SchemaObject {
  return {
    $schema: JSON_SCHEMA_2020_12,
    $id: metaUrl(v.id, 'control-requirement.json'),
    title: 'CALM control requirement',
    description: 'What every control requirement states: an id, a name and a description.',
    type: 'object',
    properties: {
      'control-id': stringType('Identifies this control requirement, e.g. so evidence can point at it.'),
      name: stringType('A short name for the requirement, meaningful in its domain.'),
      description: stringType('What the requirement asks for and what implementers must consider.'),
    },
    required: ['control-id', 'name', 'description'],
  };
}
