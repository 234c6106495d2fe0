/**
 * Serves the BUILT preview (dist/webview) on 127.0.0.1 with the page the extension would give it
 * (client/src/preview/preview-html.ts, same Content-Security-Policy), plus the stand-in for VS Code's
 * webview API. The origin plays the part of `webview.cspSource`.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { previewHtml } from '../../../client/src/preview/preview-html';

export const REPO_ROOT = resolve(__dirname, '../../..');

const TYPES: Readonly<Record<string, string>> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.map': 'application/json' };

export interface HarnessServer {
  readonly origin: string;
  /** Keeps a message for the page to fetch once; returns its URL. */
  stash(json: string): string;
  /** The page URL; `deadlineMs` overrides the layout deadline. */
  pageUrl(options?: { deadlineMs?: number }): string;
  close(): Promise<void>;
}

export const NONCE = 'calmTestNonce0123456789abcdefABCD';

export interface HarnessOptions {
  /** The repository (default: found from this file; a bundled copy, as the benchmarks run it, passes it). */
  readonly repoRoot?: string;
  /** More files to serve, by URL path (the benchmark's Mermaid page). */
  readonly files?: Readonly<Record<string, string>>;
}

export async function startHarness(options: HarnessOptions = {}): Promise<HarnessServer> {
  const root = options.repoRoot ?? REPO_ROOT;
  const DIST = join(root, 'dist/webview');
  const HARNESS = join(root, 'test/webview/harness');
  const files = options.files ?? {};
  let origin = '';
  const stashed = new Map<string, string>();
  let nextStash = 1;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', origin);
      try {
        if (url.pathname === '/') {
          const deadline = url.searchParams.get('deadline');
          const html = previewHtml({
            cspSource: origin,
            nonce: NONCE,
            scriptUri: `${origin}/dist/main.js`,
            workerUri: `${origin}/dist/layout-worker.js`,
            styleUri: `${origin}/dist/preview.css`,
            title: 'CALM preview (test)',
            preludeScriptUris: [`${origin}/harness/vscode-stub.js`],
            layoutDeadlineMs: deadline === null ? undefined : Number(deadline),
          });
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end(html);
          return;
        }
        if (url.pathname === '/favicon.ico') {
          res.writeHead(204).end();
          return;
        }
        const extra = Object.hasOwn(files, url.pathname) ? files[url.pathname] : undefined;
        if (extra !== undefined) {
          res.writeHead(200, { 'content-type': TYPES[extname(extra)] ?? 'application/octet-stream' });
          res.end(await readFile(extra));
          return;
        }
        if (url.pathname.startsWith('/message/')) {
          const body = stashed.get(url.pathname);
          stashed.delete(url.pathname);
          res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json' });
          res.end(body);
          return;
        }
        const [base, rest] = url.pathname.startsWith('/dist/') ? [DIST, url.pathname.slice(6)] : url.pathname.startsWith('/harness/') ? [HARNESS, url.pathname.slice(9)] : [undefined, ''];
        const file = base === undefined ? undefined : normalize(join(base, rest));
        if (base === undefined || file === undefined || !file.startsWith(base)) {
          res.writeHead(404).end();
          return;
        }
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(body);
      } catch {
        res.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    stash: (json) => {
      const path = `/message/${nextStash++}`;
      stashed.set(path, json);
      return `${origin}${path}`;
    },
    pageUrl: (options = {}) => `${origin}/${options.deadlineMs !== undefined ? `?deadline=${options.deadlineMs}` : ''}`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
