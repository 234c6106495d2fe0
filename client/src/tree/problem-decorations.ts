/**
 * Error/warning decorations of tree items (the label coloured as in the Explorer, and a badge on
 * elements). Tree items carry a URI of our own scheme that says which problem to draw.
 */
import * as vscode from 'vscode';
import { PROBLEM_COLORS } from './tree-item-spec';
import type { Problem } from './tree-model';

const SCHEME = 'calm-lens-tree-problem';

export function problemDecorationUri(problem: Problem, badge: boolean): vscode.Uri {
  return vscode.Uri.from({ scheme: SCHEME, path: `/${problem}`, query: badge ? 'badge' : '' });
}

export class ProblemDecorations implements vscode.FileDecorationProvider {
  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== SCHEME) return undefined;
    const problem: Problem | undefined = uri.path === '/error' ? 'error' : uri.path === '/warning' ? 'warning' : undefined;
    if (!problem) return undefined;
    const decoration = new vscode.FileDecoration(
      uri.query === 'badge' ? (problem === 'error' ? 'E' : 'W') : undefined,
      problem === 'error' ? 'Has errors' : 'Has warnings',
      new vscode.ThemeColor(PROBLEM_COLORS[problem]),
    );
    return decoration;
  }
}

export function registerProblemDecorations(): vscode.Disposable {
  return vscode.window.registerFileDecorationProvider(new ProblemDecorations());
}
