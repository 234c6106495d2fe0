// Containment the diagram cannot draw as plain nesting, in the built preview in Chromium: nodes that contain
// themselves (directly or through another node) carry the cycle mark and say so on hover, an acyclic
// containment carries none, and a chain nested thousands deep is drawn with the deeper part flat and a note.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { modelOf } from './harness/models';
import { PreviewPage } from './harness/preview-page';
import { previewSession } from './harness/session';

const META = 'https://calm.finos.org/release/1.1/meta/calm.json';

type Containment = readonly [id: string, kind: 'composed-of' | 'deployed-in', container: string, members: readonly string[]];

function architecture(ids: readonly string[], containments: readonly Containment[]): string {
  return JSON.stringify({
    $schema: META,
    nodes: ids.map((id) => ({ 'unique-id': id, 'node-type': 'system', name: `Node ${id}`, description: `The node ${id}` })),
    relationships: containments.map(([id, kind, container, nodes]) => ({ 'unique-id': id, description: id, 'relationship-type': { [kind]: { container, nodes } } })),
  });
}

const session = previewSession();

async function withPreview(text: string, run: (preview: PreviewPage) => Promise<void>): Promise<void> {
  const preview = await session.open();
  try {
    await preview.show(modelOf(text, 'file:///work/containment.json'));
    await run(preview);
    assert.deepEqual(preview.errors, [], 'the page reported errors');
  } finally {
    await preview.close();
  }
}

/** Ids of the drawn nodes, and of those that carry the cycle mark. */
function marks(preview: PreviewPage): Promise<{ drawn: string[]; marked: string[] }> {
  return preview.page.evaluate(() =>
    Object.fromEntries(
      Object.entries({ drawn: '.calm-canvas g.calm-node', marked: '.calm-canvas g.calm-node.calm-in-cycle:has(> .calm-cycle-mark)' }).map(([k, selector]) => [k, [...document.querySelectorAll<SVGGElement>(selector)].map((g) => g.dataset.id ?? '').sort()]),
    ) as { drawn: string[]; marked: string[] },
  );
}

async function hoverCard(preview: PreviewPage, id: string): Promise<string> {
  await preview.page.hover(`.calm-canvas g.calm-node[data-id="${id}"] > .calm-cycle-mark`);
  const tip = preview.page.locator('.calm-tooltip');
  await tip.waitFor({ state: 'visible' });
  return (await tip.textContent()) ?? '';
}

async function legend(preview: PreviewPage): Promise<string> {
  return (await preview.page.locator('.calm-legend').textContent()) ?? '';
}

describe('containment cycles and deep nesting in the preview', () => {
  test('a self-containing node and both nodes of a 2-cycle carry the cycle mark; the acyclic part beside them does not', async () => {
    const text = architecture(
      ['lonely', 'host', 'guest', 'x', 'y', 'p', 'q', 'r'],
      [
        ['lonely-in-itself', 'composed-of', 'lonely', ['lonely']],
        ['host-in-itself', 'deployed-in', 'host', ['host', 'guest']],
        ['x-has-y', 'composed-of', 'x', ['y']],
        ['y-has-x', 'composed-of', 'y', ['x']],
        ['p-has-q', 'composed-of', 'p', ['q']],
        ['q-has-r', 'deployed-in', 'q', ['r']],
      ],
    );
    await withPreview(text, async (preview) => {
      const { drawn, marked } = await marks(preview);
      assert.deepEqual(drawn, ['guest', 'host', 'lonely', 'p', 'q', 'r', 'x', 'y']);
      assert.deepEqual(marked, ['host', 'lonely', 'x', 'y']);
      assert.ok((await hoverCard(preview, 'lonely')).includes('Contains itself: a containment cycle'));
      assert.ok((await hoverCard(preview, 'host')).includes('Contains itself: a containment cycle'));
      assert.ok((await hoverCard(preview, 'y')).includes('In a containment cycle with Node x'));
      assert.ok((await hoverCard(preview, 'x')).includes('In a containment cycle with Node y'));
      assert.ok((await legend(preview)).includes('containment cycle'));
    });
  });

  test('an acyclic containment carries no cycle mark, and the legend has no entry for one', async () => {
    const text = architecture(
      ['p', 'q', 'r', 's'],
      [
        ['p-has-q', 'composed-of', 'p', ['q', 's']],
        ['q-has-r', 'deployed-in', 'q', ['r']],
      ],
    );
    await withPreview(text, async (preview) => {
      const { drawn, marked } = await marks(preview);
      assert.deepEqual(drawn, ['p', 'q', 'r', 's']);
      assert.deepEqual(marked, []);
      assert.equal(await preview.page.locator('.calm-cycle-mark').count(), 0);
      assert.ok(!(await legend(preview)).includes('containment cycle'));
    });
  });

  test('a 3,000-deep composed-of chain is laid out in the worker and drawn, with the nodes past 64 levels flat and a note saying so', async () => {
    const ids = Array.from({ length: 3000 }, (_, i) => `n${i}`);
    const text = architecture(ids, ids.slice(0, -1).map((id, i): Containment => [`r${i}`, 'composed-of', id, [ids[i + 1]]]));
    const preview = await session.open();
    try {
      const rendered = await preview.show(modelOf(text, 'file:///work/deep.json'));
      assert.equal(rendered.nodes, 3000);
      assert.equal(rendered.containers, 64, 'n0..n63 drawn as containers, the rest as boxes');
      assert.ok((await legend(preview)).includes('2,935 nodes nested deeper than 64 containers drawn flat'));
      assert.deepEqual(preview.errors, [], 'the page reported errors');
    } finally {
      await preview.close();
    }
  });
});
