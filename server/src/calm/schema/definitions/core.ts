/** core.json: the CALM vocabulary of an architecture (nodes, relationships, metadata, controls, flows). */
import { JSON_SCHEMA_2020_12, ref, requires, stringList, stringType, type SchemaObject } from './json-schema';
import { metaUrl, type VersionTraits } from './versions';

export const NODE_TYPES = ['actor', 'ecosystem', 'system', 'service', 'database', 'network', 'ldap', 'webclient', 'data-asset'] as const;

export const PROTOCOLS = ['HTTP', 'HTTPS', 'FTP', 'SFTP', 'JDBC', 'WebSocket', 'SocketIO', 'LDAP', 'AMQP', 'TLS', 'mTLS', 'TCP'] as const;

/** The relationship types, in the order the schema's `oneOf` tries them. */
export const RELATIONSHIP_TYPE_ORDER = ['deployed-in', 'composed-of', 'interacts', 'connects', 'options'] as const;

const DATA_CLASSIFICATIONS = ['Public', 'Confidential', 'Highly Restricted', 'MNPI', 'PII'];
const AUTHENTICATION_METHODS = ['Basic', 'OAuth2', 'Kerberos', 'SPNEGO', 'Certificate'];

function nodeSchema(v: VersionTraits): SchemaObject {
  const interfaceRefs = [ref('interface.json#/defs/interface-definition'), ref('interface.json#/defs/interface-type')];
  const interfaceItems: SchemaObject =
    v.interfaceItems === 'interface-type'
      ? ref('interface.json#/defs/interface-type')
      : v.interfaceItems === 'oneOf'
        ? { oneOf: interfaceRefs }
        : { anyOf: interfaceRefs };
  return {
    type: 'object',
    description: 'A component of the architecture: a person, system, service, database, network or any other building block.',
    properties: {
      'unique-id': stringType('Identifies this node in the document; relationships, flows and decorators refer to it by this id.'),
      'node-type': ref('#/defs/node-type-definition', 'What kind of component this is, e.g. actor, system, service, database.'),
      name: stringType('A short human-readable name.'),
      description: stringType('What this node is and does.'),
      details: {
        type: 'object',
        description: 'Links to documents that describe this node in more depth.',
        properties: {
          'detailed-architecture': stringType('A CALM architecture that describes the inside of this node.'),
          'required-pattern': stringType('A CALM pattern that the detailed architecture must conform to.'),
        },
        additionalProperties: false,
      },
      ...(v.early
        ? {
            'data-classification': ref('#/defs/data-classification', 'How sensitive the data this node holds is.'),
            'run-as': stringType('The identity the node runs as.'),
          }
        : {}),
      interfaces: {
        type: 'array',
        description: 'The points through which other nodes connect to this node.',
        items: interfaceItems,
      },
      controls: ref('control.json#/defs/controls', 'Control requirements that apply to this node, by domain.'),
      metadata: ref('#/defs/metadata', 'Free-form information about this node.'),
    },
    required: ['unique-id', 'node-type', 'name', 'description'],
    additionalProperties: true,
  };
}

function relationshipSchema(v: VersionTraits): SchemaObject {
  return {
    type: 'object',
    description: 'How nodes relate: one interacts, connects, deployed-in, composed-of or options relationship.',
    properties: {
      'unique-id': stringType('Identifies this relationship in the document; flow transitions refer to it by this id.'),
      description: stringType('What this relationship means.'),
      'relationship-type': {
        type: 'object',
        description: 'Exactly one of interacts, connects, deployed-in, composed-of or options.',
        properties: {
          interacts: ref('#/defs/interacts-type', 'An actor interacts with one or more nodes.'),
          connects: ref('#/defs/connects-type', 'A source node (and interfaces) connects to a destination node (and interfaces).'),
          'deployed-in': ref('#/defs/deployed-in-type', 'Nodes are deployed in a container node.'),
          'composed-of': ref('#/defs/composed-of-type', 'A container node is composed of other nodes.'),
          options: ref('#/defs/option-type', 'Alternative decisions a pattern leaves open.'),
        },
        oneOf: RELATIONSHIP_TYPE_ORDER.map((kind) => requires(kind)),
      },
      protocol: ref('#/defs/protocol', 'The protocol used over this relationship.'),
      ...(v.relationshipAuthentication ? { authentication: ref('#/defs/authentication', 'How the relationship is authenticated.') } : {}),
      metadata: ref('#/defs/metadata', 'Free-form information about this relationship.'),
      controls: ref('control.json#/defs/controls', 'Control requirements that apply to this relationship, by domain.'),
    },
    required: ['unique-id', 'relationship-type'],
    additionalProperties: true,
  };
}

function nodeTypeSchema(v: VersionTraits): SchemaObject {
  const known: SchemaObject = { enum: [...NODE_TYPES] };
  // Later versions keep the list as suggestions and accept any string as a custom node type.
  return v.openNodeTypes ? { anyOf: [known, { type: 'string' }] } : known;
}

/** interacts, deployed-in and composed-of share one shape: someone (actor/container) and the nodes concerned. */
function groupType(owner: 'actor' | 'container', ownerText: string, nodesText: string, required: boolean): SchemaObject {
  return {
    type: 'object',
    properties: {
      [owner]: stringType(ownerText),
      nodes: stringList(nodesText, 1),
    },
    ...(required ? { required: [owner, 'nodes'] } : {}),
  };
}

function metadataSchema(v: VersionTraits): SchemaObject {
  const list: SchemaObject = { type: 'array', items: { type: 'object' } };
  if (v.early) return list;
  return { oneOf: [list, { type: 'object', additionalProperties: true }] };
}

export function coreSchema(v: VersionTraits): SchemaObject {
  return {
    $schema: JSON_SCHEMA_2020_12,
    $id: metaUrl(v.id, 'core.json'),
    title: 'CALM core vocabulary',
    ...(v.early ? {} : { type: 'object' }),
    properties: {
      nodes: { type: 'array', description: 'The components of the architecture.', items: ref('#/defs/node') },
      relationships: { type: 'array', description: 'How the nodes relate to each other.', items: ref('#/defs/relationship') },
      metadata: ref('#/defs/metadata', 'Free-form information about the architecture.'),
      controls: ref('control.json#/defs/controls', 'Control requirements that apply to the whole architecture, by domain.'),
      flows: { type: 'array', description: 'Business flows across the relationships of the architecture.', items: ref('flow.json#/defs/flow') },
      ...(v.adrs ? { adrs: stringList('Links to Architecture Decision Records or similar documents explaining decisions about this architecture.') } : {}),
      // The published core.json (1.0 onwards) has this inside `properties`: it forbids a property literally
      // named `additionalProperties` and leaves the object open. Kept so results match the published schema.
      ...(v.early ? {} : { additionalProperties: false }),
    },
    defs: {
      node: nodeSchema(v),
      relationship: relationshipSchema(v),
      ...(v.early ? { 'data-classification': { enum: DATA_CLASSIFICATIONS } } : {}),
      protocol: { enum: [...PROTOCOLS] },
      ...(v.relationshipAuthentication ? { authentication: { enum: AUTHENTICATION_METHODS } } : {}),
      'node-type-definition': nodeTypeSchema(v),
      'interacts-type': groupType('actor', 'The unique-id of the actor node that interacts.', 'The unique-ids of the nodes the actor interacts with.', true),
      'connects-type': {
        type: 'object',
        properties: {
          source: ref('interface.json#/defs/node-interface', 'The node (and its interfaces) the connection starts from.'),
          destination: ref('interface.json#/defs/node-interface', 'The node (and its interfaces) the connection goes to.'),
        },
        required: ['source', 'destination'],
      },
      // Early versions did not require the container and nodes of a deployed-in relationship.
      'deployed-in-type': groupType('container', 'The unique-id of the node the others are deployed in.', 'The unique-ids of the deployed nodes.', !v.early),
      'composed-of-type': groupType('container', 'The unique-id of the node composed of the others.', 'The unique-ids of the nodes it is composed of.', true),
      'option-type': { type: 'array', items: ref('#/defs/decision') },
      decision: {
        type: 'object',
        description: 'One choice of an options relationship: the nodes, relationships and controls it brings in.',
        properties: {
          description: stringType('What choosing this option means.'),
          nodes: stringList('The unique-ids of the nodes this option brings in.'),
          relationships: stringList('The unique-ids of the relationships this option brings in.'),
          controls: stringList('The unique-ids of the controls this option brings in.'),
          ...(v.early ? { metadata: stringList('Free-form notes about this option.') } : {}),
        },
        required: ['description', 'nodes', 'relationships'],
      },
      metadata: metadataSchema(v),
    },
  };
}
