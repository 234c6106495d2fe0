/** interface.json: what a node exposes, and how a connects relationship names a node's interfaces. */
import { JSON_SCHEMA_2020_12, ref, stringList, stringType, type SchemaObject } from './json-schema';
import { metaUrl, type VersionTraits } from './versions';

function interfaceDefinition(v: VersionTraits): SchemaObject {
  // rc1 named the two fields `interface-definition-url` and `configuration`; 1.0-rc2 shortened them.
  const urlKey = v.early ? 'interface-definition-url' : 'definition-url';
  const configKey = v.early ? 'configuration' : 'config';
  return {
    type: 'object',
    description: 'An interface described by an external schema: its id, the URL of that schema, and a configuration that satisfies it.',
    properties: {
      'unique-id': stringType('Identifies this interface; connects relationships refer to it by this id.'),
      [urlKey]: stringType('Where the schema describing this kind of interface lives.'),
      [configKey]: { type: 'object', description: 'The settings of this interface, in the shape the definition schema asks for.' },
    },
    required: ['unique-id', urlKey, configKey],
    additionalProperties: false,
  };
}

/** An interface type of the early versions: an interface-type plus the fields of one kind of endpoint. */
function typedInterface(fields: Record<string, SchemaObject>): SchemaObject {
  return {
    $ref: '#/defs/interface-type',
    type: 'object',
    properties: fields,
    required: Object.keys(fields),
  };
}

/** The typed interfaces (host/port, URL, rate limit, ...) that rc1 and draft 2025-03 published. */
function earlyInterfaceTypes(): Record<string, SchemaObject> {
  return {
    'host-port-interface': typedInterface({ host: stringType('Host name or address.'), port: { type: 'integer', description: 'Port number.' } }),
    'hostname-interface': typedInterface({ hostname: stringType('Host name.') }),
    'path-interface': typedInterface({ path: stringType('A path, e.g. of a URL or a file.') }),
    'oauth2-audience-interface': typedInterface({ audiences: stringList('The OAuth2 audiences accepted.', 1) }),
    'url-interface': typedInterface({ url: stringType('The URL of the interface.') }),
    'rate-limit-interface': typedInterface({
      key: ref('#/defs/rate-limit-key', 'What the rate limit is counted by.'),
      time: { type: 'integer', description: 'Length of the rate-limit window.' },
      'time-unit': ref('#/defs/rate-limit-time-unit', 'Unit of the rate-limit window.'),
      calls: { type: 'integer', description: 'Calls allowed per window.' },
    }),
    'rate-limit-key': {
      type: 'object',
      properties: {
        'key-type': ref('#/defs/rate-limit-key-type', 'What identifies a caller.'),
        'static-value': stringType('A fixed key value.'),
      },
      required: ['key-type'],
    },
    'rate-limit-key-type': { enum: ['User', 'IP', 'Global', 'Header', 'OAuth2Client'] },
    'rate-limit-time-unit': { enum: ['Seconds', 'Minutes', 'Hours'] },
    'container-image-interface': typedInterface({ image: stringType('The container image.') }),
    'port-interface': typedInterface({ port: { type: 'integer', description: 'Port number.' } }),
  };
}

export function interfaceSchema(v: VersionTraits): SchemaObject {
  const interfaceType: SchemaObject = {
    type: 'object',
    description: 'An interface of a node: a unique-id plus whatever describes the endpoint (host, port, url, ...).',
    properties: { 'unique-id': stringType('Identifies this interface; connects relationships refer to it by this id.') },
    required: ['unique-id'],
    ...(v.early ? {} : { additionalProperties: true }),
  };
  return {
    $schema: JSON_SCHEMA_2020_12,
    $id: metaUrl(v.id, 'interface.json'),
    title: 'CALM interfaces',
    defs: {
      // draft 2025-03 had no modular interface definitions.
      ...(v.interfaceItems === 'interface-type' ? {} : { 'interface-definition': interfaceDefinition(v) }),
      'interface-type': interfaceType,
      'node-interface': {
        type: 'object',
        description: 'One end of a connects relationship: a node and, optionally, some of its interfaces.',
        properties: {
          node: stringType('The unique-id of the node.'),
          interfaces: stringList('The unique-ids of interfaces defined on that node.'),
        },
        required: ['node'],
      },
      ...(v.early ? earlyInterfaceTypes() : {}),
    },
  };
}
