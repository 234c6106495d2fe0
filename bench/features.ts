/**
 * Language features on a synthetic architecture of 5,000 nodes (plus actors; 10,000 connects
 * relationships, 10,000 interfaces): completion, hover and definition at reference positions, timed
 * in process on the analysed document (what a request costs once the server holds the document's
 * version) and through the bundled server over LSP (what the editor waits for). Target (issue 6): each
 * answers in 20 ms or less (median). Also shown: the one-off analysis a new version costs (parse and
 * index, shared by every request on that version), and other features for scale.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CompletionRequest,
  createProtocolConnection,
  DefinitionRequest,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  IPCMessageReader,
  IPCMessageWriter,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  type Position,
} from 'vscode-languageserver-protocol/node';
import { parseCalm } from '../server/src/calm/parse';
import { analyse, type CalmAnalysis } from '../server/src/features/analysis';
import { codeLenses } from '../server/src/features/code-lens';
import { completion } from '../server/src/features/completion';
import { definition } from '../server/src/features/definition';
import { documentSymbols } from '../server/src/features/document-symbols';
import { foldingRanges } from '../server/src/features/folding';
import { hover } from '../server/src/features/hover';
import { references } from '../server/src/features/references';
import { rename } from '../server/src/features/rename';
import { generateArchitectureText } from './generate-architecture';
import { median, nowMs, timeRuns } from './measure';
import type { BenchSection, BenchTarget } from './section';

const NODES = 5000;
const RUNS = 31;
const WARMUP = 3;
const TARGET_MS = 20;
const URI = 'file:///bench/features-5000.json';

/** The position `delta` characters into the first match of `needle` at or after `from`. */
function positionOf(text: string, needle: string, delta: number, from = 0): Position {
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`bench input lacks ${needle}`);
  const before = text.slice(0, at + delta);
  const line = before.split('\n').length - 1;
  return { line, character: at + delta - (before.lastIndexOf('\n') + 1) };
}

interface Probe {
  readonly name: string;
  readonly method: 'completion' | 'hover' | 'definition';
  readonly position: Position;
  /** In-process answer, for the check that it is not empty. */
  readonly run: (a: CalmAnalysis) => unknown;
}

function probes(text: string): Probe[] {
  // Reference positions half-way through the document: a connects end, its interface list, an actor.
  const middle = text.indexOf('"conn-05000"');
  const node = positionOf(text, '"node": "', 10, middle);
  const iface = positionOf(text, '"interfaces": [\n', 30, middle);
  const actor = positionOf(text, '"actor": "', 11);
  const nodeType = positionOf(text, '"node-type": "service"', 15, text.indexOf('"svc-2500"'));
  return [
    { name: 'completion: node ids at a connects end', method: 'completion', position: node, run: (a) => completion(a, node).items.length },
    { name: "completion: the end node's interfaces", method: 'completion', position: iface, run: (a) => completion(a, iface).items.length },
    { name: 'completion: node-type values', method: 'completion', position: nodeType, run: (a) => completion(a, nodeType).items.length },
    { name: 'hover: a node reference (its card)', method: 'hover', position: node, run: (a) => hover(a, node) },
    { name: 'hover: an actor reference', method: 'hover', position: actor, run: (a) => hover(a, actor) },
    { name: 'definition: a node reference', method: 'definition', position: node, run: (a) => definition(a, URI, node).length },
  ];
}

interface LspFigures {
  /** The first request after the document was opened and validated: it also pays the features' analysis of that version. */
  readonly firstMs: number;
  /** Median round trip of each probe, once the server has settled. */
  readonly medians: number[];
}

/** Warm-up rounds over every probe before measuring: the server settles (JIT, the collection of the parse's garbage). */
const LSP_WARMUP_ROUNDS = 10;

/** Round trips of each probe through the bundled server (dist/server.js over node-ipc, as VS Code runs it). */
async function overLsp(repoRoot: string, text: string, list: readonly Probe[]): Promise<LspFigures> {
  const child = fork(join(repoRoot, 'dist/server.js'), ['--node-ipc'], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
  const connection = createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child));
  connection.listen();
  try {
    // What VS Code 1.100 announces for completion lists: the server may send list-wide defaults.
    const capabilities = { textDocument: { completion: { completionList: { itemDefaults: ['commitCharacters', 'editRange', 'insertTextFormat', 'insertTextMode', 'data'] } } } };
    await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(repoRoot).toString(), workspaceFolders: null, capabilities });
    await connection.sendNotification(InitializedNotification.type, {});
    const validated = new Promise<void>((resolve) => connection.onNotification(PublishDiagnosticsNotification.type, (p) => p.uri === URI && resolve()));
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: URI, languageId: 'calm', version: 1, text } });
    await validated;
    const sender = (p: Probe) => {
      const params = { textDocument: { uri: URI }, position: p.position };
      return () =>
        p.method === 'completion'
          ? connection.sendRequest(CompletionRequest.type, params)
          : p.method === 'hover'
            ? connection.sendRequest(HoverRequest.type, params)
            : connection.sendRequest(DefinitionRequest.type, params);
    };
    const first = nowMs();
    await sender(list[0])();
    const firstMs = nowMs() - first;
    for (let round = 0; round < LSP_WARMUP_ROUNDS; round++) for (const p of list) await sender(p)();
    const medians: number[] = [];
    for (const p of list) {
      const send = sender(p);
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t = nowMs();
        await send();
        times.push(nowMs() - t);
      }
      medians.push(median(times));
    }
    await connection.sendRequest(ShutdownRequest.type);
    await connection.sendNotification(ExitNotification.type);
    return { firstMs, medians };
  } finally {
    connection.dispose();
    child.kill();
  }
}

const run: BenchSection = async (ctx) => {
  const text = generateArchitectureText({ nodes: NODES });
  ctx.log(`features: ${NODES} nodes, ${(text.length / 2 ** 20).toFixed(1)} MB of JSON`);
  const analysis = analyse(parseCalm(text));
  const analyseMs = median(timeRuns(() => analyse(parseCalm(text)), 5, 1));
  const list = probes(text);
  for (const p of list) {
    const answer = p.run(analysis);
    if (!answer) throw new Error(`${p.name}: empty answer, the probe position is wrong`);
  }
  const inProcess = list.map((p) => median(timeRuns(() => p.run(analysis), RUNS, WARMUP)));
  ctx.log('features: over LSP');
  const { firstMs, medians: lsp } = await overLsp(ctx.repoRoot, text, list);

  const node = list[0].position;
  const others: [string, () => unknown][] = [
    ['references of a node', () => references(analysis, URI, node, true)],
    ['rename a node', () => rename(analysis, URI, 1, node, 'renamed-node')],
    ['document symbols', () => documentSymbols(analysis)],
    ['folding ranges', () => foldingRanges(analysis)],
    ['code lenses', () => codeLenses(analysis, URI)],
  ];
  const otherMs = others.map(([, fn]) => median(timeRuns(fn, 7, 1)));

  const targets: BenchTarget[] = list.flatMap((p, i) => [
    { name: `${p.name}, in process, ${NODES} nodes`, limit: TARGET_MS, unit: 'ms' as const, measured: inProcess[i] },
    { name: `${p.name}, over LSP, ${NODES} nodes`, limit: TARGET_MS, unit: 'ms' as const, measured: lsp[i] },
  ]);
  const ms = (v: number) => Number(v.toFixed(2));
  return {
    title: `Language features on ${NODES} nodes (completion, hover, definition; target <= ${TARGET_MS} ms median)`,
    tables: [
      { columns: ['request', 'in process (ms)', 'over LSP (ms)'], rows: list.map((p, i) => [p.name, ms(inProcess[i]), ms(lsp[i])]) },
      {
        title: 'For scale (in process, median of 7; the first request over LSP, once)',
        columns: ['request', 'ms'],
        rows: [
          ['analysis of a new version (parse + index), once per version', ms(analyseMs)],
          ['first completion over LSP after opening (pays the analysis)', ms(firstMs)],
          ...others.map(([name], i) => [name, ms(otherMs[i])]),
        ],
      },
    ],
    notes: [
      `Median of ${RUNS} runs after ${WARMUP} warm-up runs. In process: the feature function on the analysed document.`,
      `Over LSP: request to answer through dist/server.js (node-ipc), the document open and validated, after ${LSP_WARMUP_ROUNDS} warm-up rounds of every request.`,
      `The first request after an edit also pays the analysis of the new version once (${ms(analyseMs)} ms here), shared by every request on it.`,
    ],
    targets,
    data: { nodes: NODES, bytes: text.length, analyseMs, firstLspMs: firstMs, probes: list.map((p, i) => ({ name: p.name, inProcessMs: inProcess[i], lspMs: lsp[i] })), others: others.map(([name], i) => ({ name, ms: otherMs[i] })) },
  };
};

export default run;
