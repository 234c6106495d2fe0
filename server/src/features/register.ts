/**
 * Wires the language features into the server: each LSP request goes through the server's guard (an
 * exception is logged and a neutral answer sent), answers nothing once cancelled, and reads the
 * document's analysis at its current version. Completion and navigation read the parsed document and
 * its index only, so they never wait for schema and rule validation; quick fixes read the findings.
 *
 * A CALM document left in VS Code's JSON mode (the `calm.languageMode.autoSwitch` setting off) is also
 * served by VS Code's JSON language features; there the server leaves out what JSON already provides
 * (outline, folding, smart select, formatting, schema property and enum completion, property hovers),
 * so nothing shows twice, and keeps what only CALM knows (ids, cards, navigation, rename, fixes, lenses).
 */
import { CodeActionKind, ResponseError, type CancellationToken, type ServerCapabilities } from 'vscode-languageserver';
import type { CodeLens, CompletionItem, WorkspaceSymbol } from 'vscode-languageserver-types';
import type { DocumentState } from '../documents';
import { CALM_LANGUAGE_ID } from '../documents';
import { ValidateWorkspaceRequestMethod, type ValidateWorkspaceResult } from '../protocol';
import type { CalmServer, ServerFeature } from '../server-context';
import { analyse, type CalmAnalysis } from './analysis';
import { codeActions } from './code-actions';
import { codeLenses, resolveCodeLens } from './code-lens';
import { completion, resolveCompletionItem } from './completion';
import { definition } from './definition';
import { documentSymbols } from './document-symbols';
import { foldingRanges } from './folding';
import { formatDocument } from './formatting';
import { documentHighlights } from './highlight';
import { hover } from './hover';
import { references } from './references';
import { prepareRename, rename } from './rename';
import { selectionRanges } from './selection-ranges';
import { WorkspaceValidation } from './validate-workspace';
import { WorkspaceCalmFiles } from './workspace-files';
import { workspaceSymbols, type SymbolSource } from './workspace-symbols';

export const LANGUAGE_FEATURE_CAPABILITIES: ServerCapabilities = {
  completionProvider: { triggerCharacters: ['"', ':'], resolveProvider: true },
  hoverProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  documentHighlightProvider: true,
  renameProvider: { prepareProvider: true },
  documentSymbolProvider: { label: 'CALM' },
  foldingRangeProvider: true,
  selectionRangeProvider: true,
  documentFormattingProvider: true,
  documentRangeFormattingProvider: true,
  workspaceSymbolProvider: true,
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
  codeLensProvider: { resolveProvider: true },
};

interface Served {
  readonly state: DocumentState;
  readonly analysis: CalmAnalysis;
  /** Served by VS Code's JSON language as well (not switched to `calm`). */
  readonly jsonMode: boolean;
}

export function registerLanguageFeatures(server: CalmServer): void {
  const { connection } = server;
  const analyses = new WeakMap<DocumentState, CalmAnalysis>();
  const workspaceFiles = new WorkspaceCalmFiles();
  const workspaceValidation = new WorkspaceValidation(workspaceFiles);

  /** The current version of an open CALM document, analysed once. */
  async function served(uri: string): Promise<Served | undefined> {
    const state = await server.stateOf(uri);
    if (!state || !state.isCalm || !state.doc) return undefined;
    let analysis = analyses.get(state);
    if (!analysis) {
      analysis = analyse(state.doc);
      analyses.set(state, analysis);
    }
    return { state, analysis, jsonMode: state.languageId !== CALM_LANGUAGE_ID };
  }

  /**
   * A document request: guarded, cancellable, answered from the document's analysis. `fallback` is the
   * answer for a document that is not CALM, a cancelled request, or a failure.
   */
  function onDocument<P extends { textDocument: { uri: string } }, R>(name: string, fallback: R, answer: (doc: Served, params: P) => R) {
    return server.guard<P, R>(name, fallback, async (params: P, token: CancellationToken) => {
      if (token.isCancellationRequested) return fallback;
      const doc = await served(params.textDocument.uri);
      if (!doc || token.isCancellationRequested) return fallback;
      return answer(doc, params);
    });
  }

  const takesItemDefaults = (): boolean => {
    const defaults = server.clientCapabilities.textDocument?.completion?.completionList?.itemDefaults ?? [];
    return defaults.includes('editRange') && defaults.includes('data');
  };
  connection.onCompletion(
    onDocument('completion', null, (d, p) => completion(d.analysis, p.position, { schemaItems: !d.jsonMode, uri: p.textDocument.uri, itemDefaults: takesItemDefaults() })),
  );
  connection.onCompletionResolve(async (item, token) => {
    // The neutral answer is the item as it came.
    const resolve = server.guard<CompletionItem, CompletionItem>('completion resolve', item, async (i) => {
      const uri = (i.data as { uri?: unknown } | undefined)?.uri;
      if (typeof uri !== 'string' || token.isCancellationRequested) return i;
      const doc = await served(uri);
      return doc ? resolveCompletionItem(doc.analysis, i) : i;
    });
    return resolve(item, token);
  });
  connection.onHover(onDocument('hover', null, (d, p) => hover(d.analysis, p.position, { propertyDescriptions: !d.jsonMode })));
  connection.onDefinition(onDocument('definition', null, (d, p) => definition(d.analysis, p.textDocument.uri, p.position)));
  connection.onReferences(onDocument('references', null, (d, p) => references(d.analysis, p.textDocument.uri, p.position, p.context.includeDeclaration)));
  connection.onDocumentHighlight(onDocument('document highlight', null, (d, p) => documentHighlights(d.analysis, p.position)));

  connection.onPrepareRename(
    onDocument('prepare rename', null, (d, p) => {
      const outcome = prepareRename(d.analysis, p.position);
      return outcome.ok ? { range: outcome.range, placeholder: outcome.placeholder } : new ResponseError(0, outcome.message);
    }),
  );
  connection.onRenameRequest(
    onDocument('rename', null, (d, p) => {
      const outcome = rename(d.analysis, p.textDocument.uri, d.state.version, p.position, p.newName);
      return outcome.ok ? outcome.edit : new ResponseError(0, outcome.message);
    }),
  );

  connection.onDocumentSymbol(onDocument('document symbols', null, (d) => (d.jsonMode ? null : documentSymbols(d.analysis))));
  connection.onFoldingRanges(
    onDocument('folding ranges', null, (d) => (d.jsonMode ? null : foldingRanges(d.analysis, server.clientCapabilities.textDocument?.foldingRange?.rangeLimit))),
  );
  connection.onSelectionRanges(onDocument('selection ranges', null, (d, p) => (d.jsonMode ? null : selectionRanges(d.analysis, p.positions))));
  connection.onDocumentFormatting(onDocument('formatting', null, (d, p) => (d.jsonMode ? null : formatDocument(d.analysis, p.options))));
  connection.onDocumentRangeFormatting(onDocument('range formatting', null, (d, p) => (d.jsonMode ? null : formatDocument(d.analysis, p.options, p.range))));

  connection.onCodeAction(
    onDocument('code actions', null, (d, p) => {
      // Fixes are built from findings: the full validation of this version (shared with diagnostics).
      const result = d.state.result;
      if (!result) return null;
      return codeActions(result, { uri: p.textDocument.uri, version: d.state.version, range: p.range, diagnostics: p.context.diagnostics, only: p.context.only });
    }),
  );

  connection.onCodeLens(onDocument('code lenses', null, (d, p) => codeLenses(d.analysis, p.textDocument.uri)));
  connection.onCodeLensResolve(async (lens, token) => {
    // Guarded here rather than by `server.guard`: the neutral answer is the lens itself, as it came.
    const resolve = server.guard<CodeLens, CodeLens>('code lens resolve', lens, async (l) => {
      const uri = (l.data as { uri?: unknown } | undefined)?.uri;
      if (typeof uri !== 'string' || token.isCancellationRequested) return l;
      const doc = await served(uri);
      return doc ? resolveCodeLens(doc.analysis, l) : l;
    });
    return resolve(lens, token);
  });

  connection.onWorkspaceSymbol(
    server.guard<{ query: string }, WorkspaceSymbol[] | null>('workspace symbols', null, async (params, token) => {
      const sources: SymbolSource[] = [];
      const open = new Set<string>();
      for (const document of server.documents.all()) {
        open.add(document.uri);
        const doc = await served(document.uri);
        if (doc) sources.push({ uri: document.uri, analysis: doc.analysis });
      }
      const files = await workspaceFiles.list(server.workspaceFolders, (uri) => open.has(uri), () => token.isCancellationRequested);
      if (token.isCancellationRequested) return null;
      for (const file of files) sources.push({ uri: file.uri, analysis: { doc: file.doc } });
      return workspaceSymbols(sources, params.query);
    }),
  );

  connection.onRequest(
    ValidateWorkspaceRequestMethod,
    server.guard<unknown, ValidateWorkspaceResult | null>('validate workspace', null, (_params, token) => workspaceValidation.run(server, token)),
  );
}

export const languageFeatures: ServerFeature = {
  name: 'language features',
  capabilities: LANGUAGE_FEATURE_CAPABILITIES,
  register: registerLanguageFeatures,
};
