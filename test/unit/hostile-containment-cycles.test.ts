/**
 * Containment cycles (`composed-of` / `deployed-in` making a node contain itself): the engine reports each
 * with our own code, on the `nodes` entry that closes it, and names the cycle. The reference has no such
 * rule, so no corpus file may have one (parity must stay as it is).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { validateText } from '../../server/src/calm/engine';
import { containmentCycles } from '../../server/src/calm/rules/containment-cycles';

const META = 'https://calm.finos.org/release/1.1/meta/calm.json';
const REPO_ROOT = resolve(__dirname, '../..');

type Containment = readonly [kind: 'composed-of' | 'deployed-in', container: string, members: readonly string[]];

/** An architecture of system nodes with the given ids, and one relationship per containment (ids r0, r1, ...). */
function architecture(ids: readonly string[], containments: readonly Containment[]): string {
  return JSON.stringify(
    {
      $schema: META,
      nodes: ids.map((id) => ({ 'unique-id': id, 'node-type': 'system', name: id, description: id })),
      relationships: containments.map(([kind, container, nodes], i) => ({
        'unique-id': `r${i}`,
        description: `containment ${i}`,
        'relationship-type': { [kind]: { container, nodes } },
      })),
    },
    null,
    2,
  );
}

/** The cycle findings of the whole engine run (which must not have caught any exception). */
function cycles(text: string) {
  const result = validateText(text);
  assert.deepEqual(result.ruleFailures, []);
  return result.findings
    .filter((f) => f.code === 'containment-cycle')
    .map((f) => ({ severity: f.severity, path: f.path, message: f.message, underlined: text.slice(f.range.start, f.range.end) }));
}

const WHY = 'A node cannot contain itself, directly or through the nodes it contains.';

describe('containment cycles', () => {
  test('self-containment: reported on the entry naming the container itself', () => {
    assert.deepEqual(cycles(architecture(['a', 'b'], [['composed-of', 'a', ['b', 'a']]])), [
      { severity: 'error', path: '/relationships/r0/relationship-type/composed-of/nodes/1', message: `Containment cycle: 'a' ⊃ 'a'. ${WHY}`, underlined: '"a"' },
    ]);
  });

  test('a contains b contains a (composed-of): reported once, on the relationship that closes it', () => {
    const text = architecture(['a', 'b'], [
      ['composed-of', 'a', ['b']],
      ['composed-of', 'b', ['a']],
    ]);
    assert.deepEqual(cycles(text), [
      { severity: 'error', path: '/relationships/r1/relationship-type/composed-of/nodes/0', message: `Containment cycle: 'a' ⊃ 'b' ⊃ 'a'. ${WHY}`, underlined: '"a"' },
    ]);
  });

  test('deployed-in cycles, and cycles that mix deployed-in with composed-of', () => {
    const deployed = architecture(['k', 'svc'], [
      ['deployed-in', 'k', ['svc']],
      ['deployed-in', 'svc', ['k']],
    ]);
    assert.deepEqual(
      cycles(deployed).map((f) => [f.path, f.message]),
      [['/relationships/r1/relationship-type/deployed-in/nodes/0', `Containment cycle: 'k' ⊃ 'svc' ⊃ 'k'. ${WHY}`]],
    );
    const mixed = architecture(['sys', 'cluster'], [
      ['composed-of', 'sys', ['cluster']],
      ['deployed-in', 'cluster', ['sys']],
    ]);
    assert.deepEqual(
      cycles(mixed).map((f) => [f.path, f.message]),
      [['/relationships/r1/relationship-type/deployed-in/nodes/0', `Containment cycle: 'sys' ⊃ 'cluster' ⊃ 'sys'. ${WHY}`]],
    );
  });

  test('a longer cycle is named in full, in containment order', () => {
    const text = architecture(['a', 'b', 'c', 'd'], [
      ['composed-of', 'a', ['b']],
      ['composed-of', 'b', ['c']],
      ['deployed-in', 'c', ['d']],
      ['composed-of', 'd', ['a']],
    ]);
    assert.deepEqual(
      cycles(text).map((f) => [f.path, f.message]),
      [['/relationships/r3/relationship-type/composed-of/nodes/0', `Containment cycle: 'a' ⊃ 'b' ⊃ 'c' ⊃ 'd' ⊃ 'a'. ${WHY}`]],
    );
  });

  test('shared members and nested containers without a cycle: nothing reported', () => {
    const diamond = architecture(['a', 'b', 'c', 'd'], [
      ['composed-of', 'a', ['b', 'c']],
      ['deployed-in', 'b', ['d']],
      ['composed-of', 'c', ['d']],
      ['composed-of', 'a', ['d']],
    ]);
    assert.deepEqual(cycles(diamond), []);
  });

  test('two separate cycles: one finding each', () => {
    const text = architecture(['a', 'b', 'x'], [
      ['composed-of', 'a', ['b']],
      ['composed-of', 'x', ['x']],
      ['deployed-in', 'b', ['a']],
    ]);
    assert.deepEqual(
      cycles(text).map((f) => f.message),
      [`Containment cycle: 'x' ⊃ 'x'. ${WHY}`, `Containment cycle: 'a' ⊃ 'b' ⊃ 'a'. ${WHY}`],
    );
  });

  test('a cycle through 100,000 containers: no stack overflow, one finding, the message abridged', () => {
    const n = 100_000;
    const ids = Array.from({ length: n }, (_, i) => `n${i}`);
    const chain: Containment[] = ids.map((id, i) => ['composed-of', id, [ids[(i + 1) % n]]]);
    const found = cycles(architecture(ids, chain));
    assert.deepEqual(found.map((f) => [f.path, f.message]), [
      [
        `/relationships/r${n - 1}/relationship-type/composed-of/nodes/0`,
        `Containment cycle: 'n0' ⊃ 'n1' ⊃ 'n2' ⊃ 'n3' ⊃ … ${n - 8} more … ⊃ 'n99996' ⊃ 'n99997' ⊃ 'n99998' ⊃ 'n99999' ⊃ 'n0'. ${WHY}`,
      ],
    ]);
  });

  test('hostile ids in a cycle: prototype names, right-to-left text, and a 100 KB id cut short in the message', () => {
    const long = 'L'.repeat(100_000);
    const rtl = 'שרת\u202Eevil';
    const text = architecture(['__proto__', 'constructor', rtl, long], [
      ['composed-of', '__proto__', ['constructor']],
      ['composed-of', 'constructor', ['__proto__']],
      ['deployed-in', rtl, [rtl]],
      ['composed-of', long, [long]],
    ]);
    assert.deepEqual(
      cycles(text).map((f) => f.message),
      [
        `Containment cycle: '__proto__' ⊃ 'constructor' ⊃ '__proto__'. ${WHY}`,
        `Containment cycle: '${rtl}' ⊃ '${rtl}'. ${WHY}`,
        `Containment cycle: '${'L'.repeat(80)}…' ⊃ '${'L'.repeat(80)}…'. ${WHY}`,
      ],
    );
  });

  test('entries that are not strings, and malformed bodies, are ignored rather than crashing', () => {
    const text = JSON.stringify({
      $schema: META,
      nodes: [{ 'unique-id': 'a', 'node-type': 'system', name: 'a', description: 'a' }],
      relationships: [
        { 'unique-id': 'r0', 'relationship-type': { 'composed-of': { container: 'a', nodes: [null, 1, ['a'], { a: 'a' }] } } },
        { 'unique-id': 'r1', 'relationship-type': { 'deployed-in': { container: ['a'], nodes: ['a'] } } },
        { 'unique-id': 'r2', 'relationship-type': { 'deployed-in': { container: 'a', nodes: 'a' } } },
        { 'unique-id': 'r3', 'relationship-type': { 'composed-of': null } },
      ],
    });
    assert.deepEqual(cycles(text), []);
  });

  test('no corpus file or example has a cycle, so parity with the reference is unchanged', () => {
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? files(path) : name.endsWith('.json') ? [path] : [];
      });
    const all = [...files(resolve(REPO_ROOT, '../shared/calm/corpus')), ...files(join(REPO_ROOT, 'examples'))];
    assert.ok(all.length > 100, `${all.length} files`);
    const withCycles = all.filter((f) => validateText(readFileSync(f, 'utf8'), { rules: [containmentCycles] }).findings.some((f) => f.code === containmentCycles.code));
    assert.deepEqual(withCycles, []);
  });
});
