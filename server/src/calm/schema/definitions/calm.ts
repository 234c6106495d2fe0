/**
 * calm.json and calm-timeline.json: the meta schemas documents name in `$schema`. Each is the
 * JSON Schema 2020-12 meta schema plus a CALM vocabulary, and carries `$dynamicAnchor: meta` so
 * that a pattern (a schema whose `$schema` is calm.json) has every one of its subschemas checked
 * against both.
 */
import { JSON_SCHEMA_2020_12, ref, type SchemaObject } from './json-schema';
import { metaUrl, type VersionTraits } from './versions';

function metaSchema(v: VersionTraits, file: string, vocabulary: string, title: string): SchemaObject {
  const vocab = (name: string) => `https://json-schema.org/draft/2020-12/vocab/${name}`;
  return {
    $schema: JSON_SCHEMA_2020_12,
    $id: metaUrl(v.id, file),
    $vocabulary: {
      [vocab('core')]: true,
      [vocab('applicator')]: true,
      [vocab('validation')]: true,
      [vocab('meta-data')]: true,
      [vocab('format-annotation')]: true,
      [vocab('content')]: true,
      [metaUrl(v.id, 'core.json')]: true,
    },
    $dynamicAnchor: 'meta',
    title,
    allOf: [ref(JSON_SCHEMA_2020_12), ref(metaUrl(v.id, vocabulary))],
  };
}

export function calmMetaSchema(v: VersionTraits): SchemaObject {
  return metaSchema(v, 'calm.json', 'core.json', 'CALM architecture and pattern schema');
}

export function calmTimelineMetaSchema(v: VersionTraits): SchemaObject {
  return metaSchema(v, 'calm-timeline.json', 'timeline.json', 'CALM timeline schema');
}
