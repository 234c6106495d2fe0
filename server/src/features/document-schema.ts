/** The bundled CALM schema that applies to a document, as a walker for completion and hover. */
import type { CalmDocument } from '../calm/model';
import { getMetaSchemas, NEWEST_RELEASE } from '../calm/schema/definitions';
import { SchemaWalker, type SchemaLike } from './schema-walker';

const walkers = new Map<string, SchemaWalker>();

/** `release/1.1` for a document whose `$schema` names a bundled CALM version, else the newest release. */
export function documentVersion(doc: CalmDocument): string {
  if (doc.schema.kind === 'meta') {
    const version = `${doc.schema.channel}/${doc.schema.version}`;
    if (getMetaSchemas(version)) return version;
  }
  return NEWEST_RELEASE;
}

/** Walks the version's `core.json`: the architecture vocabulary (calm.json adds only the JSON Schema meta-schema). */
export function schemaWalkerFor(doc: CalmDocument): SchemaWalker | undefined {
  const version = documentVersion(doc);
  const cached = walkers.get(version);
  if (cached) return cached;
  const schemas = getMetaSchemas(version);
  const core = schemas?.find((s) => s.file === 'core.json');
  if (!schemas || !core) return undefined;
  const byId = new Map<string, SchemaLike>(schemas.map((s) => [s.id, s.schema]));
  const walker = new SchemaWalker({ entry: core.id, byId });
  walkers.set(version, walker);
  return walker;
}
