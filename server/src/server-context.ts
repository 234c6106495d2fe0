/**
 * What the language server offers the features that plug into it (completion, hover, symbols...):
 * the connection, the open documents and their analysed state, settings, and the guard every handler
 * must go through. A feature is a `ServerFeature` listed in main.ts.
 */
import type {
  CancellationToken,
  ClientCapabilities,
  Connection,
  Disposable,
  ServerCapabilities,
  TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { SchemaLoader } from './calm/schema/loader';
import type { DocumentState } from './documents';
import type { CalmSettings } from './settings';

export type RequestHandler<P, R> = (params: P, token: CancellationToken) => R | Promise<R>;

export interface ServerLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface CalmServer {
  readonly connection: Connection;
  /** Open documents, in sync with the client (incremental). */
  readonly documents: TextDocuments<TextDocument>;
  readonly clientCapabilities: ClientCapabilities;
  /** Workspace folder URIs. */
  readonly workspaceFolders: readonly string[];
  /** Goes to the client's "CALM Lens" output channel. */
  readonly log: ServerLog;
  /**
   * The state of an open document at its current version: parsed once per version; `state.result`
   * (findings, index) is validated on first use and shared with diagnostics. Undefined if not open.
   */
  stateOf(uri: string): Promise<DocumentState | undefined>;
  settingsFor(uri: string): Promise<CalmSettings>;
  /** Loads what a document's `$schema` names (patterns, URL-mapped schemas); undefined where there is no file system. */
  schemaLoaderFor(uri: string): Promise<SchemaLoader | undefined>;
  /**
   * Wraps a request handler so that an exception is logged and `fallback` answered: a bug in one
   * feature never reaches the connection.
   */
  guard<P, R>(name: string, fallback: R, handler: RequestHandler<P, R>): (params: P, token: CancellationToken) => Promise<R>;
  /** The same for a notification or event handler. */
  guardEvent<P>(name: string, handler: (params: P) => void | Promise<void>): (params: P) => void;
  /** Fires after a CALM document's diagnostics were published and `calm/modelChanged` was sent. */
  onDidValidate(listener: (state: DocumentState) => void): Disposable;
}

export interface ServerFeature {
  /** For log messages. */
  readonly name: string;
  /** Merged into the `initialize` result (objects merged key by key, arrays concatenated). */
  readonly capabilities?: ServerCapabilities;
  /** Registers the feature's handlers; called once, during `initialize`, before the result is sent. */
  register(server: CalmServer): void;
}
