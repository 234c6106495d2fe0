// The Model Elements view's timing rules (client/src/tree/model-follower.ts), on a mocked clock:
// which document it shows when answers, model changes and editor switches interleave.
import { afterEach, beforeEach, describe, mock, test } from 'node:test';
import assert from 'node:assert/strict';
import { LOAD_RETRIES, LOAD_RETRY_MS, ModelFollower, REFRESH_DEBOUNCE_MS } from '../../client/src/tree/model-follower';

interface Model {
  readonly uri: string;
  readonly version: number;
}

/** A server whose answers the test releases one by one, or answers at once when told to. */
class ScriptedServer {
  readonly requests: string[] = [];
  private readonly waiting: Array<{ uri: string; answer: (model: Model | null) => void; fail: (error: Error) => void }> = [];
  /** Answers given at once, by uri (a function of the request count for that uri). */
  readonly immediate = new Map<string, (count: number) => Model | null>();

  requestModel(uri: string): Promise<Model | null> {
    this.requests.push(uri);
    const count = this.requests.filter((u) => u === uri).length;
    const now = this.immediate.get(uri);
    if (now) return Promise.resolve(now(count));
    return new Promise((answer, fail) => this.waiting.push({ uri, answer, fail }));
  }

  answer(uri: string, model: Model | null): void {
    const at = this.waiting.findIndex((w) => w.uri === uri);
    assert.ok(at >= 0, `no request for ${uri} is waiting`);
    this.waiting.splice(at, 1)[0].answer(model);
  }

  fail(uri: string): void {
    const at = this.waiting.findIndex((w) => w.uri === uri);
    assert.ok(at >= 0, `no request for ${uri} is waiting`);
    this.waiting.splice(at, 1)[0].fail(new Error('the server went away'));
  }
}

/** The view: what it showed, in order (undefined: the welcome content). */
class RecordingDisplay {
  readonly shown: Array<string | undefined> = [];
  current: Model | undefined;
  show(model: Model | undefined): void {
    this.current = model;
    this.shown.push(model?.uri);
  }
  shownUri(): string | undefined {
    return this.current?.uri;
  }
}

/** Lets pending promise callbacks run (setImmediate is not mocked). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

async function advance(ms: number): Promise<void> {
  await settle();
  mock.timers.tick(ms);
  await settle();
}

const A = 'file:///work/a.calm.json';
const B = 'file:///work/b.calm.json';
const model = (uri: string, version = 1): Model => ({ uri, version });

describe('model follower', () => {
  let server: ScriptedServer;
  let display: RecordingDisplay;
  let follower: ModelFollower<Model>;

  beforeEach(() => {
    mock.timers.enable({ apis: ['setTimeout'] });
    server = new ScriptedServer();
    display = new RecordingDisplay();
    follower = new ModelFollower(server, display);
  });

  afterEach(() => {
    follower.dispose();
    mock.timers.reset();
  });

  test('a refresh of the document left, still pending when the editor switches, is dropped: the view stays on the new one', async () => {
    server.immediate.set(A, () => model(A));
    server.immediate.set(B, () => model(B));
    await follower.load(A);
    follower.modelChanged(A); // an edit in A was analysed
    await advance(REFRESH_DEBOUNCE_MS / 2);
    await follower.load(B); // the person switched to B before the refresh ran
    await advance(10 * REFRESH_DEBOUNCE_MS);
    assert.deepEqual(display.shown, [A, B]);
    assert.deepEqual(server.requests, [A, B], 'A was asked for again after the switch');
    assert.equal(follower.following, B);
  });

  test('a burst of changes to the document followed becomes one refresh, after the burst', async () => {
    server.immediate.set(A, (count) => model(A, count));
    await follower.load(A);
    for (let i = 0; i < 5; i++) {
      follower.modelChanged(A);
      await advance(REFRESH_DEBOUNCE_MS / 2);
    }
    assert.deepEqual(server.requests, [A], 'refreshed during the burst');
    await advance(REFRESH_DEBOUNCE_MS);
    assert.deepEqual(server.requests, [A, A]);
    assert.equal(display.current?.version, 2);
  });

  test('a change to another document than the one followed asks for nothing', async () => {
    server.immediate.set(A, () => model(A));
    await follower.load(A);
    follower.modelChanged(B);
    await advance(10 * REFRESH_DEBOUNCE_MS);
    assert.deepEqual(server.requests, [A]);
    assert.deepEqual(display.shown, [A]);
  });

  test('an answer that arrives after a newer load started is dropped', async () => {
    const slow = follower.load(A);
    await settle();
    server.immediate.set(B, () => model(B));
    await follower.load(B);
    server.answer(A, model(A));
    await slow;
    assert.deepEqual(display.shown, [B]);
    assert.equal(display.current?.uri, B);
  });

  test('no model yet: the welcome content, then spaced retries until the model comes', async () => {
    server.immediate.set(B, () => model(B));
    await follower.load(B);
    server.immediate.set(A, (count) => (count < 3 ? null : model(A)));
    const loading = follower.load(A);
    await settle();
    assert.deepEqual(display.shown, [B, undefined], 'the model of B stayed on screen for A');
    await advance(LOAD_RETRY_MS - 1);
    assert.equal(server.requests.filter((u) => u === A).length, 1, 'retried before the spacing');
    await advance(1);
    assert.equal(server.requests.filter((u) => u === A).length, 2);
    await advance(2 * LOAD_RETRY_MS);
    await loading;
    assert.equal(server.requests.filter((u) => u === A).length, 3);
    assert.deepEqual(display.shown, [B, undefined, A]);
  });

  test('a document that never becomes CALM is asked for a bounded number of times', async () => {
    server.immediate.set(A, () => null);
    const loading = follower.load(A);
    for (let attempt = 1; attempt <= LOAD_RETRIES + 2; attempt++) await advance(LOAD_RETRY_MS * attempt);
    await loading;
    assert.equal(server.requests.length, LOAD_RETRIES + 1);
    assert.deepEqual(display.shown, []);
  });

  test('a document the server is never given (retries 0) is asked for once', async () => {
    server.immediate.set(A, () => null);
    const loading = follower.load(A, 0);
    for (let attempt = 1; attempt <= LOAD_RETRIES + 2; attempt++) await advance(LOAD_RETRY_MS * attempt);
    await loading;
    assert.deepEqual(server.requests, [A]);
  });

  test('a failed request (the server went away) leaves the view as it is; its next change notice brings the model', async () => {
    server.immediate.set(A, () => model(A));
    await follower.load(A);
    server.immediate.delete(A);
    follower.modelChanged(A);
    await advance(REFRESH_DEBOUNCE_MS);
    server.fail(A);
    await settle();
    assert.deepEqual(display.shown, [A], 'the view was cleared by a failed request');
    server.immediate.set(A, () => model(A, 2));
    follower.modelChanged(A);
    await advance(REFRESH_DEBOUNCE_MS);
    assert.deepEqual(display.shown, [A, A]);
    assert.equal(display.current?.version, 2);
  });

  test('closing the document shown brings the welcome content, on the next turn', async () => {
    server.immediate.set(A, () => model(A));
    await follower.load(A);
    follower.closed(B, () => false);
    follower.closed(A, () => false);
    assert.deepEqual(display.shown, [A], 'not before the next turn');
    await advance(0);
    assert.deepEqual(display.shown, [A, undefined]);
  });

  test('a document closed and opened again at once (its language switched) keeps its model on screen: no flash of the welcome content', async () => {
    server.immediate.set(A, () => model(A));
    await follower.load(A);
    let open = false;
    follower.closed(A, () => open);
    open = true; // reopened in the same turn, as VS Code does when the language changes
    await advance(0);
    assert.deepEqual(display.shown, [A]);
  });

  test('a close still pending when the view is disposed changes nothing', async () => {
    server.immediate.set(A, () => model(A));
    await follower.load(A);
    follower.closed(A, () => false);
    follower.dispose();
    await advance(0);
    assert.deepEqual(display.shown, [A]);
  });

  test('after dispose, pending refreshes and answers change nothing', async () => {
    server.immediate.set(A, () => model(A));
    await follower.load(A);
    follower.modelChanged(A);
    follower.dispose();
    await advance(10 * REFRESH_DEBOUNCE_MS);
    assert.deepEqual(server.requests, [A]);
    server.immediate.delete(B);
    const late = follower.load(B);
    await settle();
    follower.dispose();
    server.answer(B, model(B));
    await late;
    assert.deepEqual(display.shown, [A]);
  });
});
