/**
 * Starts the bundled language server (dist/server.js) the way VS Code's language client does
 * (a forked Node process speaking JSON-RPC over node-ipc) and plays the editor's part in tests.
 * Every wait is on a message from the server, never on a timer.
 */
import { fork } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  ConfigurationRequest,
  createProtocolConnection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  LogMessageNotification,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type InitializeResult,
  type LogMessageParams,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import {
  ElementAtRequestMethod,
  IsCalmNotificationMethod,
  ModelChangedNotificationMethod,
  ModelRequestMethod,
  type ElementAtResult,
  type IsCalmParams,
  type ModelChangedParams,
  type ModelRequestResult,
  type ProtocolPosition,
} from '../../server/src/protocol';

export const REPO_ROOT = resolve(__dirname, '../..');
/** A safety net, not a speed check: a server that never answers fails its suite instead of hanging the run. */
export const SUITE_TIMEOUT_MS = 120_000;
export const SERVER_BUNDLE = resolve(REPO_ROOT, 'dist/server.js');

export function fileUri(...segments: string[]): string {
  return pathToFileURL(resolve(REPO_ROOT, ...segments)).toString();
}

interface Waiter<T> {
  readonly matches: (value: T) => boolean;
  readonly resolve: (value: T) => void;
}

/** Every value a server sent on one channel, and promises for the ones still to come. */
class Inbox<T> {
  readonly received: T[] = [];
  private waiters: Waiter<T>[] = [];

  push(value: T): void {
    this.received.push(value);
    const ready = this.waiters.filter((w) => w.matches(value));
    this.waiters = this.waiters.filter((w) => !w.matches(value));
    for (const w of ready) w.resolve(value);
  }

  /** The first value received so far that matches, else the first to come. */
  first(matches: (value: T) => boolean): Promise<T> {
    const seen = this.received.find(matches);
    return seen !== undefined ? Promise.resolve(seen) : this.next(matches);
  }

  /** The first value from now on that matches. */
  next(matches: (value: T) => boolean): Promise<T> {
    return new Promise((resolve) => this.waiters.push({ matches, resolve }));
  }
}

export interface StartOptions {
  /** What `workspace/configuration` answers for section `calm` (the client then advertises that capability). */
  readonly settings?: unknown;
  readonly workspaceFolder?: string;
  /** Sent as `initializationOptions` (e.g. `{ workspaceTrusted: false }`, as the extension's client in Restricted Mode). */
  readonly initializationOptions?: unknown;
}

export interface StartedClient {
  readonly client: LspTestClient;
  readonly initializeResult: InitializeResult;
}

export class LspTestClient {
  readonly diagnostics = new Inbox<PublishDiagnosticsParams>();
  readonly isCalm = new Inbox<IsCalmParams>();
  readonly modelChanged = new Inbox<ModelChangedParams>();
  readonly logs = new Inbox<LogMessageParams>();
  private settings: unknown;
  private readonly versions = new Map<string, number>();

  private constructor(
    readonly connection: ProtocolConnection,
    settings: unknown,
    /** Ends the server once it was asked to shut down. */
    private readonly end: () => Promise<void>,
  ) {
    this.settings = settings;
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => this.diagnostics.push(p));
    connection.onNotification(IsCalmNotificationMethod, (p: IsCalmParams) => this.isCalm.push(p));
    connection.onNotification(ModelChangedNotificationMethod, (p: ModelChangedParams) => this.modelChanged.push(p));
    connection.onNotification(LogMessageNotification.type, (p) => this.logs.push(p));
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => this.settings));
  }

  /** Forks the bundled server, as VS Code's language client does (node-ipc). */
  static start(options: StartOptions = {}): Promise<StartedClient> {
    if (!existsSync(SERVER_BUNDLE)) throw new Error(`${SERVER_BUNDLE} is missing: run node esbuild.mjs first`);
    const child = fork(SERVER_BUNDLE, ['--node-ipc'], { execArgv: [], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    return LspTestClient.initialize(connection, options, process.pid, async () => {
      await connection.sendNotification(ExitNotification.type);
      await exited;
    });
  }

  /**
   * Runs a server in this process over in-memory streams, for tests that give it their own runtime
   * or features. `listen` is handed the server's ends of the streams.
   */
  static inProcess(listen: (serverInput: NodeJS.ReadableStream, serverOutput: NodeJS.WritableStream) => void, options: StartOptions = {}): Promise<StartedClient> {
    const toServer = new PassThrough();
    const fromServer = new PassThrough();
    listen(toServer, fromServer);
    const connection = createProtocolConnection(new StreamMessageReader(fromServer), new StreamMessageWriter(toServer));
    // No exit notification: the server would end this process. Closing its input ends it.
    return LspTestClient.initialize(connection, options, null, async () => {
      toServer.end();
    });
  }

  private static async initialize(connection: ProtocolConnection, options: StartOptions, processId: number | null, end: () => Promise<void>): Promise<StartedClient> {
    const client = new LspTestClient(connection, options.settings, end);
    connection.listen();
    const folder = options.workspaceFolder ?? REPO_ROOT;
    const initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId,
      rootUri: pathToFileURL(folder).toString(),
      workspaceFolders: [{ uri: pathToFileURL(folder).toString(), name: 'workspace' }],
      initializationOptions: options.initializationOptions,
      capabilities: {
        workspace: { configuration: options.settings !== undefined, didChangeConfiguration: { dynamicRegistration: false } },
        textDocument: {
          synchronization: { didSave: true, dynamicRegistration: false },
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
        },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return { client, initializeResult };
  }

  /** Opens a document and resolves with the server's verdict on whether it is CALM. */
  async open(uri: string, text: string, languageId = 'json'): Promise<IsCalmParams> {
    this.versions.set(uri, 1);
    const verdict = this.isCalm.next((p) => p.uri === uri);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return verdict;
  }

  /** Replaces the whole text; resolves with the new version. */
  async change(uri: string, text: string): Promise<number> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  async close(uri: string): Promise<void> {
    this.versions.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** The diagnostics published for that version of the document. */
  diagnosticsFor(uri: string, version: number): Promise<PublishDiagnosticsParams> {
    return this.diagnostics.first((p) => p.uri === uri && p.version === version);
  }

  /** The next diagnostics for a document, whatever their version (e.g. the clearing on close). */
  nextDiagnostics(uri: string): Promise<PublishDiagnosticsParams> {
    return this.diagnostics.next((p) => p.uri === uri);
  }

  async changeSettings(settings: unknown): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { calm: settings } });
  }

  /** Tells the server that files changed on disk, as the client's file watcher does. */
  async filesChanged(uris: readonly string[]): Promise<void> {
    await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: uris.map((uri) => ({ uri, type: FileChangeType.Changed })) });
  }

  model(uri: string): Promise<ModelRequestResult> {
    return this.connection.sendRequest<ModelRequestResult>(ModelRequestMethod, { uri });
  }

  elementAt(uri: string, position: ProtocolPosition): Promise<ElementAtResult> {
    return this.connection.sendRequest<ElementAtResult>(ElementAtRequestMethod, { uri, position });
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.end();
    } finally {
      this.connection.dispose();
    }
  }
}

/** LSP position of a text offset (0-based line and UTF-16 character). */
export function positionAt(text: string, offset: number): ProtocolPosition {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
