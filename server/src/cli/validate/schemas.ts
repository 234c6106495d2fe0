/** Where `validate` finds patterns and mapped schemas: the file-system loader, per document folder. */
import type { SchemaLoader } from '../../calm/schema/loader';
import { createNodeSchemaLoader, loadUrlMap, type UrlMap } from '../../node-schema-loader';
import { UsageError } from '../command';

/** Reads `--url-map`; a missing or malformed map stops the run before anything is validated. */
export function readUrlMap(absolute: string, display: string): UrlMap {
  const load = loadUrlMap(absolute);
  if (!load.ok) throw new UsageError(`--url-map ${display}: ${load.message}`);
  return load.map;
}

/** Relative `$schema` paths resolve against the document's own folder, as the reference does. */
export function schemaLoaderFor(documentDir: string, urlMap: UrlMap | undefined): SchemaLoader {
  return createNodeSchemaLoader({ baseDir: documentDir, urlMap });
}
