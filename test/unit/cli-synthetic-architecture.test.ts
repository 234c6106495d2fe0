import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { countsFor, generateArchitecture, generateArchitectureText } from '../../bench/generate-architecture';
import { runCli, tempDir } from './cli-support';

describe('bench/generate-architecture: synthetic architectures', () => {
  const dir = tempDir('synthetic');
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('has the promised shape: 2 interfaces per node, 2N connects, actors interacting', () => {
    const doc = generateArchitecture({ nodes: 40 }) as { nodes: { 'node-type': string; interfaces?: unknown[] }[]; relationships: { 'relationship-type': Record<string, unknown> }[] };
    const counts = countsFor({ nodes: 40 });
    const services = doc.nodes.filter((n) => n['node-type'] !== 'actor');
    assert.equal(services.length, 40);
    assert.ok(services.every((n) => n.interfaces?.length === 2));
    assert.equal(doc.nodes.length - services.length, counts.actors);
    const kinds = doc.relationships.map((r) => Object.keys(r['relationship-type'])[0]);
    assert.equal(kinds.filter((k) => k === 'connects').length, 80);
    assert.equal(kinds.filter((k) => k === 'interacts').length, counts.actors);
  });

  test('is deterministic for a seed and differs across seeds', () => {
    assert.equal(generateArchitectureText({ nodes: 30, seed: 5 }), generateArchitectureText({ nodes: 30, seed: 5 }));
    assert.notEqual(generateArchitectureText({ nodes: 30, seed: 5 }), generateArchitectureText({ nodes: 30, seed: 6 }));
  });

  test('is a valid architecture: the CLI finds nothing at all', async () => {
    for (const [name, options] of [['small.json', { nodes: 2 }], ['medium.json', { nodes: 120, seed: 9 }], ['no-flows.json', { nodes: 25, flows: false }]] as const) {
      writeFileSync(join(dir, name), generateArchitectureText(options));
    }
    const r = await runCli(['validate', '--strict', '*.json'], { cwd: dir });
    assert.equal(r.code, 0, r.stdout);
    assert.equal(r.stdout, '0 errors, 0 warnings in 3 files\n');
  });
});
