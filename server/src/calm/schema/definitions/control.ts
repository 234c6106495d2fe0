/** control.json: control requirements attached to an architecture, a node, a relationship or a flow. */
import { JSON_SCHEMA_2020_12, ref, requires, stringType, type SchemaObject } from './json-schema';
import { metaUrl, type VersionTraits } from './versions';

/** The property names of one control requirement; the early versions prefixed them with `control-`. */
export function controlDetailKeys(v: VersionTraits): { requirementUrl: string; configUrl: string; config: string } {
  return v.early
    ? { requirementUrl: 'control-requirement-url', configUrl: 'control-config-url', config: 'control-config' }
    : { requirementUrl: 'requirement-url', configUrl: 'config-url', config: 'config' };
}

function controlDetail(v: VersionTraits): SchemaObject {
  const keys = controlDetailKeys(v);
  return {
    type: 'object',
    description: 'One requirement of a control: the schema it must meet and how it is met.',
    properties: {
      [keys.requirementUrl]: stringType('The URL of the requirement schema that says what this control demands.'),
      [keys.configUrl]: stringType('The URL of a configuration showing how the requirement is met.'),
      ...(v.inlineControlConfig ? { [keys.config]: { type: 'object', description: 'The configuration showing how the requirement is met, written inline.' } } : {}),
    },
    required: [keys.requirementUrl],
    ...(v.inlineControlConfig ? { oneOf: [requires(keys.configUrl), requires(keys.config)] } : {}),
  };
}

export function controlSchema(v: VersionTraits): SchemaObject {
  return {
    $schema: JSON_SCHEMA_2020_12,
    $id: metaUrl(v.id, 'control.json'),
    title: 'CALM controls',
    description: 'Controls, grouped by domain (e.g. security), each with the requirements it must meet.',
    defs: {
      'control-detail': controlDetail(v),
      controls: {
        type: 'object',
        description: 'Controls by domain name (letters, digits and dashes).',
        patternProperties: {
          '^[a-zA-Z0-9-]+$': {
            type: 'object',
            properties: {
              description: stringType('What this control is about and how it applies here.'),
              requirements: {
                type: 'array',
                description: 'The requirements of this control.',
                items: ref('#/defs/control-detail'),
              },
            },
            required: ['description', 'requirements'],
          },
        },
      },
    },
  };
}
