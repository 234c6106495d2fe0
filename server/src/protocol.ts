/**
 * The typed protocol between the language server and its clients (the extension's client, tree and
 * preview). The server owns the model; views ask for it and never parse JSON themselves.
 * Ranges are LSP ranges (0-based line/character) so every side can use them directly.
 */

export interface ProtocolPosition {
  line: number;
  character: number;
}
export interface ProtocolRange {
  start: ProtocolPosition;
  end: ProtocolPosition;
}

export interface ModelInterface {
  uniqueId: string;
  protocol?: string;
  host?: string;
  port?: number;
  url?: string;
  range: ProtocolRange;
  /** The `unique-id` value (what to select when revealing it). */
  selectionRange?: ProtocolRange;
}

export interface ModelNode {
  uniqueId: string;
  name?: string;
  nodeType?: string;
  description?: string;
  interfaces: ModelInterface[];
  /** The whole node object. */
  range: ProtocolRange;
  /** The `unique-id` value (what to select when revealing it). */
  selectionRange: ProtocolRange;
  /** Worst diagnostic severity inside this node, if any. */
  problem?: 'error' | 'warning';
}

export type ModelRelationshipKind = 'interacts' | 'connects' | 'deployed-in' | 'composed-of' | 'options';

export interface ModelRelationship {
  uniqueId: string;
  description?: string;
  kind?: ModelRelationshipKind;
  protocol?: string;
  /** interacts: the actor; connects: the source node. */
  source?: string;
  /** connects: the destination node. */
  destination?: string;
  /** connects: interfaces named at each end. */
  sourceInterfaces?: string[];
  destinationInterfaces?: string[];
  /** composed-of / deployed-in: the container. */
  container?: string;
  /** interacts: the nodes the actor interacts with; composed-of / deployed-in: the members. */
  nodes?: string[];
  range: ProtocolRange;
  selectionRange: ProtocolRange;
  problem?: 'error' | 'warning';
}

export interface ModelTransition {
  relationshipId: string;
  sequenceNumber?: number;
  description?: string;
  direction?: string;
  range: ProtocolRange;
}

export interface ModelFlow {
  uniqueId: string;
  name?: string;
  description?: string;
  transitions: ModelTransition[];
  range: ProtocolRange;
  selectionRange: ProtocolRange;
}

/** A document's model as the views need it. */
export interface CalmModelView {
  uri: string;
  /** The document version this answer is for (the version `calm/modelChanged` announced). */
  version: number;
  /** When `stale`: the older version whose text the elements and ranges describe. */
  modelVersion?: number;
  kind: 'architecture' | 'pattern' | 'timeline';
  /** The CALM version named by `$schema`, e.g. `1.1`, if any. */
  calmVersion?: string;
  /** False when the text is not valid JSON: the model is then the last one that parsed (see `stale`). */
  parsed: boolean;
  /** True when this model is the last good one kept while the current text does not parse. */
  stale: boolean;
  nodes: ModelNode[];
  relationships: ModelRelationship[];
  flows: ModelFlow[];
  errorCount: number;
  warningCount: number;
}

/** Request `calm/model`: the model of an open document (undefined if the document is not CALM or not open). */
export const ModelRequestMethod = 'calm/model';
export interface ModelRequestParams {
  uri: string;
}
export type ModelRequestResult = CalmModelView | null;

/** Notification `calm/modelChanged` (server -> client): a document's model changed (after validation settled). */
export const ModelChangedNotificationMethod = 'calm/modelChanged';
export interface ModelChangedParams {
  uri: string;
  version: number;
}

/** Request `calm/elementAt`: which element (node, relationship, interface, flow) contains an offset. */
export const ElementAtRequestMethod = 'calm/elementAt';
export interface ElementAtParams {
  uri: string;
  position: ProtocolPosition;
}
export interface ElementRef {
  kind: 'node' | 'relationship' | 'interface' | 'flow';
  uniqueId: string;
}
export type ElementAtResult = ElementRef | null;

/** Notification `calm/isCalmDocument` (server -> client): whether a document is CALM, for the context key. */
export const IsCalmNotificationMethod = 'calm/isCalmDocument';
export interface IsCalmParams {
  uri: string;
  isCalm: boolean;
}

/**
 * Request `calm/validateWorkspace` (client -> server): validate every CALM file of the workspace folders
 * and publish its diagnostics (open documents keep theirs). Answers what was found.
 */
export const ValidateWorkspaceRequestMethod = 'calm/validateWorkspace';
export interface ValidateWorkspaceResult {
  /** CALM files validated, open documents included. */
  files: number;
  /** Files with at least one error. */
  filesWithErrors: number;
  errors: number;
  warnings: number;
}

/**
 * Request `calm/processId` (client -> server): the server's process id. The client logs it at every
 * (re)start, so a crash and its restart can be told apart in the Output channel.
 */
export const ProcessIdRequestMethod = 'calm/processId';
export interface ProcessIdResult {
  processId: number;
}

/** The `initializationOptions` the extension's client sends when it starts the server. */
export interface CalmInitializationOptions {
  /**
   * False in an untrusted workspace (VS Code's Restricted Mode): the server then follows no URL map and
   * downloads nothing. Absent: trusted (a client that knows nothing of workspace trust).
   */
  workspaceTrusted?: boolean;
}

/** Notification `calm/workspaceTrusted` (client -> server): the user trusted the workspace; no parameters. */
export const WorkspaceTrustedNotificationMethod = 'calm/workspaceTrusted';
