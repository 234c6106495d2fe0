// The built preview in Chromium, drawing the e-commerce example as the extension would send it: what is
// drawn and where, clicks, the editor's selection, search, flows, labels, hover cards, theme colours,
// exports, and a screenshot to look at (test-results/diagram-ecommerce.png).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { editedExample, exampleText, modelOf } from './harness/models';
import { PreviewPage } from './harness/preview-page';
import { REPO_ROOT } from './harness/server';
import { previewSession } from './harness/session';

const PLATFORM_MEMBERS = ['api-gateway', 'order-service', 'inventory-service', 'payment-service', 'order-database', 'inventory-database'];
const SCREENSHOT = join(REPO_ROOT, 'test-results/diagram-ecommerce.png');

const session = previewSession();

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function boxOf(preview: PreviewPage, selector: string): Promise<Box> {
  const box = await preview.page.locator(selector).boundingBox();
  assert.ok(box, `${selector} is not on screen`);
  return box;
}

const inside = (inner: Box, outer: Box) => inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

const node = (id: string) => `g.calm-node[data-id="${id}"]`;
const edge = (id: string) => `g.calm-edge[data-id="${id}"]`;

async function idsWith(preview: PreviewPage, className: string): Promise<string[]> {
  return preview.page.evaluate((c) => [...document.querySelectorAll(`.calm-canvas .${c}`)].map((el) => (el as SVGElement).dataset.id ?? '').sort(), className);
}

/** A point on the middle of an edge's line, in page coordinates. */
async function middleOfEdge(preview: PreviewPage, id: string): Promise<{ x: number; y: number }> {
  return preview.page.evaluate((edgeId) => {
    const path = document.querySelector<SVGPathElement>(`g.calm-edge[data-id="${edgeId}"] > .calm-hit`);
    const matrix = path?.getScreenCTM();
    if (!path || !matrix) throw new Error(`no edge ${edgeId}`);
    const p = path.getPointAtLength(path.getTotalLength() / 2);
    return { x: p.x * matrix.a + p.y * matrix.c + matrix.e, y: p.x * matrix.b + p.y * matrix.d + matrix.f };
  }, id);
}

describe('the e-commerce example in the preview', () => {
  let preview: PreviewPage;

  before(async () => {
    preview = await session.open();
    const rendered = await preview.show(modelOf(exampleText(), 'file:///work/ecommerce-platform.json'));
    assert.equal(rendered.nodes, 9);
  });

  after(async () => {
    assert.deepEqual(preview.errors, [], 'the page reported errors');
    await preview.close();
  });

  test('draws 9 nodes, 2 interacts and 5 connects edges, and saves a screenshot', async () => {
    const counts = await preview.page.evaluate(() => ({
      nodes: document.querySelectorAll('.calm-canvas g.calm-node').length,
      interacts: document.querySelectorAll('.calm-canvas g.calm-edge.kind-interacts').length,
      connects: document.querySelectorAll('.calm-canvas g.calm-edge.kind-connects').length,
      labels: [...document.querySelectorAll('.calm-canvas g.calm-edge-label text')].map((t) => t.textContent),
    }));
    assert.deepEqual({ nodes: counts.nodes, interacts: counts.interacts, connects: counts.connects }, { nodes: 9, interacts: 2, connects: 5 });
    assert.deepEqual(counts.labels.sort(), ['HTTPS', 'HTTPS', 'HTTPS', 'JDBC', 'JDBC']);
    const names = await preview.page.locator(`${node('order-service')} .calm-name`).textContent();
    assert.equal(names, 'Order Service');
    mkdirSync(join(REPO_ROOT, 'test-results'), { recursive: true });
    await preview.page.screenshot({ path: SCREENSHOT });
  });

  test('draws the six platform members inside the E-Commerce Platform box, below its title', async () => {
    const platform = await boxOf(preview, node('ecommerce-platform'));
    assert.equal(await preview.page.locator(node('ecommerce-platform')).getAttribute('class'), 'calm-node calm-container shape-system');
    const title = await boxOf(preview, 'g.calm-container-title[data-id="ecommerce-platform"] > text.calm-name');
    for (const id of PLATFORM_MEMBERS) {
      const member = await boxOf(preview, node(id));
      assert.ok(inside(member, platform), `${id} ${JSON.stringify(member)} is not inside the platform ${JSON.stringify(platform)}`);
      assert.ok(member.y > title.y + title.height, `${id} overlaps the platform's title`);
    }
    for (const id of ['customer', 'admin']) assert.ok(!inside(await boxOf(preview, node(id)), platform), `${id} is drawn inside the platform`);
  });

  test('a click on a node or an edge posts the reveal of its definition', async () => {
    const before = (await preview.posted()).length;
    await preview.page.click(node('order-service'));
    const nodeReveal = await preview.waitForPosted('reveal', {}, before);
    assert.deepEqual(nodeReveal.element, { kind: 'node', uniqueId: 'order-service' });
    assert.deepEqual(await idsWith(preview, 'calm-selected'), ['order-service']);

    const middle = await middleOfEdge(preview, 'gateway-to-orders');
    const count = (await preview.posted()).length;
    await preview.page.mouse.click(middle.x, middle.y);
    const edgeReveal = await preview.waitForPosted('reveal', {}, count);
    assert.deepEqual(edgeReveal.element, { kind: 'relationship', uniqueId: 'gateway-to-orders' });
  });

  test("the editor's selection highlights the node or relationship, and nothing else", async () => {
    await preview.select({ kind: 'node', uniqueId: 'order-database' });
    assert.deepEqual(await idsWith(preview, 'calm-selected'), ['order-database']);
    await preview.select({ kind: 'relationship', uniqueId: 'orders-to-database' });
    // The edge and its protocol label.
    assert.deepEqual(await idsWith(preview, 'calm-selected'), ['orders-to-database', 'orders-to-database']);
    assert.equal(await preview.page.locator(`${edge('orders-to-database')}.calm-selected`).count(), 1);
    await preview.select({ kind: 'interface', uniqueId: 'payment-api' });
    assert.deepEqual(await idsWith(preview, 'calm-selected'), ['payment-service']);
    await preview.select({ kind: 'relationship', uniqueId: 'platform-composition' });
    assert.deepEqual(await idsWith(preview, 'calm-selected'), ['ecommerce-platform']);
    await preview.select(null);
    assert.deepEqual(await idsWith(preview, 'calm-selected'), []);
  });

  test('Ctrl+F searches: "order" highlights Order Service and Order Database, Enter steps through the matches', async () => {
    await preview.page.locator('.calm-viewport').focus();
    await preview.page.keyboard.press('Control+f');
    assert.equal(await preview.page.evaluate(() => document.activeElement?.className), 'calm-search-input');
    await preview.page.keyboard.type('order');
    assert.deepEqual(await idsWith(preview, 'calm-match'), ['order-database', 'order-service']);
    // Nodes that only mention orders in their description are weaker matches, after the others.
    assert.deepEqual(await idsWith(preview, 'calm-match-weak'), ['admin', 'customer', 'ecommerce-platform']);
    assert.deepEqual(await idsWith(preview, 'calm-match-current'), ['order-service']);
    assert.equal(await preview.page.locator('.calm-search-count').textContent(), '1 of 5 (3 by description)');
    await preview.page.keyboard.press('Enter');
    assert.deepEqual(await idsWith(preview, 'calm-match-current'), ['order-database']);
    await preview.page.keyboard.press('Shift+Enter');
    assert.deepEqual(await idsWith(preview, 'calm-match-current'), ['order-service']);
    await preview.page.keyboard.press('Escape');
    assert.deepEqual(await idsWith(preview, 'calm-match'), []);
  });

  test('hovering a node shows its name, type, id, description and interfaces', async () => {
    await preview.page.hover(node('order-database'));
    const tip = preview.page.locator('.calm-tooltip');
    assert.equal(await tip.isVisible(), true);
    const text = await tip.innerText();
    for (const expected of ['Order Database', 'Database \u00b7 order-database', 'PostgreSQL database storing order records and history', 'order-db-jdbc \u00b7 JDBC \u00b7 :5432']) {
      assert.ok(text.includes(expected), `the hover card lacks "${expected}": ${text}`);
    }
    await preview.page.mouse.move(2, 300);
  });

  test('the protocol labels toggle off and on', async () => {
    const labelShown = () => preview.page.locator('g.calm-edge-label').first().isVisible();
    assert.equal(await labelShown(), true);
    await preview.page.getByText('Protocols').click();
    assert.equal(await labelShown(), false);
    await preview.page.getByText('Protocols').click();
    assert.equal(await labelShown(), true);
  });

  test('zoom buttons, the wheel and fit change the view; a drag pans without selecting', async () => {
    const scale = () => preview.page.evaluate(() => new DOMMatrix(getComputedStyle(document.querySelector('.calm-canvas') as Element).transform).a);
    const start = await scale();
    await preview.page.getByRole('button', { name: 'Zoom in (+)' }).click();
    assert.ok(Math.abs((await scale()) - start * 1.25) < 1e-6);
    await preview.page.getByRole('button', { name: 'Zoom out (-)' }).click();
    assert.ok(Math.abs((await scale()) - start) < 1e-6);
    await preview.page.mouse.move(600, 400);
    await preview.page.mouse.wheel(0, -200);
    assert.ok((await scale()) > start, 'the wheel did not zoom in');
    await preview.page.getByRole('button', { name: 'Fit to view (0)' }).click();
    assert.ok(Math.abs((await scale()) - start) < 1e-6, 'fit did not bring back the first view');
    await preview.page.getByRole('button', { name: 'Reset to 100% (1)' }).click();
    assert.equal(await scale(), 1);
    assert.equal(await preview.page.locator('.calm-zoom-text').textContent(), '100%');

    const before = await boxOf(preview, node('customer'));
    const posted = (await preview.posted()).length;
    await preview.page.mouse.move(before.x + 20, before.y + 20);
    await preview.page.mouse.down();
    await preview.page.mouse.move(before.x + 80, before.y + 60, { steps: 5 });
    await preview.page.mouse.up();
    const moved = await boxOf(preview, node('customer'));
    assert.ok(Math.abs(moved.x - before.x - 60) < 1 && Math.abs(moved.y - before.y - 40) < 1, 'the drag did not pan the diagram');
    assert.equal((await preview.posted()).slice(posted).filter((m) => m.type === 'reveal').length, 0, 'a drag selected a node');
    await preview.page.getByRole('button', { name: 'Fit to view (0)' }).click();
  });

  test('a dark theme: the page takes its colours, and a screenshot is saved', async () => {
    const dark: Record<string, string> = {
      '--vscode-editor-background': '#1f1f1f',
      '--vscode-editor-foreground': '#cccccc',
      '--vscode-foreground': '#cccccc',
      '--vscode-descriptionForeground': '#9d9d9d',
      '--vscode-editorWidget-background': '#252526',
      '--vscode-editorLineNumber-foreground': '#6e7681',
      '--vscode-charts-blue': '#3794ff',
      '--vscode-charts-green': '#89d185',
      '--vscode-charts-orange': '#d18616',
      '--vscode-charts-purple': '#b180d7',
    };
    await preview.page.evaluate((vars) => {
      document.body.classList.add('vscode-dark');
      for (const [k, v] of Object.entries(vars)) document.documentElement.style.setProperty(k, v);
    }, dark);
    const colours = await preview.page.evaluate(() => ({
      page: getComputedStyle(document.body).backgroundColor,
      node: getComputedStyle(document.querySelector('g.calm-node.shape-database > .calm-shape') as Element).fill,
      border: getComputedStyle(document.querySelector('g.calm-node.shape-database > .calm-shape') as Element).stroke,
      name: getComputedStyle(document.querySelector('g.calm-node .calm-name') as Element).fill,
    }));
    assert.deepEqual(colours, { page: 'rgb(31, 31, 31)', node: 'rgb(37, 37, 38)', border: 'rgb(137, 209, 133)', name: 'rgb(204, 204, 204)' });
    await preview.page.screenshot({ path: join(REPO_ROOT, 'test-results/diagram-ecommerce-dark.png') });
    await preview.page.evaluate((vars) => {
      document.body.classList.remove('vscode-dark');
      for (const k of Object.keys(vars)) document.documentElement.style.removeProperty(k);
    }, dark);
  });

  test('colours come from the VS Code theme variables', async () => {
    const stroke = () => preview.page.evaluate(() => getComputedStyle(document.querySelector('g.calm-node.shape-service > .calm-shape') as Element).stroke);
    const original = await stroke();
    await preview.page.evaluate(() => document.documentElement.style.setProperty('--vscode-charts-blue', 'rgb(1, 2, 3)'));
    assert.equal(await stroke(), 'rgb(1, 2, 3)');
    await preview.page.evaluate(() => document.documentElement.style.removeProperty('--vscode-charts-blue'));
    assert.equal(await stroke(), original);
  });

  test('Export SVG posts a standalone SVG with every element and its colours written out', async () => {
    const before = (await preview.posted()).length;
    await preview.page.getByRole('button', { name: 'SVG', exact: true }).click();
    const exported = await preview.waitForPosted('exported', { format: 'svg' }, before);
    assert.equal(exported.requestId, 0);
    assert.match(exported.data, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.ok(exported.data.includes('<style>'), 'no style in the export');
    assert.ok(!exported.data.includes('var(--'), 'the export still refers to theme variables');
    assert.equal(exported.data.match(/<g class="calm-node /g)?.length, 9);
    assert.equal(exported.data.match(/<g class="calm-edge kind-connects/g)?.length, 5);
  });

  test('calm-lens render writes an SVG with the same elements, which parses as XML', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'calm-render-')), 'x.svg');
    const run = spawnSync(process.execPath, [join(REPO_ROOT, 'dist/cli.js'), 'render', 'examples/ecommerce-platform.json', '-o', out], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const fromCli = await preview.page.evaluate((text) => {
      // Its <style> left out: the page's Content-Security-Policy would report it.
      const doc = new DOMParser().parseFromString(text.replace(/^<\?xml[^>]*>\n/, '').replace(/<style>[^<]*<\/style>/, ''), 'image/svg+xml');
      // No named functions in here: the test's TypeScript compiler would wrap them in a helper the page lacks.
      const lists = ['g.calm-node', 'g.calm-edge', 'g.calm-edge-label'].map((selector) => [...doc.querySelectorAll(selector)].map((el) => `${el.getAttribute('class')} ${el.getAttribute('data-id')}`).sort());
      return { errors: doc.querySelectorAll('parsererror').length, lists };
    }, readFileSync(out, 'utf8'));
    const inPage = await preview.page.evaluate(() => {
      const lists = ['g.calm-node', 'g.calm-edge', 'g.calm-edge-label'].map((selector) => [...document.querySelectorAll(`.calm-canvas ${selector}`)].map((el) => `${el.getAttribute('class')} ${el.getAttribute('data-id')}`).sort());
      return { errors: 0, lists };
    });
    assert.deepEqual(fromCli, inPage);
    assert.equal(inPage.lists[0].length, 9);
  });

  test('Export PNG (asked by the extension) posts a PNG image', async () => {
    const before = (await preview.posted()).length;
    await preview.deliver({ type: 'export', format: 'png', requestId: 7 });
    const exported = await preview.waitForPosted('exported', { format: 'png', requestId: 7 }, before);
    const bytes = Buffer.from(exported.data, 'base64');
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // Twice the diagram's size: width is at bytes 16..19 of the IHDR chunk.
    assert.ok(bytes.readUInt32BE(16) > 1000, `the PNG is ${bytes.readUInt32BE(16)} px wide`);
  });
});

describe('flows in the preview', () => {
  test('choosing a flow lights its transitions in order and dims the rest', async () => {
    const text = editedExample((a) => {
      a.flows = [
        {
          'unique-id': 'place-order',
          name: 'Place an order',
          description: 'A customer orders',
          transitions: [
            { 'relationship-unique-id': 'customer-to-gateway', 'sequence-number': 1, description: 'Customer submits the order' },
            { 'relationship-unique-id': 'gateway-to-orders', 'sequence-number': 2, description: 'Gateway forwards it' },
            { 'relationship-unique-id': 'orders-to-payment', 'sequence-number': 3, description: 'Payment is taken' },
          ],
        },
      ];
    });
    const preview = await session.open();
    try {
      await preview.show(modelOf(text));
      await preview.page.locator('.calm-flow-select').selectOption('place-order');
      const lit = await preview.page.evaluate(() => ({
        dimmed: document.querySelector('.calm-canvas svg')?.classList.contains('calm-dim'),
        edges: [...document.querySelectorAll('.calm-canvas g.calm-edge.calm-flow-on')].map((e) => (e as SVGElement).dataset.id),
        nodes: [...document.querySelectorAll('.calm-canvas g.calm-node.calm-flow-on')].map((e) => (e as SVGElement).dataset.id).sort(),
        badges: [...document.querySelectorAll('.calm-flow-badge')].map((b) => [(b as SVGElement).dataset.edge, b.textContent]),
      }));
      assert.equal(lit.dimmed, true);
      assert.deepEqual(lit.edges?.sort(), ['customer-to-gateway', 'gateway-to-orders', 'orders-to-payment']);
      assert.deepEqual(lit.nodes, ['api-gateway', 'customer', 'order-service', 'payment-service']);
      assert.deepEqual(lit.badges, [
        ['customer-to-gateway', '1Customer submits the order'],
        ['gateway-to-orders', '2Gateway forwards it'],
        ['orders-to-payment', '3Payment is taken'],
      ]);
      await preview.page.keyboard.press('Escape');
      assert.equal(await preview.page.locator('.calm-flow-badge').count(), 0);
      // The editor's cursor in the flow shows it too.
      await preview.select({ kind: 'flow', uniqueId: 'place-order' });
      assert.equal(await preview.page.locator('.calm-flow-badge').count(), 3);
      assert.equal(await preview.page.locator('.calm-flow-select').inputValue(), 'place-order');
    } finally {
      await preview.close();
    }
  });
});
