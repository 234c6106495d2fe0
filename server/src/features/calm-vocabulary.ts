/**
 * What CALM users write that the meta schemas leave open: the properties interfaces conventionally carry
 * (interfaces are open objects in the schema), and the value bodies that make a relationship kind
 * complete when its name is chosen.
 */
import type { JSONPath } from 'jsonc-parser';
import { metaUrl, PROTOCOLS, VERSIONS } from '../calm/schema/definitions';
import type { PropertyInfo } from './schema-walker';

const INTERFACE_PROPERTIES: readonly PropertyInfo[] = [
  { name: 'protocol', description: 'The protocol this interface speaks, e.g. HTTPS or JDBC.', types: ['string'], enumValues: [...PROTOCOLS], required: false },
  { name: 'host', description: 'The host name or address this interface listens on.', types: ['string'], enumValues: [], required: false },
  { name: 'port', description: 'The port number this interface listens on.', types: ['integer'], enumValues: [], required: false },
  { name: 'url', description: 'The URL at which this interface is reached.', types: ['string'], enumValues: [], required: false },
];

/** The meta schema URL of every bundled version, releases newest first, then drafts: what `$schema` may name. */
const META_SCHEMA_URLS: readonly string[] = [
  ...VERSIONS.filter((v) => v.id.startsWith('release/')).reverse(),
  ...VERSIONS.filter((v) => v.id.startsWith('draft/')).reverse(),
].map((v) => metaUrl(v.id, 'calm.json'));

const ROOT_PROPERTIES: readonly PropertyInfo[] = [
  { name: '$schema', description: 'The CALM version this architecture is written in (its meta schema URL), or the pattern it must conform to.', types: ['string'], enumValues: META_SCHEMA_URLS, required: false },
];

function isInterfacePath(path: JSONPath): boolean {
  return path.length === 4 && path[0] === 'nodes' && typeof path[1] === 'number' && path[2] === 'interfaces' && typeof path[3] === 'number';
}

/** Conventional properties at an object path, beyond what the schema declares. */
export function conventionalProperties(path: JSONPath): readonly PropertyInfo[] {
  if (path.length === 0) return ROOT_PROPERTIES;
  return isInterfacePath(path) ? INTERFACE_PROPERTIES : [];
}

/** Conventional values at a value path, beyond the schema's enums. */
export function conventionalValues(path: JSONPath): readonly string[] {
  if (path.length === 1 && path[0] === '$schema') return META_SCHEMA_URLS;
  if (path.length === 5 && isInterfacePath(path.slice(0, 4)) && path[4] === 'protocol') return PROTOCOLS;
  return [];
}

/** Snippet bodies (tab-indented) for the value of each relationship kind. */
export const RELATIONSHIP_KIND_BODIES: Readonly<Record<string, string>> = {
  interacts: '{\n\t"actor": "$1",\n\t"nodes": [\n\t\t"$2"\n\t]\n}',
  connects: '{\n\t"source": {\n\t\t"node": "$1"\n\t},\n\t"destination": {\n\t\t"node": "$2"\n\t}\n}',
  'deployed-in': '{\n\t"container": "$1",\n\t"nodes": [\n\t\t"$2"\n\t]\n}',
  'composed-of': '{\n\t"container": "$1",\n\t"nodes": [\n\t\t"$2"\n\t]\n}',
  options: '[\n\t{\n\t\t"description": "$1",\n\t\t"nodes": [],\n\t\t"relationships": []\n\t}\n]',
};
