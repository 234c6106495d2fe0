/**
 * The target of the "N references" code lens: the server sends LSP positions and locations, VS Code's
 * `editor.action.showReferences` wants its own types.
 */
import * as vscode from 'vscode';

export const SHOW_REFERENCES_COMMAND = 'calm.showReferences';

interface LspPosition {
  readonly line: number;
  readonly character: number;
}
interface LspLocation {
  readonly uri: string;
  readonly range: { readonly start: LspPosition; readonly end: LspPosition };
}

function isPosition(value: unknown): value is LspPosition {
  const p = value as Partial<LspPosition> | null;
  return typeof p === 'object' && p !== null && typeof p.line === 'number' && typeof p.character === 'number';
}

function isLocation(value: unknown): value is LspLocation {
  const l = value as Partial<LspLocation> | null;
  return typeof l === 'object' && l !== null && typeof l.uri === 'string' && isPosition(l.range?.start) && isPosition(l.range?.end);
}

const position = (p: LspPosition) => new vscode.Position(p.line, p.character);

/** Arguments are checked: a command can be invoked by anyone, with anything. */
export async function showReferences(uri: unknown, at: unknown, locations: unknown): Promise<void> {
  if (typeof uri !== 'string' || !isPosition(at) || !Array.isArray(locations) || !locations.every(isLocation)) return;
  await vscode.commands.executeCommand(
    'editor.action.showReferences',
    vscode.Uri.parse(uri),
    position(at),
    locations.map((l) => new vscode.Location(vscode.Uri.parse(l.uri), new vscode.Range(position(l.range.start), position(l.range.end)))),
  );
}
