/** Our CALM meta schemas, by version: each answers the published `$id` and `#/defs/...` pointers. */
import { calmMetaSchema, calmTimelineMetaSchema } from './calm';
import { controlSchema } from './control';
import { controlRequirementSchema } from './control-requirement';
import { coreSchema } from './core';
import { decoratorsSchema } from './decorators';
import { evidenceSchema } from './evidence';
import { flowSchema } from './flow';
import { interfaceSchema } from './interface';
import type { SchemaObject } from './json-schema';
import { timelineSchema } from './timeline';
import { unitsSchema } from './units';
import { metaUrl, VERSIONS, versionTraits, type CalmVersionId, type VersionTraits } from './versions';

export type { JsonValue, SchemaObject } from './json-schema';
export { NEWEST_RELEASE, VERSIONS, metaUrl, versionTraits, type CalmVersionId, type VersionTraits } from './versions';
export { NODE_TYPES, PROTOCOLS, RELATIONSHIP_TYPE_ORDER } from './core';

export interface MetaSchema {
  readonly version: CalmVersionId;
  /** File name within the version's `meta/` folder, e.g. `core.json`. */
  readonly file: string;
  /** The published URL, equal to the schema's `$id`. */
  readonly id: string;
  readonly schema: SchemaObject;
}

type Builder = (v: VersionTraits) => SchemaObject;

const FILES: readonly (readonly [string, Builder, (v: VersionTraits) => boolean])[] = [
  ['calm.json', calmMetaSchema, () => true],
  ['core.json', coreSchema, () => true],
  ['interface.json', interfaceSchema, () => true],
  ['control.json', controlSchema, () => true],
  ['control-requirement.json', controlRequirementSchema, () => true],
  ['evidence.json', evidenceSchema, () => true],
  ['flow.json', flowSchema, () => true],
  ['units.json', unitsSchema, () => true],
  ['decorators.json', decoratorsSchema, (v) => v.timelines],
  ['timeline.json', timelineSchema, (v) => v.timelines],
  ['calm-timeline.json', calmTimelineMetaSchema, (v) => v.timelines],
];

const cache = new Map<CalmVersionId, readonly MetaSchema[]>();

/** Every meta schema file of one version (undefined for a version we do not know). */
export function getMetaSchemas(version: string): readonly MetaSchema[] | undefined {
  const traits = versionTraits(version);
  if (!traits) return undefined;
  let schemas = cache.get(traits.id);
  if (!schemas) {
    schemas = FILES.filter(([, , has]) => has(traits)).map(([file, build]) => ({
      version: traits.id,
      file,
      id: metaUrl(traits.id, file),
      schema: build(traits),
    }));
    cache.set(traits.id, schemas);
  }
  return schemas;
}

/** One meta schema by version and file name, e.g. (`release/1.1`, `core.json`). */
export function getMetaSchema(version: string, file: string): MetaSchema | undefined {
  return getMetaSchemas(version)?.find((s) => s.file === file);
}

/** Every meta schema of every version we bundle. */
export function allMetaSchemas(): readonly MetaSchema[] {
  return VERSIONS.flatMap((v) => getMetaSchemas(v.id) ?? []);
}
