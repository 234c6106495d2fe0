/**
 * Valid synthetic CALM architectures of any size, for benchmarks and tests.
 *
 * `nodes` services and databases, each with two interfaces; 2 x `nodes` `connects` relationships
 * whose ends name real nodes and interfaces of those nodes; one actor per 50 nodes, each
 * `interacts` with a few of them; one flow per 20 nodes through existing relationships.
 * Every node is referenced by some relationship, every reference resolves: the reference
 * validator and ours report nothing. Deterministic: the same options give the same text.
 */

export interface GenerateOptions {
  /** Number of service/database nodes (actors come on top). At least 2. */
  readonly nodes: number;
  /** Seed of the pseudo-random choices (default 1). */
  readonly seed?: number;
  /** Include flows (default true). */
  readonly flows?: boolean;
}

/** The plain JSON of an architecture, ready for JSON.stringify. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface GeneratedCounts {
  readonly nodes: number;
  readonly actors: number;
  readonly interfaces: number;
  readonly connects: number;
  readonly interacts: number;
  readonly flows: number;
}

/** mulberry32: tiny, fast and good enough to spread references; no dependency. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function countsFor(options: GenerateOptions): GeneratedCounts {
  const n = Math.max(2, Math.floor(options.nodes));
  const actors = Math.max(1, Math.ceil(n / 50));
  return {
    nodes: n,
    actors,
    interfaces: 2 * n,
    connects: 2 * n,
    interacts: actors,
    flows: options.flows === false ? 0 : Math.max(1, Math.floor(n / 20)),
  };
}

export function generateArchitecture(options: GenerateOptions): JsonObject {
  const counts = countsFor(options);
  const n = counts.nodes;
  const random = rng(options.seed ?? 1);
  const pick = (limit: number) => Math.floor(random() * limit);
  const w = String(n).length;
  const nodeId = (i: number) => `${i % 4 === 3 ? 'db' : 'svc'}-${pad(i, w)}`;
  const apiId = (i: number) => `${nodeId(i)}-api`;
  const opsId = (i: number) => `${nodeId(i)}-ops`;

  const nodes: JsonObject[] = [];
  for (let a = 0; a < counts.actors; a++) {
    nodes.push({ 'unique-id': `actor-${pad(a, 3)}`, 'node-type': 'actor', name: `User group ${a}`, description: `People of group ${a} using the platform` });
  }
  for (let i = 0; i < n; i++) {
    const database = i % 4 === 3;
    nodes.push({
      'unique-id': nodeId(i),
      'node-type': database ? 'database' : 'service',
      name: database ? `Database ${i}` : `Service ${i}`,
      description: database ? `Stores the records of domain ${i}` : `Handles the requests of domain ${i}`,
      interfaces: [
        { 'unique-id': apiId(i), protocol: database ? 'JDBC' : 'HTTPS', host: `${nodeId(i)}.internal.example.com`, port: database ? 5432 : 8443 },
        { 'unique-id': opsId(i), protocol: 'HTTPS', port: 9000 + (i % 1000) },
      ],
      metadata: { 'tech-owner': `team-${i % 17}@example.com`, tier: `tier-${1 + (i % 3)}` },
    });
  }

  // First n: every node is a source once; next n: every node is a destination once. Nothing dangles.
  const relationships: JsonObject[] = [];
  const connectsIds: string[] = [];
  for (let k = 0; k < 2 * n; k++) {
    const fixed = k % n;
    let other = pick(n - 1);
    if (other >= fixed) other++;
    const [from, to] = k < n ? [fixed, other] : [other, fixed];
    const id = `conn-${pad(k, String(2 * n).length)}`;
    connectsIds.push(id);
    relationships.push({
      'unique-id': id,
      description: `${nodeId(from)} calls ${nodeId(to)}`,
      'relationship-type': {
        connects: {
          source: { node: nodeId(from), interfaces: [apiId(from)] },
          destination: { node: nodeId(to), interfaces: [random() < 0.5 ? apiId(to) : opsId(to)] },
        },
      },
    });
  }
  for (let a = 0; a < counts.actors; a++) {
    const targets = new Set<string>();
    while (targets.size < Math.min(3, n)) targets.add(nodeId(pick(n)));
    relationships.push({
      'unique-id': `actor-${pad(a, 3)}-uses`,
      description: `User group ${a} uses the platform`,
      'relationship-type': { interacts: { actor: `actor-${pad(a, 3)}`, nodes: [...targets] } },
    });
  }

  const flows: JsonObject[] = [];
  for (let f = 0; f < counts.flows; f++) {
    const transitions: JsonObject[] = [];
    for (let s = 1; s <= 3; s++) {
      transitions.push({
        'relationship-unique-id': connectsIds[pick(connectsIds.length)],
        'sequence-number': s,
        description: `Step ${s} of flow ${f}`,
        direction: s === 3 ? 'destination-to-source' : 'source-to-destination',
      });
    }
    flows.push({ 'unique-id': `flow-${pad(f, 4)}`, name: `Flow ${f}`, description: `Business flow number ${f}`, transitions });
  }

  const architecture: JsonObject = {
    $schema: 'https://calm.finos.org/release/1.1/meta/calm.json',
    metadata: { owner: 'bench@example.com', description: `Synthetic architecture with ${n} nodes`, version: '1.0.0' },
    nodes,
    relationships,
  };
  if (flows.length > 0) architecture.flows = flows;
  return architecture;
}

/** The architecture as a file would hold it: two-space indentation, final newline. */
export function generateArchitectureText(options: GenerateOptions): string {
  return JSON.stringify(generateArchitecture(options), null, 2) + '\n';
}
