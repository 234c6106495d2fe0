/**
 * The preview page: a strict Content-Security-Policy (scripts only with this page's nonce, styles only
 * from the extension or with the nonce, the layout worker only from a blob, no eval, no inline handlers),
 * the stylesheet, the script, and where the layout worker's script is. No vscode import: the webview
 * tests serve the very same page.
 */

export interface PreviewPageParts {
  /** `webview.cspSource`: the origin the page's own resources come from. */
  readonly cspSource: string;
  /** A fresh random nonce per page. */
  readonly nonce: string;
  readonly scriptUri: string;
  readonly workerUri: string;
  readonly styleUri: string;
  readonly title: string;
  /** Scripts to run before the preview's (the tests' stand-in for VS Code's API); same nonce. */
  readonly preludeScriptUris?: readonly string[];
  /** Layout deadline override (tests). */
  readonly layoutDeadlineMs?: number;
}

const attr = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource} 'nonce-${nonce}'`,
    `img-src ${cspSource} data: blob:`,
    `font-src ${cspSource}`,
    // The worker's script is fetched from the extension and started from a blob URL.
    `connect-src ${cspSource}`,
    'worker-src blob:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export function previewHtml(parts: PreviewPageParts): string {
  const { nonce } = parts;
  const prelude = (parts.preludeScriptUris ?? []).map((uri) => `<script nonce="${attr(nonce)}" src="${attr(uri)}"></script>`).join('\n  ');
  const deadline = parts.layoutDeadlineMs !== undefined ? ` data-layout-deadline-ms="${parts.layoutDeadlineMs}"` : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${attr(contentSecurityPolicy(parts.cspSource, nonce))}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link rel="stylesheet" href="${attr(parts.styleUri)}">
  <title>${attr(parts.title)}</title>
</head>
<body data-worker="${attr(parts.workerUri)}"${deadline}>
  <div id="calm-app"></div>
  ${prelude}
  <script nonce="${attr(nonce)}" src="${attr(parts.scriptUri)}"></script>
</body>
</html>
`;
}

/** 32 random characters from [A-Za-z0-9]. */
export function makeNonce(random: (n: number) => Uint8Array): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return [...random(32)].map((b) => alphabet[b % alphabet.length]).join('');
}
