/**
 * The running language server as a fuzz target: the bundled dist/server.js in its own process, driven as
 * an editor drives it (node-ipc, open/change, requests at positions). A case fails when the process dies
 * (crash), when the server does not answer within the hang threshold (hang), or when a handler's exception
 * shows: an error response (other than a rename refusal) or an error in the server's log (escaped).
 */
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CompletionRequest,
  ConfigurationRequest,
  createProtocolConnection,
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  LogMessageNotification,
  MessageType,
  PrepareRenameRequest,
  PublishDiagnosticsNotification,
  ReferencesRequest,
  RenameRequest,
  ResponseError,
  ShutdownRequest,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { IsCalmNotificationMethod, ModelRequestMethod, type IsCalmParams } from '../../server/src/protocol';
import { editBetween, type LspCase } from './lsp-case';

export const SERVER_BUNDLE = resolve(__dirname, '../../dist/server.js');

/** What the features answer a rename they refuse with (`ResponseError(0, reason)`): a message for the user, not a bug. */
const REFUSAL_CODE = 0;
/** Starting a server is not part of any case (loading the bundle on a busy machine takes seconds): a safety net only. */
const STARTUP_LIMIT_MS = 60_000;

export type LspCaseOutcome =
  | { readonly kind: 'ok'; readonly ms: number }
  | { readonly kind: 'crash' | 'hang' | 'escaped'; readonly detail: string };

/** A step that did not answer in time, or found the server gone. */
class CaseFailure extends Error {
  constructor(
    readonly kind: 'crash' | 'hang',
    detail: string,
  ) {
    super(detail);
  }
}

export class LspFuzzServer {
  private child!: ChildProcess;
  private connection!: ProtocolConnection;
  /** How the current server process ended, once it has. */
  private exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  private stderr = '';
  private errors: string[] = [];
  private diagnosticWaiters = new Map<string, () => void>();
  private isCalmWaiters = new Map<string, () => void>();
  /** Woken by an error in the server's log: a failed validation sends no diagnostics to wait for. */
  private errorWaiters: (() => void)[] = [];
  private readonly folder = mkdtempSync(join(tmpdir(), 'calm-lsp-fuzz-'));
  private caseCount = 0;

  private constructor(
    private readonly hangMs: number,
    private readonly bundle: string,
  ) {}

  static async start(hangMs: number, bundle = SERVER_BUNDLE): Promise<LspFuzzServer> {
    if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run \`npm run build\` first`);
    const server = new LspFuzzServer(hangMs, bundle);
    try {
      await server.launch();
    } catch (error) {
      server.child.kill('SIGKILL');
      throw error;
    }
    return server;
  }

  private async launch(): Promise<void> {
    this.stderr = '';
    this.errors = [];
    this.diagnosticWaiters.clear();
    this.isCalmWaiters.clear();
    this.errorWaiters = [];
    // A TypeScript server (the test's faulty one) runs through tsx; the product's bundle runs as it ships.
    const execArgv = this.bundle.endsWith('.ts') ? ['--import', 'tsx'] : [];
    const child = fork(this.bundle, ['--node-ipc'], { execArgv, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    this.child = child;
    child.stderr?.on('data', (chunk: Buffer) => (this.stderr = (this.stderr + chunk.toString()).slice(-4000)));
    this.exit = undefined;
    child.once('exit', (code, signal) => (this.exit = { code, signal }));
    const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
    this.connection = connection;
    connection.onNotification(LogMessageNotification.type, (p) => {
      if (p.type !== MessageType.Error) return;
      this.errors.push(p.message);
      const waiting = this.errorWaiters;
      this.errorWaiters = [];
      for (const wake of waiting) wake();
    });
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => this.diagnosticWaiters.get(`${p.uri}@${p.version}`)?.());
    connection.onNotification(IsCalmNotificationMethod, (p: IsCalmParams) => this.isCalmWaiters.get(p.uri)?.());
    // Validate right after each edit: the fuzz waits for each version's diagnostics instead of a debounce.
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map(() => ({ validation: { debounceMs: 0 } })));
    connection.listen();
    const folderUri = pathToFileURL(this.folder).toString();
    await this.within('initialize', STARTUP_LIMIT_MS, () =>
      connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri: folderUri,
        workspaceFolders: [{ uri: folderUri, name: 'fuzz' }],
        capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
      }),
    );
    await connection.sendNotification(InitializedNotification.type, {});
  }

  /** Resolves with `work`'s answer; fails as a hang after the threshold, or as a crash if the server ends. */
  private async within<T>(step: string, limitMs: number, work: () => Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    let onExit: (() => void) | undefined;
    // One promise per step, settled or dropped with it. (Racing every step against one promise that lives
    // as long as the server would keep every answer reachable until the server ends: the harness's heap
    // grew by hundreds of MB over 30,000 cases, and its own garbage collection stalled it for a second.)
    const failure = new Promise<never>((_, reject) => {
      // The verdict waits a whole turn of the event loop: when this process itself was blocked (its garbage
      // collection, a large mutation built), an answer that arrived meanwhile is read in the I/O phase and
      // dispatched by vscode-jsonrpc in an immediate queued there; it wins, instead of the overdue timer
      // calling a server that did answer hung.
      const verdict = (): void => reject(new CaseFailure('hang', `${step}: no answer within ${limitMs} ms`));
      timer = setTimeout(() => setImmediate(() => setImmediate(verdict)), limitMs);
      onExit = () => reject(new CaseFailure('crash', this.exitDetail()));
      if (this.exit) onExit();
      else this.child.once('exit', onExit);
    });
    try {
      return await Promise.race([work(), failure]);
    } finally {
      clearTimeout(timer);
      if (onExit) this.child.off('exit', onExit);
    }
  }

  private exitDetail(): string {
    return `server exited (code ${this.exit?.code}, signal ${this.exit?.signal})${this.stderr ? `:\n${this.stderr}` : ''}`;
  }

  /** A signal from the server (or an error it logs), registered before the message that triggers it is sent. */
  private signal(waiters: Map<string, () => void>, key: string): Promise<void> {
    return new Promise<void>((resolveSignal) => {
      const wake = (): void => {
        waiters.delete(key);
        resolveSignal();
      };
      waiters.set(key, wake);
      this.errorWaiters.push(wake);
    });
  }

  /** Sends a request; an error response is an escaped exception unless it is a rename refusal. */
  private async ask(step: string, send: () => Promise<unknown>, refusalAllowed = false): Promise<string | undefined> {
    try {
      await this.within(step, this.hangMs, send);
      return undefined;
    } catch (error) {
      if (error instanceof CaseFailure) throw error;
      if (error instanceof ResponseError && refusalAllowed && error.code === REFUSAL_CODE) return undefined;
      return `${step}: error response ${error instanceof ResponseError ? `${error.code} ${error.message}` : String(error)}`;
    }
  }

  async run(c: LspCase): Promise<LspCaseOutcome> {
    const t0 = performance.now();
    const uri = pathToFileURL(join(this.folder, `case-${++this.caseCount}.json`)).toString();
    const errorsBefore = this.errors.length;
    this.errorWaiters = [];
    const problems: string[] = [];
    try {
      const doc = { uri };
      if (c.before === undefined) {
        // A new document's first validation always says whether it is CALM: that is the signal to wait for.
        const verdict = this.signal(this.isCalmWaiters, uri);
        await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: c.languageId, version: 1, text: c.text } });
        await this.within('open', this.hangMs, () => verdict);
      } else {
        const first = this.signal(this.diagnosticWaiters, `${uri}@1`);
        await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: c.languageId, version: 1, text: c.before } });
        await this.within('open', this.hangMs, () => first);
        const second = this.signal(this.diagnosticWaiters, `${uri}@2`);
        await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [editBetween(c.before, c.text)] });
        await this.within('change', this.hangMs, () => second);
      }
      const [p0, p1, p2, p3, p4, p5] = c.positions;
      const answers = await Promise.all([
        this.ask('completion', () => this.connection.sendRequest(CompletionRequest.type, { textDocument: doc, position: p0 })),
        this.ask('hover', () => this.connection.sendRequest(HoverRequest.type, { textDocument: doc, position: p1 })),
        this.ask('definition', () => this.connection.sendRequest(DefinitionRequest.type, { textDocument: doc, position: p2 })),
        this.ask('references', () => this.connection.sendRequest(ReferencesRequest.type, { textDocument: doc, position: p3, context: { includeDeclaration: true } })),
        this.ask('documentSymbol', () => this.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: doc })),
        this.ask('prepareRename', () => this.connection.sendRequest(PrepareRenameRequest.type, { textDocument: doc, position: p4 }), true),
        this.ask('rename', () => this.connection.sendRequest(RenameRequest.type, { textDocument: doc, position: p5, newName: c.newName }), true),
      ]);
      problems.push(...answers.filter((a): a is string => a !== undefined));
      await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
      // Answered after the close was handled: whatever the server logged for this document has arrived.
      await this.within('close', this.hangMs, () => this.connection.sendRequest(ModelRequestMethod, { uri }));
    } catch (error) {
      if (!(error instanceof CaseFailure)) throw error;
      await this.restart();
      return { kind: error.kind, detail: error.message };
    }
    problems.push(...this.errors.slice(errorsBefore).map((m) => `server log: ${m}`));
    return problems.length > 0 ? { kind: 'escaped', detail: problems.join('\n') } : { kind: 'ok', ms: performance.now() - t0 };
  }

  /** After a crash or a hang: a fresh server for the next case. */
  private async restart(): Promise<void> {
    this.connection.dispose();
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise<void>((resolveExit) => this.child.once('exit', () => resolveExit()));
      this.child.kill('SIGKILL');
      await exited;
    }
    await this.launch();
  }

  async close(): Promise<void> {
    try {
      await this.within('shutdown', this.hangMs, () => this.connection.sendRequest(ShutdownRequest.type));
      const exited = new Promise<void>((resolveExit) => this.child.once('exit', () => resolveExit()));
      await this.connection.sendNotification(ExitNotification.type);
      await exited;
    } catch {
      this.child.kill('SIGKILL');
    } finally {
      this.connection.dispose();
    }
  }
}
