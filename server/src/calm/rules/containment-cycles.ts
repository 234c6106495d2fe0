/**
 * Our own rule (the reference has none): `composed-of` and `deployed-in` relationships must not make a
 * node contain itself, directly (`a ⊃ a`) or through other nodes (`a ⊃ b ⊃ a`). Both kinds nest one node
 * inside another (the diagram draws them as one hierarchy), so a cycle may mix them.
 *
 * One depth-first search over the containment graph, with an explicit stack (a chain of 100,000
 * containers must not overflow the call stack): every edge that leads back to a node still on the
 * stack closes a cycle, and is reported once, on the `nodes` entry that closes it. Linear in the number
 * of containment entries; long cycles are abridged in the message so it stays short.
 */
import type { ValueNode } from '../value-node';
import type { RuleFinding } from './support/report';
import type { CalmDocument } from '../model';
import type { Rule } from './rule';
import { findingAt } from './support/report';
import { member, starChildren, rootOf } from './support/tree';

const CONTAINMENT_KINDS = ['composed-of', 'deployed-in'] as const;
/** Ids shown at each end of an abridged cycle. */
const CYCLE_ENDS_SHOWN = 4;
/** Ids longer than this are cut in messages (a 100 KB id would make the message unreadable). */
const ID_CHARS_SHOWN = 80;

interface ContainmentEdge {
  readonly member: string;
  /** The `nodes` entry that puts `member` inside the container. */
  readonly entry: ValueNode;
}

/** container id -> what it contains, in document order; containers in order of first appearance. */
function containmentGraph(doc: CalmDocument): Map<string, ContainmentEdge[]> {
  const graph = new Map<string, ContainmentEdge[]>();
  for (const relationship of starChildren(member(rootOf(doc), 'relationships'))) {
    if (relationship.type !== 'object') continue;
    const type = member(relationship, 'relationship-type');
    for (const kind of CONTAINMENT_KINDS) {
      const body = member(type, kind);
      const container = member(body, 'container');
      const entries = member(body, 'nodes');
      if (container?.type !== 'string' || entries?.type !== 'array') continue;
      const containerId = container.value as string;
      for (const entry of starChildren(entries)) {
        if (entry.type !== 'string') continue;
        let edges = graph.get(containerId);
        if (!edges) graph.set(containerId, (edges = []));
        edges.push({ member: entry.value as string, entry });
      }
    }
  }
  return graph;
}

function shownId(id: string): string {
  return id.length > ID_CHARS_SHOWN ? `${id.slice(0, ID_CHARS_SHOWN)}…` : id;
}

/** `'a' ⊃ 'b' ⊃ 'a'` for the nodes `path[from..]`, abridged in the middle when long. */
function cycleText(path: readonly string[], from: number): string {
  const quoted = (id: string): string => `'${shownId(id)}'`;
  const length = path.length - from;
  const parts =
    length <= 2 * CYCLE_ENDS_SHOWN
      ? path.slice(from).map(quoted)
      : [
          ...path.slice(from, from + CYCLE_ENDS_SHOWN).map(quoted),
          `… ${length - 2 * CYCLE_ENDS_SHOWN} more …`,
          ...path.slice(path.length - CYCLE_ENDS_SHOWN).map(quoted),
        ];
  return [...parts, quoted(path[from])].join(' ⊃ ');
}

const UNVISITED = 0;
const ON_PATH = 1;
const DONE = 2;

interface Frame {
  readonly node: string;
  readonly edges: readonly ContainmentEdge[];
  next: number;
}

export const containmentCycles: Rule = {
  code: 'containment-cycle',
  severity: 'error',
  kinds: ['architecture'],
  check({ doc }) {
    const graph = containmentGraph(doc);
    const state = new Map<string, number>();
    /** Position of each node of the current path in `path`. */
    const positionOnPath = new Map<string, number>();
    const path: string[] = [];
    const out: RuleFinding[] = [];
    const NO_EDGES: readonly ContainmentEdge[] = [];

    for (const root of graph.keys()) {
      if ((state.get(root) ?? UNVISITED) !== UNVISITED) continue;
      const stack: Frame[] = [{ node: root, edges: graph.get(root) ?? NO_EDGES, next: 0 }];
      state.set(root, ON_PATH);
      positionOnPath.set(root, 0);
      path.push(root);
      while (stack.length > 0) {
        const frame = stack[stack.length - 1];
        if (frame.next === frame.edges.length) {
          stack.pop();
          path.pop();
          positionOnPath.delete(frame.node);
          state.set(frame.node, DONE);
          continue;
        }
        const edge = frame.edges[frame.next++];
        const seen = state.get(edge.member) ?? UNVISITED;
        if (seen === ON_PATH) {
          const text = cycleText(path, positionOnPath.get(edge.member)!);
          out.push(findingAt(containmentCycles, edge.entry, `Containment cycle: ${text}. A node cannot contain itself, directly or through the nodes it contains.`));
        } else if (seen === UNVISITED) {
          state.set(edge.member, ON_PATH);
          positionOnPath.set(edge.member, path.length);
          path.push(edge.member);
          stack.push({ node: edge.member, edges: graph.get(edge.member) ?? NO_EDGES, next: 0 });
        }
      }
    }
    return out;
  },
};
