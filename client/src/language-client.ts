/**
 * Starts the CALM language server lazily (the first time a document that looks like CALM is opened:
 * unrelated JSON never starts it) and wraps the custom protocol for the views: the model of a
 * document (cached until it changes), the element at a position, and the server's notifications.
 */
import * as vscode from 'vscode';
import { LanguageClient, RevealOutputChannelOn, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { looksLikeCalm } from '../../server/src/calm/detect';
import {
  ElementAtRequestMethod,
  IsCalmNotificationMethod,
  ModelChangedNotificationMethod,
  ModelRequestMethod,
  ProcessIdRequestMethod,
  type CalmModelView,
  type ElementAtParams,
  type ElementAtResult,
  type ElementRef,
  type IsCalmParams,
  type ModelChangedParams,
  type ModelRequestParams,
  type ModelRequestResult,
  type ProcessIdResult,
} from '../../server/src/protocol';
import { SETTINGS_SECTION } from '../../server/src/settings';
import { forwardTrustGrants, trustInitializationOptions } from './workspace-trust';
import { ServerErrorHandler } from './recovery/error-handler';
import { ServerStateTracker, type ServerStatus } from './recovery/server-state';

/** Language ids the server is given; `calm` is the extension's own language for CALM JSON. */
export const CALM_LANGUAGE_IDS: readonly string[] = ['json', 'jsonc', 'calm'];
/** Saved files and untitled buffers; not diffs, output panels or settings. */
export const CALM_SCHEMES: readonly string[] = ['file', 'untitled'];
/** Sniffing every keystroke of a huge JSON file would cost; beyond this a file is sniffed when opened only. */
const SNIFF_ON_CHANGE_MAX_CHARS = 2_000_000;

export function isCandidate(document: vscode.TextDocument): boolean {
  return CALM_LANGUAGE_IDS.includes(document.languageId) && CALM_SCHEMES.includes(document.uri.scheme);
}

function wantsServer(document: vscode.TextDocument): boolean {
  return isCandidate(document) && (document.languageId === 'calm' || looksLikeCalm(document.getText()));
}

export class CalmLanguageService implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;
  private resolveReady!: () => void;
  private readonly models = new Map<string, Promise<CalmModelView | null>>();
  private readonly modelChanged = new vscode.EventEmitter<ModelChangedParams>();
  private readonly isCalmChanged = new vscode.EventEmitter<IsCalmParams>();
  private readonly serverState = new ServerStateTracker();
  private readonly errorHandler: ServerErrorHandler;
  private readonly disposables: vscode.Disposable[] = [this.modelChanged, this.isCalmChanged, this.serverState, forwardTrustGrants(() => this.client)];

  /** Resolves once the server runs (after its `initialize` answer). */
  readonly ready = new Promise<void>((resolve) => (this.resolveReady = resolve));
  /** The server validated a new version of a document: its model may differ. */
  readonly onModelChanged = this.modelChanged.event;
  /** The server decided whether a document is CALM (sent once per document and whenever it flips). */
  readonly onIsCalmChanged = this.isCalmChanged.event;
  /** The server is starting, running, or stopped (and whether it is being restarted). */
  readonly onDidChangeServerState = this.serverState.onDidChange;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
  ) {
    this.errorHandler = new ServerErrorHandler(output, this.serverState);
  }

  /** The server's last state; undefined before it was first started. */
  get serverStatus(): ServerStatus | undefined {
    return this.serverState.current;
  }

  get languageClient(): LanguageClient | undefined {
    return this.client;
  }

  get started(): boolean {
    return this.starting !== undefined;
  }

  /** Starts the server as soon as a CALM-looking document is open, now or later. */
  watchDocuments(): void {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((document) => this.consider(document, true)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        this.models.delete(event.document.uri.toString());
        this.consider(event.document, event.document.getText().length <= SNIFF_ON_CHANGE_MAX_CHARS);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.models.delete(document.uri.toString())),
    );
    for (const document of vscode.workspace.textDocuments) this.consider(document, true);
  }

  private consider(document: vscode.TextDocument, sniff: boolean): void {
    if (this.starting || !sniff || !wantsServer(document)) return;
    void this.start().catch(() => undefined);
  }

  /** Starts the language server (once); the promise settles when it has answered `initialize`. */
  start(): Promise<LanguageClient> {
    if (!this.starting) {
      this.starting = this.launch().then(
        (client) => {
          this.resolveReady();
          return client;
        },
        (error: unknown) => {
          this.output.error(`The CALM language server did not start: ${error instanceof Error ? error.message : String(error)}`);
          throw error;
        },
      );
    }
    return this.starting;
  }

  private async launch(): Promise<LanguageClient> {
    const module = this.context.asAbsolutePath('dist/server.js');
    const serverOptions: ServerOptions = {
      run: { module, transport: TransportKind.ipc },
      debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
    };
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.json');
    this.disposables.push(watcher);
    const clientOptions: LanguageClientOptions = {
      documentSelector: CALM_LANGUAGE_IDS.flatMap((language) => CALM_SCHEMES.map((scheme) => ({ language, scheme }))),
      // Patterns and URL maps are JSON files; the server re-checks documents that name a schema when one changes.
      synchronize: { configurationSection: SETTINGS_SECTION, fileEvents: watcher },
      outputChannel: this.output,
      traceOutputChannel: this.output,
      revealOutputChannelOn: RevealOutputChannelOn.Never,
      diagnosticCollectionName: 'calm',
      // Whether the workspace is trusted, read at every (re)start: Restricted Mode limits schema loading.
      initializationOptions: trustInitializationOptions,
      // A crashed server is started again, within a limit (see recovery/error-handler.ts).
      errorHandler: this.errorHandler,
    };
    // The id makes `calm.trace.server` the trace setting.
    const client = new LanguageClient('calm', 'CALM Lens', serverOptions, clientOptions);
    this.client = client;
    this.disposables.push(
      client.onNotification(ModelChangedNotificationMethod, (params: ModelChangedParams) => {
        this.models.delete(params.uri);
        this.modelChanged.fire(params);
      }),
      client.onNotification(IsCalmNotificationMethod, (params: IsCalmParams) => this.isCalmChanged.fire(params)),
      client.onDidChangeState(({ newState }) => {
        // Models cached from the previous process are asked again of the new one (before the views hear of it).
        if (newState !== State.Running) return;
        this.models.clear();
        void this.logProcessId(client);
      }),
      this.serverState.watch(client),
    );
    this.output.info('Starting the CALM language server.');
    await client.start();
    return client;
  }

  /** The model of an open document, or null when it is not CALM (or the server is not running). Cached until the document changes. */
  requestModel(uri: string): Promise<CalmModelView | null> {
    let pending = this.models.get(uri);
    if (!pending) {
      pending = this.request<ModelRequestParams, ModelRequestResult>(ModelRequestMethod, { uri }, null);
      this.models.set(uri, pending);
      // A failed or empty answer is not worth keeping.
      pending.then(
        (model) => model === null && this.models.get(uri) === pending && this.models.delete(uri),
        () => this.models.delete(uri),
      );
    }
    return pending;
  }

  /** The element (node, interface, relationship, flow) whose definition holds the position. */
  elementAt(uri: string, position: vscode.Position): Promise<ElementRef | null> {
    return this.request<ElementAtParams, ElementAtResult>(ElementAtRequestMethod, { uri, position: { line: position.line, character: position.character } }, null);
  }

  private async request<P, R>(method: string, params: P, whenNotRunning: R): Promise<R> {
    if (!this.starting) return whenNotRunning;
    const client = await this.starting;
    if (!client.isRunning()) return whenNotRunning;
    return client.sendRequest<R>(method, params);
  }

  /** The server process's id (undefined while it is not running). */
  async serverProcessId(): Promise<number | undefined> {
    const result = await this.request<undefined, ProcessIdResult | null>(ProcessIdRequestMethod, undefined, null);
    return result?.processId;
  }

  private async logProcessId(client: LanguageClient): Promise<void> {
    try {
      const { processId } = await client.sendRequest<ProcessIdResult>(ProcessIdRequestMethod);
      this.output.info(`The CALM language server is running (process ${processId}).`);
    } catch {
      // Stopped again before it answered: the next start logs its own.
    }
  }

  /**
   * CALM: Restart Language Server. Starts it when it never started, failed to start or was given up
   * on; otherwise stops and starts it. The crash count starts afresh.
   */
  async restart(): Promise<void> {
    this.errorHandler.policy.reset();
    const client = this.client;
    if (!client) {
      await this.start();
      return;
    }
    this.output.info('Restarting the CALM language server.');
    this.serverState.expectRestart(true);
    if (client.state === State.Running) await client.restart();
    else await client.start();
    // A first start that failed left `starting` rejected: requests go to the client that runs now.
    this.starting = Promise.resolve(client);
    this.resolveReady();
  }

  async stop(): Promise<void> {
    if (this.client?.isRunning()) await this.client.stop();
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    void this.stop();
  }
}
