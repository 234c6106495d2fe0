/**
 * The search box of the Model Elements view: filters live as the person types; Enter keeps the filter,
 * Escape puts back the one there was before.
 */
import * as vscode from 'vscode';

export function openSearchBox(current: string | undefined, apply: (text: string | undefined) => void): Promise<void> {
  return new Promise((resolve) => {
    const box = vscode.window.createInputBox();
    box.title = 'Search Model Elements';
    box.placeholder = 'Name, unique-id, node-type or description (any case), e.g. order';
    box.prompt = 'Enter keeps the filter; Escape cancels.';
    box.value = current ?? '';
    let accepted = false;
    box.onDidChangeValue((text) => apply(text));
    box.onDidAccept(() => {
      accepted = true;
      apply(box.value);
      box.hide();
    });
    box.onDidHide(() => {
      if (!accepted) apply(current);
      box.dispose();
      resolve();
    });
    box.show();
  });
}
