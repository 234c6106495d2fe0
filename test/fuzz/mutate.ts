/** Fuzz mutations of CALM documents: structure-aware (on the parsed value) and raw (on the text). */
import type { Rng } from './rng';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const HOSTILE_STRINGS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=1">',
  'javascript:window.__pwned=1',
  '</svg><script>window.__pwned=1</script>',
  '[click](command:workbench.action.quit)',
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '',
  ' ',
  '\u202Eevil\u202C',
  'שלום עולם',
  '😀'.repeat(50),
  '\u0000\u0001',
  '"quoted"',
  '\\',
  '[[ PLACEHOLDER ]]',
  '[[ BOOLEAN_FLAG ]]',
];

const CALM_KEYS = [
  'unique-id', 'node-type', 'name', 'description', 'interfaces', 'relationship-type', 'interacts', 'connects',
  'composed-of', 'deployed-in', 'options', 'actor', 'nodes', 'container', 'source', 'destination', 'node',
  'flows', 'transitions', 'relationship-unique-id', 'sequence-number', 'controls', 'metadata', '$schema',
];

function isObject(v: Json): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every container (object or array) in the value, with the path to it. */
function containers(root: Json): Json[] {
  const out: Json[] = [];
  const stack: Json[] = [root];
  while (stack.length > 0 && out.length < 50_000) {
    const v = stack.pop()!;
    if (Array.isArray(v)) {
      out.push(v);
      stack.push(...v);
    } else if (isObject(v)) {
      out.push(v);
      stack.push(...Object.values(v));
    }
  }
  return out;
}

/** Every string value that looks like an id (value of a `unique-id` key), for swaps and cycles. */
function ids(root: Json): string[] {
  const found: string[] = [];
  for (const c of containers(root)) {
    if (isObject(c) && typeof c['unique-id'] === 'string') found.push(c['unique-id']);
  }
  return found;
}

function randomScalar(rng: Rng, knownIds: string[]): Json {
  switch (rng.int(8)) {
    case 0: return null;
    case 1: return rng.chance(0.5);
    case 2: return rng.pick([-1, 0, 1, 1e308, -0, 2 ** 53 + 1, 3.14]);
    case 3: return rng.pick(HOSTILE_STRINGS);
    case 4: return knownIds.length ? rng.pick(knownIds) : 'x';
    case 5: return 'x'.repeat(rng.pick([1, 1000, 100_000]));
    case 6: return [];
    default: return {};
  }
}

function deepNest(depth: number): Json {
  let v: Json = 'bottom';
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { nested: v };
  return v;
}

/** One structure-aware mutation, in place. */
function mutateValue(root: Json, rng: Rng): Json {
  const all = containers(root);
  if (all.length === 0) return randomScalar(rng, []);
  const knownIds = ids(root);
  const target = rng.pick(all);
  const op = rng.int(9);
  if (Array.isArray(target)) {
    if (target.length === 0 || op === 0) target.push(randomScalar(rng, knownIds));
    else if (op <= 2) target.splice(rng.int(target.length), 1);
    else if (op <= 4) target.push(structuredClone(target[rng.int(target.length)])); // duplicates ids
    else if (op === 5) target.reverse();
    else target[rng.int(target.length)] = randomScalar(rng, knownIds);
    return root;
  }
  if (isObject(target)) {
    const keys = Object.keys(target);
    if (keys.length === 0 || op === 0) {
      target[rng.pick(CALM_KEYS)] = randomScalar(rng, knownIds);
    } else if (op <= 2) {
      delete target[rng.pick(keys)];
    } else if (op <= 4) {
      target[rng.pick(keys)] = randomScalar(rng, knownIds); // retype
    } else if (op === 5 && knownIds.length >= 2) {
      // Containment cycle: A contains B and B contains A, or self-containment.
      const a = rng.pick(knownIds);
      const b = rng.chance(0.3) ? a : rng.pick(knownIds);
      target['relationship-type'] = { 'composed-of': { container: a, nodes: [b] } };
      if (isObject(root) && Array.isArray(root.relationships)) {
        root.relationships.push({ 'unique-id': `cycle-${a}-${b}`, description: 'cycle', 'relationship-type': { 'deployed-in': { container: b, nodes: [a] } } });
      }
    } else if (op === 6 && knownIds.length >= 2 && typeof target['unique-id'] === 'string') {
      target['unique-id'] = rng.pick(knownIds); // swap ids
    } else if (op === 7) {
      target[rng.pick(CALM_KEYS)] = deepNest(rng.pick([10, 100, 600]));
    } else {
      target[rng.pick(HOSTILE_STRINGS) || 'k'] = randomScalar(rng, knownIds);
    }
  }
  return root;
}

/** One raw text mutation. */
function mutateText(text: string, rng: Rng): string {
  if (text.length === 0) return rng.pick(['{', '[', '"', '}', 'null']);
  const at = rng.int(text.length);
  switch (rng.int(6)) {
    case 0: return text.slice(0, at); // truncate
    case 1: return text.slice(0, at) + String.fromCharCode(rng.int(0x80)) + text.slice(at); // random byte
    case 2: return text.slice(0, at) + text.slice(at + 1 + rng.int(20)); // delete a run
    case 3: return text.slice(0, at) + rng.pick([',', '}', ']', '{', '[', '"', ':', '//', '/*', '\uFEFF', '\\u12']) + text.slice(at);
    case 4: return '\uFEFF' + text;
    default: return text.slice(0, at) + text.slice(at).replace(',', ',,');
  }
}

export type CaseKind = 'structure' | 'text';

export interface FuzzCase {
  readonly kind: CaseKind;
  readonly text: string;
}

/** Derives one case from a seed document: several structure-aware mutations, or a raw text mutation. */
export function makeCase(seedText: string, rng: Rng): FuzzCase {
  if (rng.chance(0.35)) {
    let text = seedText;
    const n = 1 + rng.int(3);
    for (let i = 0; i < n; i++) text = mutateText(text, rng);
    return { kind: 'text', text };
  }
  let value: Json;
  try {
    value = JSON.parse(seedText) as Json;
  } catch {
    return { kind: 'text', text: mutateText(seedText, rng) };
  }
  const n = 1 + rng.int(4);
  for (let i = 0; i < n; i++) value = mutateValue(value, rng);
  return { kind: 'structure', text: JSON.stringify(value, null, rng.chance(0.5) ? 2 : undefined) ?? 'null' };
}
