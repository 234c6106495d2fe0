/**
 * The language server's host services in Node: schema loading from the file system with the URL map
 * setting, and remote schemas from the hosts the user allows (never in an untrusted workspace).
 */
import { dirname, isAbsolute, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SchemaLoad, SchemaLoader } from './calm/schema/loader';
import { createNodeSchemaLoader, loadUrlMap } from './node-schema-loader';
import { fetchJson } from './remote-fetch';
import { createRemoteLoader, RemoteSchemaCache } from './remote-schemas';
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

/** Downloads are shared by every document for the life of the server. */
const remoteSchemas = new RemoteSchemaCache((url, mayRedirectTo) => fetchJson(url, mayRedirectTo));

export function createSchemaLoaderForDocument(request: SchemaLoaderRequest): SchemaLoader {
  const documentPath = filePath(request.documentUri);
  const baseDir = documentPath ? dirname(documentPath) : undefined;
  const trusted = request.trusted !== false;
  // A URL map could point anywhere on disk: an untrusted workspace's map is not followed.
  const setting = trusted ? request.urlMap : '';
  let mapFile: string | undefined;
  if (setting !== '') {
    const root = isAbsolute(setting) ? undefined : (folderOf(documentPath, request.workspaceFolders) ?? baseDir);
    mapFile = root === undefined ? setting : resolve(root, setting);
  }
  // Patterns come from the workspace; a document opened from elsewhere may still use the ones beside it.
  const folders = request.workspaceFolders.map(filePath).filter((p): p is string => p !== undefined);
  const roots = folders.length > 0 ? [...folders, ...(baseDir === undefined ? [] : [baseDir])] : undefined;
  const remote = createRemoteLoader(
    remoteSchemas,
    { trusted, allowedHosts: request.allowedRemoteHosts ?? [] },
    { onSettled: request.onRemoteSchemaSettled, log: request.log },
  );
  const plain = createNodeSchemaLoader({ baseDir, roots, remote });
  return (ref: string): SchemaLoad => {
    if (mapFile === undefined) return plain(ref);
    // Read on every load (cached by modification time) so an edited map applies without a restart.
    const map = loadUrlMap(mapFile);
    if (!map.ok) {
      const load = plain(ref);
      return load.ok ? load : { ok: false, message: `${load.message} (${map.message})` };
    }
    return createNodeSchemaLoader({ baseDir, roots, urlMap: map.map, remote })(ref);
  };
}

export const nodeRuntime: ServerRuntime = { createSchemaLoader: createSchemaLoaderForDocument, settingsChanged: () => remoteSchemas.forgetFailures() };
