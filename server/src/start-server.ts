/**
 * The CALM language server, independent of how it is hosted (Node process, or a browser worker given
 * another runtime): document sync, validation as you type, diagnostics, and the features it is given.
 */
import {
  Emitter,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type InitializeResult,
  type ServerCapabilities,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { RuleFailure } from './calm/engine';
import type { SchemaLoader } from './calm/schema/loader';
import { Debouncer, toDiagnostics } from './diagnostics';
import { DocumentStore, type DocumentState } from './documents';
import {
  IsCalmNotificationMethod,
  ModelChangedNotificationMethod,
  WorkspaceTrustedNotificationMethod,
  type CalmInitializationOptions,
  type IsCalmParams,
  type ModelChangedParams,
} from './protocol';
import type { CalmServer, RequestHandler, ServerFeature, ServerLog } from './server-context';
import { DEFAULT_SETTINGS, normalizeSettings, SETTINGS_SECTION, type CalmSettings } from './settings';

export interface SchemaLoaderRequest {
  readonly documentUri: string;
  /** `calm.schemas.urlMap` for that document ('' for none). */
  readonly urlMap: string;
  readonly workspaceFolders: readonly string[];
  /** `calm.schemas.allowedRemoteHosts` for that document; absent: none (nothing is downloaded). */
  readonly allowedRemoteHosts?: readonly string[];
  /** False in an untrusted workspace (Restricted Mode): no URL map is followed, nothing downloaded. Absent: trusted. */
  readonly trusted?: boolean;
  /** Called when a remote schema the document waits for has arrived or failed: it is validated again. */
  readonly onRemoteSchemaSettled?: () => void;
  readonly log?: ServerLog;
}

/** What the host provides. */
export interface ServerRuntime {
  /** A loader for the schemas a document names; absent where there is no file system. */
  createSchemaLoader?(request: SchemaLoaderRequest): SchemaLoader;
  /** The settings or the workspace trust changed: what was remembered of failed downloads is dropped. */
  settingsChanged?(): void;
}

/** Trusted unless the client says otherwise: clients that know nothing of workspace trust run trusted. */
function isWorkspaceTrusted(initializationOptions: unknown): boolean {
  const options = (typeof initializationOptions === 'object' && initializationOptions !== null ? initializationOptions : {}) as CalmInitializationOptions;
  return options.workspaceTrusted !== false;
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Merges feature capabilities: nested objects key by key, arrays (e.g. trigger characters, commands) concatenated. */
export function mergeCapabilities(target: Record<string, unknown>, source: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(source)) {
    const existing = target[key];
    if (Array.isArray(existing) && Array.isArray(value)) target[key] = [...existing, ...value];
    else if (isPlainObject(existing) && isPlainObject(value)) target[key] = mergeCapabilities({ ...existing }, value);
    else target[key] = value;
  }
  return target;
}

export function startServer(connection: Connection, runtime: ServerRuntime, features: readonly ServerFeature[]): void {
  const log: ServerLog = {
    info: (m) => connection.console.info(m),
    warn: (m) => connection.console.warn(m),
    error: (m) => connection.console.error(m),
  };

  function guard<P, R>(name: string, fallback: R, handler: RequestHandler<P, R>): (params: P, token: CancellationToken) => Promise<R> {
    return async (params, token) => {
      try {
        return await handler(params, token);
      } catch (error) {
        log.error(`${name} failed: ${describeError(error)}`);
        return fallback;
      }
    };
  }

  function guardEvent<P>(name: string, handler: (params: P) => void | Promise<void>): (params: P) => void {
    return (params) => {
      try {
        const pending = handler(params);
        if (pending) pending.catch((error: unknown) => log.error(`${name} failed: ${describeError(error)}`));
      } catch (error) {
        log.error(`${name} failed: ${describeError(error)}`);
      }
    };
  }

  const reportRuleFailures = (state: DocumentState, failures: readonly RuleFailure[]): void => {
    for (const failure of failures) {
      log.error(`Rule '${failure.code}' failed on ${state.uri} (version ${state.version}); its findings are missing, the others are reported: ${describeError(failure.error)}`);
    }
  };

  const documents = new TextDocuments(TextDocument);
  const store = new DocumentStore({ onRuleFailures: reportRuleFailures });
  const debouncer = new Debouncer();
  const validated = new Emitter<DocumentState>();
  let clientCapabilities: ClientCapabilities = {};
  let workspaceFolders: string[] = [];
  let canPullSettings = false;
  let relatedInformation = false;
  let workspaceTrusted = true;

  const settingsByUri = new Map<string, Promise<CalmSettings>>();
  const resolvedSettings = new Map<string, CalmSettings>();
  const loaders = new Map<string, SchemaLoader | undefined>();
  /** What the client was last told about each document. */
  const isCalmSent = new Map<string, boolean>();
  const publishedVersion = new Map<string, number>();
  /** Versions whose opening has been scheduled already (TextDocuments reports an open as a change too). */
  const openedVersion = new Map<string, number>();

  function settingsFor(uri: string): Promise<CalmSettings> {
    let pending = settingsByUri.get(uri);
    if (!pending) {
      pending = canPullSettings
        ? connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then(normalizeSettings, (error: unknown) => {
            log.warn(`Could not read the calm.* settings for ${uri}; using the defaults: ${describeError(error)}`);
            return DEFAULT_SETTINGS;
          })
        : Promise.resolve(DEFAULT_SETTINGS);
      const asked = pending;
      // Kept for open documents only: a request about a closed document must not leave an entry behind.
      void asked.then((s) => {
        if (settingsByUri.get(uri) === asked) resolvedSettings.set(uri, s);
      });
      if (documents.get(uri)) settingsByUri.set(uri, pending);
    }
    return pending;
  }

  function loaderFor(uri: string, settings: CalmSettings): SchemaLoader | undefined {
    if (!loaders.has(uri)) {
      loaders.set(
        uri,
        runtime.createSchemaLoader?.({
          documentUri: uri,
          urlMap: settings.schemas.urlMap,
          workspaceFolders,
          allowedRemoteHosts: settings.schemas.allowedRemoteHosts,
          trusted: workspaceTrusted,
          onRemoteSchemaSettled: () => revalidate(uri),
          log,
        }),
      );
    }
    return loaders.get(uri);
  }

  async function stateOf(uri: string): Promise<DocumentState | undefined> {
    const settings = await settingsFor(uri);
    const document = documents.get(uri);
    return document ? store.analyze(document, loaderFor(uri, settings)) : undefined;
  }

  async function schemaLoaderFor(uri: string): Promise<SchemaLoader | undefined> {
    return loaderFor(uri, await settingsFor(uri));
  }

  function tellIsCalm(uri: string, isCalm: boolean): void {
    if (isCalmSent.get(uri) === isCalm) return;
    isCalmSent.set(uri, isCalm);
    const params: IsCalmParams = { uri, isCalm };
    void connection.sendNotification(IsCalmNotificationMethod, params);
  }

  function clearDiagnostics(uri: string): void {
    if (!publishedVersion.has(uri)) return;
    publishedVersion.delete(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Validates the current version (unless already published, or `force`) and publishes its diagnostics and model change. */
  async function validateAndPublish(uri: string, force: boolean): Promise<void> {
    const settings = await settingsFor(uri);
    const document = documents.get(uri);
    if (!document) return;
    if (!force && publishedVersion.get(uri) === document.version) return;
    const state = store.analyze(document, loaderFor(uri, settings));
    tellIsCalm(uri, state.isCalm);
    const result = state.result;
    if (!state.isCalm || !state.doc || !result) {
      clearDiagnostics(uri);
      return;
    }
    const diagnostics = settings.validation.enabled ? toDiagnostics(state.doc, result.findings, { uri, relatedInformation }) : [];
    publishedVersion.set(uri, document.version);
    void connection.sendDiagnostics({ uri, version: document.version, diagnostics });
    const changed: ModelChangedParams = { uri, version: document.version };
    void connection.sendNotification(ModelChangedNotificationMethod, changed);
    validated.fire(state);
  }

  function schedule(uri: string, delayMs: number, force = false): void {
    const validate = guardEvent<string>('validation', (key) => validateAndPublish(key, force));
    debouncer.schedule(uri, delayMs, () => validate(uri));
  }

  /** What one open document depends on changed (a remote schema arrived): validate it again now. */
  function revalidate(uri: string): void {
    if (!documents.get(uri)) return;
    store.invalidate(uri);
    schedule(uri, 0, true);
  }

  /** Settings or workspace trust changed: schema loading may differ for every document. */
  function revalidateAll(): void {
    runtime.settingsChanged?.();
    settingsByUri.clear();
    resolvedSettings.clear();
    loaders.clear();
    store.clear();
    for (const document of documents.all()) schedule(document.uri, 0, true);
  }

  const server: CalmServer = {
    connection,
    documents,
    get clientCapabilities() {
      return clientCapabilities;
    },
    get workspaceFolders() {
      return workspaceFolders;
    },
    log,
    stateOf,
    settingsFor,
    schemaLoaderFor,
    guard,
    guardEvent,
    onDidValidate: (listener) => validated.event(listener),
  };

  connection.onInitialize((params): InitializeResult => {
    clientCapabilities = params.capabilities;
    canPullSettings = params.capabilities.workspace?.configuration === true;
    relatedInformation = params.capabilities.textDocument?.publishDiagnostics?.relatedInformation === true;
    workspaceFolders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    workspaceTrusted = isWorkspaceTrusted(params.initializationOptions);
    const capabilities: ServerCapabilities = {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    };
    for (const feature of features) {
      try {
        feature.register(server);
        if (feature.capabilities) mergeCapabilities(capabilities as Record<string, unknown>, feature.capabilities as Record<string, unknown>);
      } catch (error) {
        log.error(`Feature '${feature.name}' could not start: ${describeError(error)}`);
      }
    }
    return { capabilities, serverInfo: { name: 'calm-lens' } };
  });

  const initialized = guardEvent<void>('initialized', () => {
    log.info(`CALM language server ready: ${features.map((f) => f.name).join(', ') || 'diagnostics only'}.`);
    if (clientCapabilities.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(
        guardEvent('workspace folders change', (event) => {
          const removed = new Set(event.removed.map((f) => f.uri));
          workspaceFolders = [...workspaceFolders.filter((f) => !removed.has(f)), ...event.added.map((f) => f.uri)];
          loaders.clear();
        }),
      );
    }
  });
  connection.onInitialized(() => initialized(undefined));

  connection.onDidChangeConfiguration(guardEvent('settings change', revalidateAll));

  connection.onNotification(
    WorkspaceTrustedNotificationMethod,
    guardEvent('workspace trusted', () => {
      if (workspaceTrusted) return;
      workspaceTrusted = true;
      log.info('The workspace is trusted now: URL maps are followed and listed hosts are fetched from.');
      revalidateAll();
    }),
  );

  // A pattern or URL map edited on disk: documents validated against a schema they name are checked again.
  connection.onDidChangeWatchedFiles(
    guardEvent('watched files change', () => {
      for (const document of documents.all()) {
        const state = store.peek(document.uri);
        if (state?.isCalm && state.doc?.schema.kind === 'other') {
          store.invalidate(document.uri);
          schedule(document.uri, 0, true);
        }
      }
    }),
  );

  documents.onDidOpen(
    guardEvent('open', ({ document }) => {
      openedVersion.set(document.uri, document.version);
      schedule(document.uri, 0);
    }),
  );

  documents.onDidChangeContent(
    guardEvent('change', ({ document }) => {
      if (openedVersion.get(document.uri) === document.version) return;
      const debounceMs = resolvedSettings.get(document.uri)?.validation.debounceMs ?? DEFAULT_SETTINGS.validation.debounceMs;
      schedule(document.uri, debounceMs);
    }),
  );

  documents.onDidClose(
    guardEvent('close', ({ document }) => {
      const uri = document.uri;
      debouncer.cancel(uri);
      store.forget(uri);
      openedVersion.delete(uri);
      isCalmSent.delete(uri);
      settingsByUri.delete(uri);
      resolvedSettings.delete(uri);
      loaders.delete(uri);
      clearDiagnostics(uri);
    }),
  );

  connection.onShutdown(() => debouncer.cancelAll());

  documents.listen(connection);
  connection.listen();
}
