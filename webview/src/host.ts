/** The webview's link to the extension: VS Code's `acquireVsCodeApi()`, typed with our protocol. */
import type { FromWebview, PreviewState, ToWebview } from './messages';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

export interface Host {
  post(message: FromWebview): void;
  state(): unknown;
  saveState(state: PreviewState): void;
  onMessage(handler: (message: ToWebview) => void): void;
}

const TO_WEBVIEW_TYPES: readonly string[] = ['model', 'select', 'export', 'serverState'];

export function connectHost(): Host {
  const api = acquireVsCodeApi();
  return {
    post: (message) => api.postMessage(message),
    state: () => api.getState(),
    saveState: (state) => api.setState(state),
    onMessage: (handler) =>
      window.addEventListener('message', (event: MessageEvent<unknown>) => {
        const data = event.data;
        // Only the extension posts to this window; anything else (another frame, a stray event) is ignored.
        if (typeof data === 'object' && data !== null && 'type' in data && TO_WEBVIEW_TYPES.includes(String(data.type))) handler(data as ToWebview);
      }),
  };
}
