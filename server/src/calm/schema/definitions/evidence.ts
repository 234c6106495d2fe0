/** evidence.json: evidence that a control requirement is met. */
import { JSON_SCHEMA_2020_12, stringList, stringType, type SchemaObject } from './json-schema';
import { metaUrl, type VersionTraits } from './versions';

export function evidenceSchema(v: VersionTraits): SchemaObject {
  // rc1 and draft 2025-03 spelled the link `control-configuration-url`.
  const configKey = v.early ? 'control-configuration-url' : 'control-config-url';
  return {
    $schema: JSON_SCHEMA_2020_12,
    $id: metaUrl(v.id, 'evidence.json'),
    title: 'CALM evidence',
    description: 'Evidence that a control requirement is met.',
    type: 'object',
    properties: {
      evidence: {
        type: 'object',
        description: 'The evidence: where it is and which control configuration it supports.',
        properties: {
          'unique-id': stringType('Identifies this evidence.'),
          'evidence-paths': stringList('Where the evidence can be found.'),
          [configKey]: stringType('The URL of the control configuration this evidence supports.'),
        },
        required: ['unique-id', 'evidence-paths', configKey],
      },
    },
    required: ['evidence'],
  };
}
