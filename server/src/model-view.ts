/** A validated document -> the `CalmModelView` the tree and the diagram draw (protocol.ts). */
import type { Finding, OffsetRange } from './calm/findings';
import type { CalmDocument, CalmFlow, CalmInterface, CalmNode, CalmRelationship, IdReference } from './calm/model';
import type { DocumentState } from './documents';
import type {
  CalmModelView,
  ModelFlow,
  ModelInterface,
  ModelNode,
  ModelRelationship,
  ProtocolRange,
} from './protocol';

type Problem = 'error' | 'warning';

function rangeIn(doc: CalmDocument, range: OffsetRange): ProtocolRange {
  return { start: doc.lines.positionAt(range.start), end: doc.lines.positionAt(range.end) };
}

/**
 * The worst problem inside each of `elements` (in document order, not overlapping), from `findings`
 * sorted by start: one sweep over both lists, however many elements and findings there are.
 */
function problemsWithin(elements: readonly { range: OffsetRange }[], findings: readonly Finding[]): (Problem | undefined)[] {
  const out: (Problem | undefined)[] = new Array(elements.length);
  let f = 0;
  for (let i = 0; i < elements.length; i++) {
    const { start, end } = elements[i].range;
    while (f < findings.length && findings[f].range.start < start) f++;
    let worst: Problem | undefined;
    for (let g = f; g < findings.length && findings[g].range.start < end; g++) {
      const severity = findings[g].severity;
      if (severity === 'error') {
        worst = 'error';
        break;
      }
      if (severity === 'warning') worst = 'warning';
    }
    out[i] = worst;
  }
  return out;
}

function ids(refs: readonly IdReference[]): string[] {
  return refs.map((r) => r.id);
}

function interfaceView(doc: CalmDocument, i: CalmInterface): ModelInterface {
  return {
    uniqueId: i.uniqueId ?? '',
    protocol: i.protocol,
    host: i.host,
    port: i.port,
    url: i.url,
    range: rangeIn(doc, i.range),
    selectionRange: rangeIn(doc, i.idRange),
  };
}

function nodeView(doc: CalmDocument, n: CalmNode, problem: Problem | undefined): ModelNode {
  return {
    uniqueId: n.uniqueId ?? '',
    name: n.name,
    nodeType: n.nodeType,
    description: n.description,
    interfaces: n.interfaces.map((i) => interfaceView(doc, i)),
    range: rangeIn(doc, n.range),
    selectionRange: rangeIn(doc, n.idRange),
    problem,
  };
}

function relationshipView(doc: CalmDocument, r: CalmRelationship, problem: Problem | undefined): ModelRelationship {
  const view: ModelRelationship = {
    uniqueId: r.uniqueId ?? '',
    description: r.description,
    kind: r.kind,
    protocol: r.protocol,
    source: r.actor?.id ?? r.source?.node?.id,
    destination: r.destination?.node?.id,
    container: r.container?.id,
    range: rangeIn(doc, r.range),
    selectionRange: rangeIn(doc, r.idRange),
    problem,
  };
  if (r.source) view.sourceInterfaces = ids(r.source.interfaces);
  if (r.destination) view.destinationInterfaces = ids(r.destination.interfaces);
  if (r.nodes.length > 0 || r.kind === 'interacts' || r.kind === 'composed-of' || r.kind === 'deployed-in') view.nodes = ids(r.nodes);
  return view;
}

function flowView(doc: CalmDocument, f: CalmFlow): ModelFlow {
  return {
    uniqueId: f.uniqueId ?? '',
    name: f.name,
    description: f.description,
    transitions: f.transitions.map((t) => ({
      relationshipId: t.relationship?.id ?? '',
      sequenceNumber: t.sequenceNumber,
      description: t.description,
      direction: t.direction,
      range: rangeIn(doc, t.range),
    })),
    range: rangeIn(doc, f.range),
    selectionRange: rangeIn(doc, f.idRange),
  };
}

/**
 * The model view of a CALM document's current version, or null if it is not CALM. While the text does
 * not parse, the elements come from the last version that did (`stale`), with the current problem counts.
 */
export function toModelView(state: DocumentState): CalmModelView | null {
  const result = state.result;
  if (!result || !state.doc) return null;
  const stale = !state.parses && state.lastGood !== undefined && state.lastGood.version !== state.version;
  const source = stale && state.lastGood ? state.lastGood.doc : state.doc;
  // Problem marks need ranges of the current text; a stale model's ranges are of an older one.
  const findings = stale ? [] : result.findings;
  const { nodes, relationships, flows } = source.model;
  const nodeProblems = problemsWithin(nodes, findings);
  const relationshipProblems = problemsWithin(relationships, findings);
  let errorCount = 0;
  let warningCount = 0;
  for (const f of result.findings) {
    if (f.severity === 'error') errorCount++;
    else if (f.severity === 'warning') warningCount++;
  }
  return {
    uri: state.uri,
    version: state.version,
    modelVersion: stale ? state.lastGood?.version : undefined,
    kind: source.kind,
    calmVersion: source.schema.kind === 'meta' ? source.schema.version : undefined,
    parsed: state.parses,
    stale,
    nodes: nodes.map((n, i) => nodeView(source, n, nodeProblems[i])),
    relationships: relationships.map((r, i) => relationshipView(source, r, relationshipProblems[i])),
    flows: flows.map((f) => flowView(source, f)),
    errorCount,
    warningCount,
  };
}
