/**
 * A language server that fails on purpose, for testing that the LSP fuzz target tells each failure apart:
 * a document containing FAULT_CRASH ends the process, FAULT_HANG blocks the hover handler forever,
 * FAULT_THROW makes hover throw (an error response), FAULT_LOG logs an error. Anything else is served.
 */
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { IsCalmNotificationMethod, ModelRequestMethod, type IsCalmParams } from '../../server/src/protocol';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

connection.onInitialize(() => ({
  capabilities: {
    textDocumentSync: TextDocumentSyncKind.Incremental,
    hoverProvider: true,
    completionProvider: {},
    definitionProvider: true,
    referencesProvider: true,
    documentSymbolProvider: true,
    renameProvider: { prepareProvider: true },
  },
}));

// Every other request the fuzz target sends has an answer, so only the planted faults show.
connection.onCompletion(() => null);
connection.onDefinition(() => null);
connection.onReferences(() => null);
connection.onDocumentSymbol(() => null);
connection.onPrepareRename(() => null);
connection.onRenameRequest(() => null);
connection.onRequest(ModelRequestMethod, () => null);

documents.onDidChangeContent(({ document }) => {
  const text = document.getText();
  if (text.includes('FAULT_CRASH')) process.exit(3);
  if (text.includes('FAULT_LOG')) connection.console.error('validation failed: FAULT_LOG');
  const params: IsCalmParams = { uri: document.uri, isCalm: true };
  void connection.sendNotification(IsCalmNotificationMethod, params);
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [] });
});

connection.onHover((params) => {
  const text = documents.get(params.textDocument.uri)?.getText() ?? '';
  if (text.includes('FAULT_HANG')) for (;;);
  if (text.includes('FAULT_THROW')) throw new TypeError('hover bug: FAULT_THROW');
  return null;
});

documents.listen(connection);
connection.listen();
