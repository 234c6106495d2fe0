/**
 * Rename a unique-id: its definition(s) and every reference in the document, as one versioned edit
 * (one undoable step). Refuses names that are not usable ids or that some element already has.
 */
import type { Position, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import type { CalmAnalysis } from './analysis';
import { idInUse, occurrenceAt, occurrencesOf, type ElementKind } from './id-occurrences';
import { toOffset, toRange } from './lsp-ranges';

export type Refusal = { readonly ok: false; readonly message: string };
export type PrepareRenameOutcome = { readonly ok: true; readonly range: Range; readonly placeholder: string } | Refusal;
export type RenameOutcome = { readonly ok: true; readonly edit: WorkspaceEdit } | Refusal;

const NOTHING_TO_RENAME: Refusal = {
  ok: false,
  message: 'Only a unique-id of a node, interface, relationship or flow, or a reference to one, can be renamed.',
};

const KIND_WORDS: Record<ElementKind, string> = { node: 'a node', interface: 'an interface', relationship: 'a relationship', flow: 'a flow' };

/** Why `id` cannot be a unique-id, or undefined when it can. */
export function invalidIdReason(id: string): string | undefined {
  if (id.length === 0 || id.trim().length === 0) return 'A unique-id must be a non-empty string.';
  if (id.trim() !== id) return 'A unique-id must not start or end with whitespace.';
  if (/[\u0000-\u001f\u007f]/.test(id)) return 'A unique-id must not contain control characters.';
  return undefined;
}

export function prepareRename(result: CalmAnalysis, position: Position): PrepareRenameOutcome {
  const at = occurrenceAt(result, toOffset(result.doc, position));
  if (!at) return NOTHING_TO_RENAME;
  return { ok: true, range: toRange(result.doc, at.range), placeholder: at.id };
}

export function rename(result: CalmAnalysis, uri: string, version: number | null, position: Position, newId: string): RenameOutcome {
  const at = occurrenceAt(result, toOffset(result.doc, position));
  if (!at) return NOTHING_TO_RENAME;
  const edits: TextEdit[] = [];
  if (newId !== at.id) {
    const invalid = invalidIdReason(newId);
    if (invalid) return { ok: false, message: `Cannot rename '${at.id}' to '${newId}': ${invalid}` };
    const taken = idInUse(result, newId);
    if (taken) return { ok: false, message: `Cannot rename '${at.id}' to '${newId}': ${KIND_WORDS[taken.kind]} already has the unique-id '${newId}'.` };
    const text = JSON.stringify(newId);
    for (const o of occurrencesOf(result, at.id, at.kind)) edits.push({ range: toRange(result.doc, o.range), newText: text });
  }
  return { ok: true, edit: { documentChanges: [{ textDocument: { uri, version }, edits }] } };
}
