/**
 * Models as the language server gives them (its own DocumentStore and toModelView), so the tests draw
 * exactly what the extension would send, versions and the last good model included.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentStore } from '../../../server/src/documents';
import { toModelView } from '../../../server/src/model-view';
import type { CalmModelView } from '../../../server/src/protocol';
import { REPO_ROOT } from './server';

export const EXAMPLE_PATH = join(REPO_ROOT, 'examples/ecommerce-platform.json');
export const exampleText = (): string => readFileSync(EXAMPLE_PATH, 'utf8');

/** One document, edited version after version. */
export class ModelSequence {
  private readonly store = new DocumentStore({ onRuleFailures: () => undefined });
  private version = 0;

  constructor(readonly uri = 'file:///work/architecture.json') {}

  /** The model of the next version of the document, with this text. */
  next(text: string): CalmModelView {
    const view = toModelView(this.store.analyze(TextDocument.create(this.uri, 'json', ++this.version, text), undefined));
    if (!view) throw new Error('the text is not a CALM document');
    return view;
  }
}

export function modelOf(text: string, uri?: string): CalmModelView {
  return new ModelSequence(uri).next(text);
}

/** The example with edits applied to its JSON value. */
export function editedExample(edit: (architecture: { nodes: Record<string, unknown>[]; relationships: Record<string, unknown>[]; flows?: unknown[] }) => void): string {
  const architecture = JSON.parse(exampleText()) as { nodes: Record<string, unknown>[]; relationships: Record<string, unknown>[]; flows?: unknown[] };
  edit(architecture);
  return JSON.stringify(architecture, null, 2);
}
