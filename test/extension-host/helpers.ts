// Shared by the extension-host suites: find the extension, open workspace files, and wait for
// events (never for fixed times).
import * as vscode from 'vscode';
import type { CalmLensApi } from '../../client/src/api';

export const EXTENSION_ID = 'calm-lens.calm-lens';

/** The extension's test API: what `activate()` returned (activating it if needed). */
export async function calmLens(): Promise<CalmLensApi> {
  const ext = vscode.extensions.getExtension<CalmLensApi>(EXTENSION_ID);
  if (!ext) throw new Error(`${EXTENSION_ID} is not installed in this VS Code`);
  return ext.isActive ? ext.exports : ext.activate();
}

/** The diagnostics CALM Lens published for a document (VS Code's own JSON checks left out). */
export function calmDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'calm');
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the extension-host tests need a workspace folder (the launcher opens a copy of examples/)');
  return folder.uri;
}

export function workspaceFile(...segments: string[]): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...segments);
}

export async function openInEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(uri);
  return vscode.window.showTextDocument(doc);
}

/**
 * Opens a CALM file and waits until CALM Lens has switched it to the calm language (the default,
 * `calm.languageMode.autoSwitch`). The switch re-opens the document, so the editor is taken after it.
 */
export async function openCalmEditor(uri: vscode.Uri): Promise<vscode.TextEditor> {
  await openInEditor(uri);
  await (await calmLens()).ready;
  const isCalmEditor = (): vscode.TextEditor | undefined => {
    const editor = vscode.window.activeTextEditor;
    return editor && editor.document.uri.toString() === uri.toString() && editor.document.languageId === 'calm' ? editor : undefined;
  };
  return waitFor(
    anyOf<unknown>(vscode.workspace.onDidOpenTextDocument, vscode.window.onDidChangeActiveTextEditor),
    isCalmEditor,
    `an editor on ${uri.path} in the calm language`,
  );
}

/** An event that fires whenever any of `events` fires. */
export function anyOf<T>(...events: vscode.Event<T>[]): vscode.Event<T> {
  return (listener, thisArgs, disposables) => {
    const subs = events.map((e) => e(listener, thisArgs));
    const combined = new vscode.Disposable(() => subs.forEach((s) => s.dispose()));
    disposables?.push(combined);
    return combined;
  };
}

export async function writeWorkspaceFile(name: string, text: string): Promise<vscode.Uri> {
  const uri = workspaceFile(name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  return uri;
}

/**
 * Resolves with the first value `probe` returns that is not undefined, probing now and after
 * each `event`; rejects after `timeoutMs` with `what` in the message.
 */
export function waitFor<T, E>(
  event: vscode.Event<E>,
  probe: () => T | undefined,
  what: string,
  timeoutMs = 20_000,
  describeLast: () => string = () => '',
): Promise<T> {
  return new Promise((resolve, reject) => {
    const first = probe();
    if (first !== undefined) {
      resolve(first);
      return;
    }
    const timer = setTimeout(() => {
      subscription.dispose();
      const last = describeLast();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? `; last seen: ${last}` : ''}`));
    }, timeoutMs);
    const subscription = event(() => {
      const value = probe();
      if (value === undefined) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(value);
    });
  });
}

/** A diagnostic as plain data, for comparisons and readable failure messages. */
export interface DiagnosticFacts {
  code: string;
  severity: vscode.DiagnosticSeverity;
  message: string;
  range: [number, number, number, number];
}

export function facts(d: vscode.Diagnostic): DiagnosticFacts {
  const code = typeof d.code === 'object' ? String(d.code.value) : String(d.code ?? '');
  return { code, severity: d.severity, message: d.message, range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character] };
}

/** Waits until CALM Lens's diagnostics of `uri` satisfy `accept`, and returns them. */
export function waitForCalmDiagnostics(
  uri: vscode.Uri,
  accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  what: string,
): Promise<readonly vscode.Diagnostic[]> {
  return waitFor(
    vscode.languages.onDidChangeDiagnostics,
    () => {
      const current = calmDiagnostics(uri);
      return accept(current) ? current : undefined;
    },
    what,
    20_000,
    () => JSON.stringify(calmDiagnostics(uri).map(facts)),
  );
}

/** Sets a user setting and waits until VS Code reports the change. */
export async function setSetting(section: string, key: string, value: unknown): Promise<void> {
  const config = vscode.workspace.getConfiguration(section);
  // Writing the value a setting already has changes nothing, and no event would come.
  if (JSON.stringify(config.inspect(key)?.globalValue) === JSON.stringify(value)) return;
  const changed = new Promise<void>((resolve) => {
    const sub = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${section}.${key}`)) {
        sub.dispose();
        resolve();
      }
    });
  });
  await config.update(key, value, vscode.ConfigurationTarget.Global);
  await changed;
}
