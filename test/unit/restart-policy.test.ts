/** When a crashed language server is started again (client/src/recovery/restart-policy.ts), on a made-up clock. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_RESTARTS, RESTART_WINDOW_MS, RestartPolicy } from '../../client/src/recovery/restart-policy';

const MINUTE = 60_000;

describe('restarting a crashed language server', () => {
  test('by default, as vscode-languageclient: 4 restarts within 3 minutes, the 5th crash leaves it stopped', () => {
    assert.equal(MAX_RESTARTS, 4);
    assert.equal(RESTART_WINDOW_MS, 3 * MINUTE);
    const policy = new RestartPolicy();
    const decisions = [0, 10_000, 20_000, 30_000, 40_000].map((t) => policy.crashed(t));
    assert.deepEqual(decisions, [true, true, true, true, false]);
    assert.equal(policy.recentCrashes, 5);
  });

  test('crashes older than the window no longer count', () => {
    const policy = new RestartPolicy(2, 3 * MINUTE);
    assert.equal(policy.crashed(0), true);
    assert.equal(policy.crashed(1 * MINUTE), true);
    // The first crash is 3 minutes old: out of the window, so this is the 2nd within it.
    assert.equal(policy.crashed(3 * MINUTE), true);
    assert.equal(policy.recentCrashes, 2);
    assert.equal(policy.crashed(3 * MINUTE + 1), false);
  });

  test('a server that crashed now and then over a long session is always restarted', () => {
    const policy = new RestartPolicy();
    for (let i = 0; i < 50; i++) assert.equal(policy.crashed(i * 2 * MINUTE), true, `crash ${i + 1}`);
    assert.equal(policy.recentCrashes, 2);
  });

  test('a restart the user asks for starts the count afresh', () => {
    const policy = new RestartPolicy(1, 3 * MINUTE);
    assert.equal(policy.crashed(0), true);
    assert.equal(policy.crashed(1000), false);
    policy.reset();
    assert.equal(policy.recentCrashes, 0);
    assert.equal(policy.crashed(2000), true);
  });
});
