/**
 * The one protocol between the preview's webview and the extension (client/src/preview imports it too).
 * Messages from the webview are untrusted input for the extension: `parseFromWebview` checks each one
 * before the extension acts on it.
 */
import type { CalmModelView, ElementRef } from '../../server/src/protocol';
import type { DiagramSource, SourceFlow, SourceNode, SourceRelationship } from './diagram-graph';

/** The model as the page gets it: CalmModelView without text ranges (see diagram-graph.ts). */
export interface PreviewModel extends DiagramSource {
  readonly uri: string;
  readonly version: number;
  readonly kind: CalmModelView['kind'];
  readonly parsed: boolean;
  readonly stale: boolean;
  readonly errorCount: number;
  readonly warningCount: number;
}

/** Copies what the page needs, field by field (nothing else of the server's objects crosses). */
export function toPreviewModel(view: CalmModelView): PreviewModel {
  const nodes: SourceNode[] = view.nodes.map((n) => ({
    uniqueId: n.uniqueId,
    name: n.name,
    nodeType: n.nodeType,
    description: n.description,
    interfaces: n.interfaces.map((i) => ({ uniqueId: i.uniqueId, protocol: i.protocol, host: i.host, port: i.port, url: i.url })),
    problem: n.problem,
  }));
  const relationships: SourceRelationship[] = view.relationships.map((r) => ({
    uniqueId: r.uniqueId,
    description: r.description,
    kind: r.kind,
    protocol: r.protocol,
    source: r.source,
    destination: r.destination,
    sourceInterfaces: r.sourceInterfaces,
    destinationInterfaces: r.destinationInterfaces,
    container: r.container,
    nodes: r.nodes,
    problem: r.problem,
  }));
  const flows: SourceFlow[] = view.flows.map((f) => ({
    uniqueId: f.uniqueId,
    name: f.name,
    description: f.description,
    transitions: f.transitions.map((t) => ({ relationshipId: t.relationshipId, sequenceNumber: t.sequenceNumber, description: t.description, direction: t.direction })),
  }));
  return { uri: view.uri, version: view.version, kind: view.kind, parsed: view.parsed, stale: view.stale, errorCount: view.errorCount, warningCount: view.warningCount, nodes, relationships, flows };
}

/** What the panel remembers across reloads (webview state, read back by the panel serializer). */
export interface PreviewState {
  readonly uri: string;
  readonly showLabels: boolean;
}

export type ExportFormat = 'svg' | 'png';

/** The language server's state, as the extension's language client reports it. */
export interface ServerStatus {
  readonly state: 'starting' | 'running' | 'stopped';
  /** Stopped or starting: the client is starting it again (after a crash, or the restart command); false when it gave up. */
  readonly restarting: boolean;
}

/** Extension -> webview. */
export type ToWebview =
  /** A model to draw; `documentName` is shown in titles and used for exports. */
  | { readonly type: 'model'; readonly uri: string; readonly documentName: string; readonly model: PreviewModel }
  /** Another view selected an element (or nothing): highlight it. */
  | { readonly type: 'select'; readonly element: ElementRef | null }
  /** The Export command: answer with `exported`. */
  | { readonly type: 'export'; readonly format: ExportFormat; readonly requestId: number }
  /** The language server stopped, is starting again, or runs again (a new model follows). */
  | ({ readonly type: 'serverState' } & ServerStatus);

export interface RenderedInfo {
  readonly uri: string;
  /** The document version of the model drawn. */
  readonly version: number;
  readonly nodes: number;
  readonly edges: number;
  readonly containers: number;
  readonly strategy: 'layered' | 'large';
  /** False when the cached layout was reused (names or descriptions changed, not the topology). */
  readonly relaidOut: boolean;
  readonly layoutMs: number;
  readonly drawMs: number;
  /** From the model's arrival to the diagram in the page. */
  readonly totalMs: number;
  readonly stale: boolean;
}

/** Webview -> extension. */
export type FromWebview =
  | { readonly type: 'ready' }
  | ({ readonly type: 'rendered' } & RenderedInfo)
  /** The layout did not finish in time, or failed: the panel shows `message`. */
  | { readonly type: 'layoutFailed'; readonly uri: string; readonly version: number; readonly message: string }
  /** A click on a node or edge: select it and reveal its definition. */
  | { readonly type: 'reveal'; readonly element: ElementRef }
  /** The banner's link. */
  | { readonly type: 'showProblems' }
  /** The server banner's link, when the language server was given up on. */
  | { readonly type: 'restartServer' }
  /** An export: `data` is SVG text or a base64 PNG; `requestId` 0 when the webview's own button asked. */
  | { readonly type: 'exported'; readonly format: ExportFormat; readonly data: string; readonly requestId: number };

const ELEMENT_KINDS: readonly ElementRef['kind'][] = ['node', 'relationship', 'interface', 'flow'];

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isBoolean = (v: unknown): v is boolean => typeof v === 'boolean';

export function parseElementRef(value: unknown): ElementRef | undefined {
  if (!isObject(value)) return undefined;
  const { kind, uniqueId } = value;
  if (!isString(kind) || !(ELEMENT_KINDS as readonly string[]).includes(kind) || !isString(uniqueId) || uniqueId === '' || uniqueId.length > 10_000) return undefined;
  return { kind: kind as ElementRef['kind'], uniqueId };
}

export function parsePreviewState(value: unknown): PreviewState | undefined {
  if (!isObject(value) || !isString(value.uri) || value.uri === '' || !isBoolean(value.showLabels)) return undefined;
  return { uri: value.uri, showLabels: value.showLabels };
}

/** A message from the webview, checked field by field; undefined when it is not one we know. */
export function parseFromWebview(value: unknown): FromWebview | undefined {
  if (!isObject(value) || !isString(value.type)) return undefined;
  switch (value.type) {
    case 'ready':
      return { type: 'ready' };
    case 'showProblems':
      return { type: 'showProblems' };
    case 'restartServer':
      return { type: 'restartServer' };
    case 'reveal': {
      const element = parseElementRef(value.element);
      return element ? { type: 'reveal', element } : undefined;
    }
    case 'rendered': {
      const v = value;
      if (!isString(v.uri) || !isCount(v.version) || !isCount(v.nodes) || !isCount(v.edges) || !isCount(v.containers)) return undefined;
      if ((v.strategy !== 'layered' && v.strategy !== 'large') || !isBoolean(v.relaidOut) || !isCount(v.layoutMs) || !isCount(v.drawMs) || !isCount(v.totalMs) || !isBoolean(v.stale)) return undefined;
      return { type: 'rendered', uri: v.uri, version: v.version, nodes: v.nodes, edges: v.edges, containers: v.containers, strategy: v.strategy, relaidOut: v.relaidOut, layoutMs: v.layoutMs, drawMs: v.drawMs, totalMs: v.totalMs, stale: v.stale };
    }
    case 'layoutFailed':
      return isString(value.uri) && isCount(value.version) && isString(value.message) ? { type: 'layoutFailed', uri: value.uri, version: value.version, message: value.message } : undefined;
    case 'exported': {
      const { format, data, requestId } = value;
      if ((format !== 'svg' && format !== 'png') || !isString(data) || !isCount(requestId)) return undefined;
      if (format === 'png' && !/^[A-Za-z0-9+/]*={0,2}$/.test(data)) return undefined;
      return { type: 'exported', format, data, requestId };
    }
    default:
      return undefined;
  }
}
