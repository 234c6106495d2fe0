/**
 * Synthetic architectures for the diagram: bench/generate-architecture.ts's services, databases, actors
 * and 2 connects per node, with a share of the nodes grouped into `system` containers (composed-of),
 * ten members each, members spread over the whole graph (so edges cross container borders).
 */
import { generateArchitecture, type JsonObject, type JsonValue } from './generate-architecture';

export interface DiagramArchitectureOptions {
  readonly nodes: number;
  /** Share of the service/database nodes inside containers (default 0.1). */
  readonly containedShare?: number;
  readonly seed?: number;
}

const MEMBERS_PER_CONTAINER = 10;

function idOf(node: JsonValue): string {
  return typeof node === 'object' && node !== null && !Array.isArray(node) && typeof node['unique-id'] === 'string' ? node['unique-id'] : '';
}

export function generateDiagramArchitecture(options: DiagramArchitectureOptions): JsonObject {
  const architecture = generateArchitecture({ nodes: options.nodes, seed: options.seed });
  const nodes = architecture.nodes as JsonObject[];
  const relationships = architecture.relationships as JsonObject[];
  const members = nodes.filter((n) => n['node-type'] !== 'actor').map(idOf);
  const contained = Math.round(members.length * (options.containedShare ?? 0.1));
  const containers = Math.ceil(contained / MEMBERS_PER_CONTAINER);
  const stride = Math.max(1, Math.floor(members.length / Math.max(1, contained)));
  for (let c = 0; c < containers; c++) {
    const id = `system-${String(c).padStart(3, '0')}`;
    nodes.push({ 'unique-id': id, 'node-type': 'system', name: `System ${c}`, description: `Groups ${MEMBERS_PER_CONTAINER} of the services` });
    const chosen: string[] = [];
    for (let m = 0; m < MEMBERS_PER_CONTAINER; m++) {
      const index = (c * MEMBERS_PER_CONTAINER + m) * stride;
      if (index < members.length && c * MEMBERS_PER_CONTAINER + m < contained) chosen.push(members[index]);
    }
    relationships.push({ 'unique-id': `${id}-composition`, description: `System ${c} is made of these`, 'relationship-type': { 'composed-of': { container: id, nodes: chosen } } });
  }
  return architecture;
}

export function generateDiagramArchitectureText(options: DiagramArchitectureOptions): string {
  return JSON.stringify(generateDiagramArchitecture(options), null, 2) + '\n';
}

/** A chain of `depth` systems, each `composed-of` the next: the deepest containment a document can ask for. */
export function generateContainmentChainText(depth: number): string {
  const ids = Array.from({ length: depth }, (_, i) => `system-${i}`);
  const architecture: JsonObject = {
    $schema: 'https://calm.finos.org/release/1.1/meta/calm.json',
    nodes: ids.map((id, i) => ({ 'unique-id': id, 'node-type': 'system', name: `System ${i}`, description: `Level ${i} of the chain` })),
    relationships: ids.slice(0, -1).map((id, i) => ({ 'unique-id': `${id}-composition`, description: `System ${i} contains the next`, 'relationship-type': { 'composed-of': { container: id, nodes: [ids[i + 1]] } } })),
  };
  return JSON.stringify(architecture, null, 2) + '\n';
}
