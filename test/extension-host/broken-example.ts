// A broken copy of the e-commerce example, made from the real one by the edits a person might get
// wrong: a connects end naming a node that does not exist, a duplicated unique-id, a port that
// is a string.
import * as vscode from 'vscode';
import { workspaceFile } from './helpers';

export const BROKEN_FILE = 'broken-ecommerce.json';

function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0) throw new Error(`the example no longer contains ${from}`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

export async function brokenExampleText(): Promise<string> {
  const bytes = await vscode.workspace.fs.readFile(workspaceFile('ecommerce-platform.json'));
  let text = new TextDecoder().decode(bytes);
  text = replaceOnce(text, '"destination": {\n            "node": "order-service"', '"destination": {\n            "node": "order-svc"');
  text = replaceOnce(text, '"unique-id": "inventory-database"', '"unique-id": "order-database"');
  text = replaceOnce(text, '"port": 8081', '"port": "8081"');
  return text;
}
