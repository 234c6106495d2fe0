// Recovery: the language server process is killed (SIGKILL, as the OOM killer would) and the client
// starts a new one; the open document's diagnostics come back, published by the new process, equal to
// before; the diagram panel is told the server stopped and runs again, and draws the new server's
// model. CALM: Restart Language Server does the same on request; after too many crashes the client
// gives up, and the diagram banner's Restart link brings the server back. Runs last: it ends with a
// freshly started server.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { CalmLensApi } from '../../client/src/api';
import type { RenderedInfo, ServerStatus } from '../../webview/src/messages';
import { BROKEN_FILE, brokenExampleText } from './broken-example';
import { engineFacts, sameFacts } from './engine-facts';
import { calmDiagnostics, calmLens, facts, openCalmEditor, waitFor, waitForCalmDiagnostics, writeWorkspaceFile, type DiagnosticFacts } from './helpers';

const RESTART_COMMAND = 'calm.restartServer';

async function runningServerPid(api: CalmLensApi): Promise<number> {
  const pid = await api.service.serverProcessId();
  assert.ok(typeof pid === 'number' && pid > 0 && pid !== process.pid, `no server process id: ${String(pid)}`);
  return pid;
}

/**
 * Records, from now on, the server states the service reports and the preview passes to its page, and
 * whether the diagnostics of `uri` and the diagram were published again after the server last ran.
 */
class Recorder implements vscode.Disposable {
  readonly states: ServerStatus[] = [];
  readonly told: ServerStatus[] = [];
  diagnosticsSinceRunning = 0;
  renderedSinceRunning: RenderedInfo | undefined;
  private readonly subscriptions: vscode.Disposable[];

  constructor(api: CalmLensApi, uri: vscode.Uri) {
    const key = uri.toString();
    this.subscriptions = [
      api.service.onDidChangeServerState((s) => {
        this.states.push(s);
        if (s.state !== 'running') return;
        this.diagnosticsSinceRunning = 0;
        this.renderedSinceRunning = undefined;
      }),
      api.preview.onDidTellServerState((t) => {
        if (t.uri === key) this.told.push(t.status);
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        if (this.running && e.uris.some((u) => u.toString() === key)) this.diagnosticsSinceRunning += 1;
      }),
      api.preview.onDidRender((r) => {
        if (this.running && r.uri === key) this.renderedSinceRunning = r;
      }),
    ];
  }

  get running(): boolean {
    return this.states.at(-1)?.state === 'running';
  }

  /** Compact, for assertions: `stopped+restart`, `starting+restart`, `running`, `stopped`. */
  static names(states: readonly ServerStatus[]): string[] {
    return states.map((s) => (s.state === 'running' || !s.restarting ? s.state : `${s.state}+restart`));
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}

export function recoverySuite(): void {
  suite('recovery', () => {
    let uri: vscode.Uri;
    let expected: DiagnosticFacts[];
    /** What the diagram drew before the server was stopped (the duplicated id makes it 8 nodes). */
    let drawn: RenderedInfo;

    suiteSetup(async () => {
      uri = await writeWorkspaceFile(BROKEN_FILE, await brokenExampleText());
      const editor = await openCalmEditor(uri);
      expected = engineFacts(editor.document);
      assert.ok(expected.some((f) => f.message === "'order-svc' does not refer to the unique-id of an existing node."), 'the broken example lost its dangling reference');
      await waitForCalmDiagnostics(uri, (ds) => sameFacts(ds.map(facts), expected), 'the diagnostics of the broken example');
      const api = await calmLens();
      await vscode.commands.executeCommand('calm.openPreview', uri);
      drawn = await api.preview.whenRendered(uri.toString());
    });

    suiteTeardown(async () => {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    /** Waits until the new server has published the diagnostics again, equal to the engine's, and redrawn the diagram. */
    async function recovered(recorder: Recorder): Promise<void> {
      await waitFor(
        vscode.languages.onDidChangeDiagnostics,
        () => (recorder.diagnosticsSinceRunning > 0 && sameFacts(calmDiagnostics(uri).map(facts), expected) ? true : undefined),
        'the diagnostics published again by the new server',
        20_000,
        () => `${recorder.diagnosticsSinceRunning} publications since running, states ${JSON.stringify(Recorder.names(recorder.states))}, diagnostics ${JSON.stringify(calmDiagnostics(uri).map(facts))}`,
      );
      const api = await calmLens();
      const rendered = await waitFor(api.preview.onDidRender, () => recorder.renderedSinceRunning, 'the diagram drawn from the new server\u2019s model');
      assert.deepEqual([rendered.nodes, rendered.edges, rendered.stale], [drawn.nodes, drawn.edges, drawn.stale]);
    }

    test('a killed server is restarted: the same diagnostics come back, and the diagram is told it stopped and runs again', async () => {
      const api = await calmLens();
      const pid = await runningServerPid(api);
      const recorder = new Recorder(api, uri);
      try {
        process.kill(pid, 'SIGKILL');
        await waitFor(api.service.onDidChangeServerState, () => (recorder.states.length > 1 && recorder.running ? true : undefined), 'the server running again', 20_000, () => JSON.stringify(Recorder.names(recorder.states)));
        assert.deepEqual(Recorder.names(recorder.states), ['stopped+restart', 'starting+restart', 'running']);
        await recovered(recorder);
        assert.deepEqual(Recorder.names(recorder.told), ['stopped+restart', 'starting+restart', 'running'], 'what the diagram panel told its page');
        const newPid = await runningServerPid(api);
        assert.notEqual(newPid, pid);
        assert.deepEqual(calmDiagnostics(uri).map(facts), expected);
      } finally {
        recorder.dispose();
      }
    });

    test('CALM: Restart Language Server starts a new server process, and the diagnostics come back', async () => {
      const api = await calmLens();
      assert.ok((await vscode.commands.getCommands(true)).includes(RESTART_COMMAND));
      const pid = await runningServerPid(api);
      const recorder = new Recorder(api, uri);
      try {
        await vscode.commands.executeCommand(RESTART_COMMAND);
        assert.equal(api.service.serverStatus?.state, 'running');
        assert.notEqual(await runningServerPid(api), pid);
        await recovered(recorder);
        assert.deepEqual(Recorder.names(recorder.states), ['stopped+restart', 'starting+restart', 'running']);
        assert.deepEqual(Recorder.names(recorder.told), ['stopped+restart', 'starting+restart', 'running']);
      } finally {
        recorder.dispose();
      }
    });

    test('after 5 crashes within 3 minutes it stays stopped and the diagram says so; the banner\u2019s Restart link brings it back', async function () {
      this.timeout(120_000);
      const api = await calmLens();
      const recorder = new Recorder(api, uri);
      try {
        // The restart command above started the count afresh: 4 crashes are restarted, the 5th is not.
        for (let crash = 1; crash <= 5; crash++) {
          const runs = recorder.states.filter((s) => s.state === 'running').length;
          process.kill(await runningServerPid(api), 'SIGKILL');
          if (crash === 5) break;
          await waitFor(api.service.onDidChangeServerState, () => (recorder.states.filter((s) => s.state === 'running').length > runs ? true : undefined), `the server running again after crash ${crash}`, 20_000, () => JSON.stringify(Recorder.names(recorder.states)));
        }
        await waitFor(api.service.onDidChangeServerState, () => (api.service.serverStatus?.state === 'stopped' && !api.service.serverStatus.restarting ? true : undefined), 'the server given up on', 20_000, () => JSON.stringify(Recorder.names(recorder.states)));
        assert.equal(Recorder.names(recorder.told).at(-1), 'stopped', 'the diagram was not told the server stays stopped');
        assert.equal(await api.service.serverProcessId(), undefined);
        // A stopped server's diagnostics go with it; the diagram stays.
        await waitForCalmDiagnostics(uri, (ds) => ds.length === 0, 'no diagnostics from a stopped server');
        assert.equal(api.preview.panels().find((p) => p.uri === uri.toString())?.rendered?.nodes, drawn.nodes);

        // The banner's "Restart the language server" link: the page posts `restartServer`, which runs the command.
        await api.preview.receive(uri.toString(), { type: 'restartServer' });
        assert.equal(api.service.serverStatus?.state, 'running');
        await recovered(recorder);
        assert.deepEqual(Recorder.names(recorder.told).slice(-2), ['starting+restart', 'running']);
      } finally {
        recorder.dispose();
      }
    });
  });
}
