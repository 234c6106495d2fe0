// `calm-lens render`: the built CLI draws the preview's diagram as a standalone SVG file.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { EXAMPLE_PATH } from './harness/models';
import { REPO_ROOT } from './harness/server';

const CLI = join(REPO_ROOT, 'dist/cli.js');
const work = mkdtempSync(join(tmpdir(), 'calm-render-'));
after(() => rmSync(work, { recursive: true, force: true }));

function render(...args: string[]) {
  return spawnSync(process.execPath, [CLI, 'render', ...args], { cwd: REPO_ROOT, encoding: 'utf8' });
}

/** data-id of every element of a class, in document order. */
function ids(svg: string, className: string): string[] {
  return [...svg.matchAll(new RegExp(`<g class="${className}[ "][^>]*?data-id="([^"]*)"`, 'g'))].map((m) => m[1]);
}

describe('calm-lens render', () => {
  test('draws the e-commerce example: 9 nodes, the platform as a container, 2 interacts and 5 connects edges', () => {
    const out = join(work, 'x.svg');
    const run = render('examples/ecommerce-platform.json', '-o', out);
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stderr, /Wrote .*x\.svg \(9 nodes, 8 relationships\)/);
    const svg = readFileSync(out, 'utf8');
    assert.match(svg, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.deepEqual(ids(svg, 'calm-node').sort(), ['admin', 'api-gateway', 'customer', 'ecommerce-platform', 'inventory-database', 'inventory-service', 'order-database', 'order-service', 'payment-service']);
    assert.deepEqual(ids(svg, 'calm-node calm-container'), ['ecommerce-platform']);
    assert.deepEqual(ids(svg, 'calm-edge kind-interacts'), ['customer-to-gateway', 'admin-to-gateway']);
    assert.deepEqual(ids(svg, 'calm-edge kind-connects'), ['gateway-to-orders', 'gateway-to-inventory', 'orders-to-database', 'orders-to-payment', 'inventory-to-database']);
    assert.equal(ids(svg, 'calm-edge-label').length, 5);
    // Standalone: its style inside, every colour written out, a title per node for viewers' tooltips.
    assert.ok(svg.includes('<style>') && !svg.includes('var(--'), 'the SVG depends on outside styles');
    assert.ok(svg.includes('<title>Order Service (order-service)\nManages order lifecycle from creation to fulfillment</title>'));
  });

  test('--no-labels leaves the protocol labels out of sight; -o - writes to standard output', () => {
    const run = render(EXAMPLE_PATH, '--no-labels', '-o', '-');
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /<svg [^>]*class="calm-diagram calm-hide-labels"/);
  });

  test('refuses what it cannot draw, with a usage error', () => {
    const noOutput = render(EXAMPLE_PATH);
    assert.equal(noOutput.status, 2);
    assert.match(noOutput.stderr, /-o <out\.svg>/);
    const notCalm = join(work, 'package.json');
    writeFileSync(notCalm, '{ "name": "x" }');
    const refused = render(notCalm, '-o', join(work, 'y.svg'));
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /not a CALM architecture/);
    const missing = render(join(work, 'nope.json'), '-o', join(work, 'z.svg'));
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read/);
  });
});
