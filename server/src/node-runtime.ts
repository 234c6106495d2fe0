/** The language server's host services in Node: schema loading from the file system with the URL map setting. */
import { dirname, isAbsolute, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SchemaLoad, SchemaLoader } from './calm/schema/loader';
import { createNodeSchemaLoader, loadUrlMap } from './node-schema-loader';
import type { SchemaLoaderRequest, ServerRuntime } from './start-server';

function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/** The workspace folder holding the document (the deepest one), else the first folder. */
function folderOf(documentPath: string | undefined, folders: readonly string[]): string | undefined {
  const paths = folders.map(filePath).filter((p): p is string => p !== undefined);
  if (documentPath) {
    const holding = paths.filter((p) => documentPath === p || documentPath.startsWith(p.endsWith(sep) ? p : p + sep));
    if (holding.length > 0) return holding.reduce((a, b) => (b.length > a.length ? b : a));
  }
  return paths[0];
}

export function createSchemaLoaderForDocument(request: SchemaLoaderRequest): SchemaLoader {
  const documentPath = filePath(request.documentUri);
  const baseDir = documentPath ? dirname(documentPath) : undefined;
  const setting = request.urlMap;
  let mapFile: string | undefined;
  if (setting !== '') {
    const root = isAbsolute(setting) ? undefined : (folderOf(documentPath, request.workspaceFolders) ?? baseDir);
    mapFile = root === undefined ? setting : resolve(root, setting);
  }
  // Patterns come from the workspace; a document opened from elsewhere may still use the ones beside it.
  const folders = request.workspaceFolders.map(filePath).filter((p): p is string => p !== undefined);
  const roots = folders.length > 0 ? [...folders, ...(baseDir === undefined ? [] : [baseDir])] : undefined;
  const plain = createNodeSchemaLoader({ baseDir, roots });
  return (ref: string): SchemaLoad => {
    if (mapFile === undefined) return plain(ref);
    // Read on every load (cached by modification time) so an edited map applies without a restart.
    const map = loadUrlMap(mapFile);
    if (!map.ok) {
      const load = plain(ref);
      return load.ok ? load : { ok: false, message: `${load.message} (${map.message})` };
    }
    return createNodeSchemaLoader({ baseDir, roots, urlMap: map.map })(ref);
  };
}

export const nodeRuntime: ServerRuntime = { createSchemaLoader: createSchemaLoaderForDocument };
