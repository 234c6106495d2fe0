/**
 * The CALM files of the workspace folders that are not open in the editor: found with a glob when
 * first asked for (never at start-up), read and parsed only when new or changed since the last time.
 */
import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isCalmDocument, looksLikeCalm } from '../calm/detect';
import type { CalmDocument } from '../calm/model';
import { parseCalm } from '../calm/parse';

/** Folders never searched: dependencies, build output and VCS internals hold no user architectures. */
const IGNORE = ['**/node_modules/**', '**/.git/**', '**/.vscode-test/**', '**/dist/**', '**/out/**'];
/** A bound on the work one request may trigger in a huge workspace. */
export const MAX_WORKSPACE_FILES = 2000;
/** Larger files are skipped: a workspace-wide feature must not stall on one giant JSON dump. */
export const MAX_FILE_BYTES = 16 * 1024 * 1024;

export interface WorkspaceFile {
  readonly uri: string;
  readonly doc: CalmDocument;
}

interface Cached {
  readonly mtimeMs: number;
  readonly size: number;
  /** Undefined: not a CALM document. */
  readonly doc: CalmDocument | undefined;
}

function folderPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export class WorkspaceCalmFiles {
  private readonly cache = new Map<string, Cached>();

  /** CALM files under the folders, except those `skip` says are open (their live text is the truth). */
  async list(folderUris: readonly string[], skip: (uri: string) => boolean, cancelled: () => boolean = () => false): Promise<WorkspaceFile[]> {
    const paths = new Set<string>();
    for (const folder of folderUris) {
      const cwd = folderPath(folder);
      if (!cwd) continue;
      // Loaded on first use: fast-glob costs the server 12-20 ms at every start otherwise.
      const fg = (await import('fast-glob')).default;
      const found = await fg('**/*.json', { cwd, absolute: true, ignore: IGNORE, suppressErrors: true, followSymbolicLinks: false });
      for (const p of found) if (paths.size < MAX_WORKSPACE_FILES) paths.add(p);
    }
    const out: WorkspaceFile[] = [];
    for (const path of paths) {
      if (cancelled()) break;
      const uri = pathToFileURL(path).toString();
      if (skip(uri)) continue;
      const doc = await this.read(path);
      if (doc) out.push({ uri, doc });
    }
    for (const cached of this.cache.keys()) if (!paths.has(cached)) this.cache.delete(cached);
    return out;
  }

  private async read(path: string): Promise<CalmDocument | undefined> {
    try {
      const info = await stat(path);
      const cached = this.cache.get(path);
      if (cached && cached.mtimeMs === info.mtimeMs && cached.size === info.size) return cached.doc;
      let doc: CalmDocument | undefined;
      if (info.size <= MAX_FILE_BYTES) {
        const text = await readFile(path, 'utf8');
        if (looksLikeCalm(text)) {
          const parsed = parseCalm(text);
          doc = isCalmDocument(parsed) ? parsed : undefined;
        }
      }
      this.cache.set(path, { mtimeMs: info.mtimeMs, size: info.size, doc });
      return doc;
    } catch {
      // Deleted or unreadable since the glob ran: not part of the workspace any more.
      this.cache.delete(path);
      return undefined;
    }
  }
}
