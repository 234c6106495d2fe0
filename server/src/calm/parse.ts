/**
 * Text -> CalmDocument: the plain value, document kind, `$schema`, and (on first use) the positioned
 * tree and the CALM model. Valid JSON, the common case, is parsed by JSON.parse alone: validation reads
 * that value, and the positioned tree the language features need is built only when one asks for it.
 */
import { getNodeValue, type Node as JsonNode } from 'jsonc-parser';
import type { Finding, OffsetRange } from './findings';
import { LineIndex } from './lines';
import {
  RELATIONSHIP_KINDS,
  type CalmControl,
  type CalmDocument,
  type CalmFlow,
  type CalmInterface,
  type CalmModel,
  type CalmNode,
  type CalmRelationship,
  type CalmTransition,
  type ConnectsEnd,
  type DocumentKind,
  type IdReference,
  type RelationshipKind,
  type SchemaReference,
} from './model';
import { locatePaths } from './locate-text';
import { escapeSegment, propertyNode, stringProperty } from './pointer';
import { MAX_NESTING_DEPTH, parseJson } from './syntax';
import { isJsonObject, ownMember } from './value-node';
import { parseStrictJsonTree } from './json-tree';

const META_URL = /^(?:https?:\/\/)?calm\.finos\.org\/(release|draft)\/([^/]+)\/meta\/([^/#?]+\.json)$/;

export function rangeOf(node: JsonNode): OffsetRange {
  return { start: node.offset, end: node.offset + node.length };
}

export function classifySchema(value: unknown): SchemaReference {
  if (value === undefined) return { kind: 'none' };
  if (typeof value !== 'string' || value.trim() === '') return { kind: 'invalid' };
  const m = META_URL.exec(value.trim());
  if (m) return { kind: 'meta', url: value, channel: m[1] as 'release' | 'draft', version: m[2], file: m[3] };
  return { kind: 'other', url: value };
}

function detectKind(value: unknown, schema: SchemaReference): DocumentKind {
  const has = (object: unknown, key: string): boolean => ownMember(object, key) !== undefined;
  // An architecture that names the timeline schema is still an architecture (the reference lints it as one).
  const looksLikeArchitecture = has(value, 'nodes') || has(value, 'relationships');
  if (schema.kind === 'meta' && schema.file === 'calm-timeline.json' && !looksLikeArchitecture) return 'timeline';
  if (!isJsonObject(value)) return 'architecture';
  if (has(value, 'moments') && !has(value, 'nodes')) return 'timeline';
  // A pattern is a JSON schema whose own `$schema` is a CALM meta schema: it describes nodes under `properties`.
  const properties = ownMember(value, 'properties');
  if (isJsonObject(properties) && !Array.isArray(ownMember(value, 'nodes'))) {
    if (schema.kind === 'meta' || has(properties, 'nodes') || has(properties, 'relationships')) return 'pattern';
  }
  return 'architecture';
}

const EMPTY_MODEL: CalmModel = { nodes: [], relationships: [], flows: [], controls: [], references: [] };

/** Builds the model of an architecture document; tolerant of any shape (wrong types are simply skipped). */
class ModelBuilder {
  readonly references: IdReference[] = [];
  readonly controls: CalmControl[] = [];

  private ref(node: JsonNode | undefined, path: string, target: IdReference['target'], role: string, ownerId: string | undefined): IdReference | undefined {
    if (!node || node.type !== 'string') return undefined;
    const r: IdReference = { id: node.value as string, range: rangeOf(node), path, target, role, ownerId };
    this.references.push(r);
    return r;
  }

  private refArray(node: JsonNode | undefined, path: string, target: IdReference['target'], role: string, ownerId: string | undefined): IdReference[] {
    if (!node || node.type !== 'array' || !node.children) return [];
    const out: IdReference[] = [];
    node.children.forEach((child, i) => {
      const r = this.ref(child, `${path}/${i}`, target, role, ownerId);
      if (r) out.push(r);
    });
    return out;
  }

  private elementSegment(element: JsonNode, index: number): string {
    return escapeSegment(element.type === 'object' ? stringProperty(element, 'unique-id') ?? index : index);
  }

  private idRange(element: JsonNode): OffsetRange {
    const id = propertyNode(element, 'unique-id');
    return id ? rangeOf(id) : rangeOf(element);
  }

  collectControls(owner: JsonNode | undefined, ownerPath: string): void {
    const controls = propertyNode(owner, 'controls');
    if (!controls || controls.type !== 'object' || !controls.children) return;
    const path = `${ownerPath}/controls`;
    for (const prop of controls.children) {
      const key = prop.children?.[0];
      const value = prop.children?.[1];
      if (!key || !value) continue;
      this.controls.push({
        key: String(key.value),
        description: stringProperty(value, 'description'),
        path,
        range: rangeOf(value),
        keyRange: rangeOf(key),
        json: value,
      });
    }
  }

  nodes(array: JsonNode | undefined): CalmNode[] {
    if (!array || array.type !== 'array' || !array.children) return [];
    return array.children.map((el, index) => {
      const path = `/nodes/${this.elementSegment(el, index)}`;
      const uniqueId = stringProperty(el, 'unique-id');
      const nameNode = propertyNode(el, 'name');
      this.collectControls(el, path);
      return {
        uniqueId,
        name: stringProperty(el, 'name'),
        nodeType: stringProperty(el, 'node-type'),
        description: stringProperty(el, 'description'),
        interfaces: this.interfaces(propertyNode(el, 'interfaces'), path, uniqueId),
        nameRange: nameNode ? rangeOf(nameNode) : undefined,
        range: rangeOf(el),
        idRange: this.idRange(el),
        path,
        index,
        json: el,
      };
    });
  }

  private interfaces(array: JsonNode | undefined, nodePath: string, nodeId: string | undefined): CalmInterface[] {
    if (!array || array.type !== 'array' || !array.children) return [];
    return array.children.map((el, index) => {
      const port = propertyNode(el, 'port');
      return {
        uniqueId: stringProperty(el, 'unique-id'),
        nodeId,
        protocol: stringProperty(el, 'protocol'),
        host: stringProperty(el, 'host'),
        port: port?.type === 'number' ? (port.value as number) : undefined,
        url: stringProperty(el, 'url'),
        range: rangeOf(el),
        idRange: this.idRange(el),
        path: `${nodePath}/interfaces/${this.elementSegment(el, index)}`,
        index,
        json: el,
      };
    });
  }

  private connectsEnd(end: JsonNode | undefined, path: string, ownerId: string | undefined, which: 'source' | 'destination'): ConnectsEnd | undefined {
    if (!end || end.type !== 'object') return undefined;
    return {
      node: this.ref(propertyNode(end, 'node'), `${path}/node`, 'node', `connects.${which}.node`, ownerId),
      interfaces: this.refArray(propertyNode(end, 'interfaces'), `${path}/interfaces`, 'interface', `connects.${which}.interfaces`, ownerId),
      json: end,
    };
  }

  relationships(array: JsonNode | undefined): CalmRelationship[] {
    if (!array || array.type !== 'array' || !array.children) return [];
    return array.children.map((el, index) => {
      const path = `/relationships/${this.elementSegment(el, index)}`;
      const uniqueId = stringProperty(el, 'unique-id');
      const typeNode = propertyNode(el, 'relationship-type');
      const keys = typeNode?.type === 'object' ? (typeNode.children ?? []).map((p) => String(p.children?.[0]?.value)) : [];
      const known = keys.filter((k): k is RelationshipKind => (RELATIONSHIP_KINDS as readonly string[]).includes(k));
      const kind = keys.length === 1 && known.length === 1 ? known[0] : undefined;
      const typePath = `${path}/relationship-type`;
      let actor: IdReference | undefined;
      let container: IdReference | undefined;
      let source: ConnectsEnd | undefined;
      let destination: ConnectsEnd | undefined;
      let options: JsonNode | undefined;
      const nodes: IdReference[] = [];
      // Read every known kind present, so references in a malformed (multi-kind) relationship are still indexed.
      for (const k of known) {
        const body = propertyNode(typeNode, k);
        const bodyPath = `${typePath}/${k}`;
        if (k === 'interacts') {
          actor = this.ref(propertyNode(body, 'actor'), `${bodyPath}/actor`, 'node', 'interacts.actor', uniqueId) ?? actor;
          nodes.push(...this.refArray(propertyNode(body, 'nodes'), `${bodyPath}/nodes`, 'node', 'interacts.nodes', uniqueId));
        } else if (k === 'connects') {
          source = this.connectsEnd(propertyNode(body, 'source'), `${bodyPath}/source`, uniqueId, 'source');
          destination = this.connectsEnd(propertyNode(body, 'destination'), `${bodyPath}/destination`, uniqueId, 'destination');
        } else if (k === 'composed-of' || k === 'deployed-in') {
          container = this.ref(propertyNode(body, 'container'), `${bodyPath}/container`, 'node', `${k}.container`, uniqueId) ?? container;
          nodes.push(...this.refArray(propertyNode(body, 'nodes'), `${bodyPath}/nodes`, 'node', `${k}.nodes`, uniqueId));
        } else if (k === 'options') {
          options = body;
        }
      }
      this.collectControls(el, path);
      return {
        uniqueId,
        description: stringProperty(el, 'description'),
        kind,
        protocol: stringProperty(el, 'protocol'),
        actor,
        container,
        nodes,
        source,
        destination,
        options,
        range: rangeOf(el),
        idRange: this.idRange(el),
        path,
        index,
        json: el,
      };
    });
  }

  flows(array: JsonNode | undefined): CalmFlow[] {
    if (!array || array.type !== 'array' || !array.children) return [];
    return array.children.map((el, index) => {
      const path = `/flows/${this.elementSegment(el, index)}`;
      const uniqueId = stringProperty(el, 'unique-id');
      const transitionsNode = propertyNode(el, 'transitions');
      const transitions: CalmTransition[] = [];
      if (transitionsNode?.type === 'array') {
        (transitionsNode.children ?? []).forEach((t, i) => {
          const tPath = `${path}/transitions/${i}`;
          const seq = propertyNode(t, 'sequence-number');
          transitions.push({
            relationship: this.ref(propertyNode(t, 'relationship-unique-id'), `${tPath}/relationship-unique-id`, 'relationship', 'transition', uniqueId),
            sequenceNumber: seq?.type === 'number' ? (seq.value as number) : undefined,
            sequenceRange: seq ? rangeOf(seq) : undefined,
            description: stringProperty(t, 'description'),
            direction: stringProperty(t, 'direction'),
            path: tPath,
            range: rangeOf(t),
            index: i,
          });
        });
      }
      this.collectControls(el, path);
      return {
        uniqueId,
        name: stringProperty(el, 'name'),
        description: stringProperty(el, 'description'),
        transitions,
        range: rangeOf(el),
        idRange: this.idRange(el),
        path,
        index,
        json: el,
      };
    });
  }
}

function buildModel(root: JsonNode): CalmModel {
  const b = new ModelBuilder();
  const nodes = b.nodes(propertyNode(root, 'nodes'));
  const relationships = b.relationships(propertyNode(root, 'relationships'));
  const flows = b.flows(propertyNode(root, 'flows'));
  b.collectControls(root, '');
  return { nodes, relationships, flows, controls: b.controls, references: b.references, metadata: propertyNode(root, 'metadata') };
}

/** The tolerant value of a tree jsonc-parser recovered from broken text. */
function recoveredValue(root: JsonNode | undefined): unknown {
  return root ? getNodeValue(root) : undefined;
}

/** Does the value nest containers deeper than `limit`? Stops as soon as it does, so it never recurses past it. */
function nestsDeeperThan(value: unknown, limit: number): boolean {
  if (limit < 0) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'object' && item !== null && nestsDeeperThan(item, limit - 1)) return true;
    }
  } else if (isJsonObject(value)) {
    for (const key in value) {
      const item = value[key];
      if (typeof item === 'object' && item !== null && nestsDeeperThan(item, limit - 1)) return true;
    }
  }
  return false;
}

/** JSON.parse's value of valid JSON text, or undefined for anything the syntax check must explain. */
function parseValid(text: string): { readonly value: unknown } | undefined {
  // A byte order mark, and nesting too deep for the recursive walks downstream, get syntax findings.
  if (text.charCodeAt(0) === 0xfeff) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    // Walking the parsed value is far cheaper than scanning the text again (it skips every scalar).
    const tooDeep = typeof value === 'object' && value !== null && nestsDeeperThan(value, MAX_NESTING_DEPTH - 1);
    return tooDeep ? undefined : { value };
  } catch {
    return undefined;
  }
}

function documentOf(
  text: string,
  value: unknown,
  syntaxFindings: readonly Finding[],
  rootOf: () => JsonNode | undefined,
  schemaRangeOf: () => OffsetRange | undefined,
): CalmDocument {
  const schema = classifySchema(ownMember(value, '$schema'));
  const kind = detectKind(value, schema);
  let root: JsonNode | undefined | null = null;
  let schemaRange: OffsetRange | undefined | null = null;
  // The model is built on first use: validation alone (the CLI, CI) never needs it.
  let model: CalmModel | undefined;
  return {
    text,
    lines: new LineIndex(text),
    value,
    syntaxFindings,
    kind,
    schema,
    get root() {
      if (root === null) root = rootOf();
      return root;
    },
    get schemaRange() {
      if (schemaRange === null) schemaRange = schemaRangeOf();
      return schemaRange;
    },
    get model() {
      const tree = this.root;
      return (model ??= tree?.type === 'object' && kind === 'architecture' ? buildModel(tree) : EMPTY_MODEL);
    },
  };
}

/** Parses a CALM document. Never throws: broken text yields syntax findings and whatever model can be recovered. */
export function parseCalm(text: string): CalmDocument {
  const valid = parseValid(text);
  if (valid) {
    return documentOf(
      text,
      valid.value,
      [],
      // Valid JSON always has a strict tree; jsonc-parser stands behind it should the two ever disagree.
      () => parseStrictJsonTree(text, MAX_NESTING_DEPTH) ?? parseJson(text).root,
      () => {
        if (ownMember(valid.value, '$schema') === undefined) return undefined;
        const { span } = locatePaths(text, [['$schema']])[0];
        return { start: span.start, end: span.end };
      },
    );
  }
  const { root, findings } = parseJson(text);
  const schemaNode = root?.type === 'object' ? propertyNode(root, '$schema') : undefined;
  return documentOf(
    text,
    recoveredValue(root),
    findings,
    () => root,
    () => (schemaNode ? rangeOf(schemaNode) : undefined),
  );
}
