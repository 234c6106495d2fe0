// The preview while the language server is down, in Chromium: the extension's `serverState` messages
// put a banner over the last diagram (which stays, and stays usable), the banner goes when the server
// runs again, and when the client gave up on the server the banner's link asks for a restart.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RESTART_LINK_TEXT, RESTARTING_TEXT, STOPPED_TEXT } from '../../webview/src/view/server-banner';
import { exampleText, ModelSequence } from './harness/models';
import { PreviewPage } from './harness/preview-page';
import { previewSession } from './harness/session';

const session = previewSession();

const nodeCount = (preview: PreviewPage) => preview.page.locator('.calm-canvas g.calm-node').count();

describe('the language server stops and comes back', () => {
  test('a banner over the last diagram while it restarts; the diagram stays, answers clicks, and the banner goes when it runs', async () => {
    const preview = await session.open();
    try {
      const document = new ModelSequence();
      const first = await preview.show(document.next(exampleText()));
      assert.equal(first.nodes, 9);
      const banner = preview.page.locator('.calm-server-banner');
      assert.equal(await banner.isVisible(), false, 'a server banner while the server runs');

      await preview.deliver({ type: 'serverState', state: 'stopped', restarting: true });
      await banner.waitFor({ state: 'visible' });
      assert.equal(await banner.textContent(), `\u21bb${RESTARTING_TEXT}`);
      assert.equal(await nodeCount(preview), 9, 'the diagram went blank');
      // Not in the way: a click on a node still selects it.
      const before = (await preview.posted()).length;
      await preview.page.locator('g.calm-node[data-id="order-database"]').click();
      await preview.waitForPosted('reveal', { element: { kind: 'node', uniqueId: 'order-database' } }, before);

      await preview.deliver({ type: 'serverState', state: 'starting', restarting: true });
      assert.equal(await banner.textContent(), `\u21bb${RESTARTING_TEXT}`);

      await preview.deliver({ type: 'serverState', state: 'running', restarting: false });
      await banner.waitFor({ state: 'hidden' });
      // The extension sends the new server's model: drawn as before.
      const again = await preview.show(document.next(exampleText()));
      assert.equal(again.nodes, 9);
      assert.equal(await nodeCount(preview), 9);
      assert.deepEqual(preview.errors, []);
    } finally {
      await preview.close();
    }
  });

  test('when the client gave up on the server, the banner offers to restart it', async () => {
    const preview = await session.open();
    try {
      await preview.show(new ModelSequence().next(exampleText()));
      await preview.deliver({ type: 'serverState', state: 'stopped', restarting: false });
      const banner = preview.page.locator('.calm-server-banner');
      await banner.waitFor({ state: 'visible' });
      assert.equal(await banner.textContent(), `\u26a0${STOPPED_TEXT}${RESTART_LINK_TEXT}`);
      assert.equal(await nodeCount(preview), 9, 'the diagram went blank');
      const before = (await preview.posted()).length;
      await banner.getByText(RESTART_LINK_TEXT).click();
      await preview.waitForPosted('restartServer', {}, before);
      // The restart command runs: the page hears `starting`, then `running`.
      await preview.deliver({ type: 'serverState', state: 'starting', restarting: true });
      assert.equal(await banner.textContent(), `\u21bb${RESTARTING_TEXT}`);
      await preview.deliver({ type: 'serverState', state: 'running', restarting: false });
      await banner.waitFor({ state: 'hidden' });
      assert.deepEqual(preview.errors, []);
    } finally {
      await preview.close();
    }
  });
});
