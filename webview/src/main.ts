/**
 * The preview webview's entry (dist/webview/main.js). The page (client/src/preview/preview-html.ts)
 * gives it the worker script's URL and an empty #calm-app; the diagram's rules are added here with the
 * page's nonce, since the Content-Security-Policy admits no other inline style.
 */
import { webviewDiagramCss } from './diagram-style';
import { connectHost } from './host';
import { PreviewApp } from './preview-app';

const DEFAULT_DEADLINE_MS = 30_000;

function start(): void {
  const nonce = (document.currentScript as HTMLScriptElement | null)?.nonce ?? '';
  const style = document.createElement('style');
  style.nonce = nonce;
  style.textContent = webviewDiagramCss();
  document.head.appendChild(style);

  const root = document.getElementById('calm-app');
  const workerUrl = document.body.dataset.worker;
  if (!root || workerUrl === undefined) throw new Error('The preview page is missing its #calm-app element or its worker URL.');
  const deadline = Number(document.body.dataset.layoutDeadlineMs);
  new PreviewApp(connectHost(), root, { workerUrl, deadlineMs: Number.isFinite(deadline) && deadline > 0 ? deadline : DEFAULT_DEADLINE_MS });
}

start();
