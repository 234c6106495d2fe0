/**
 * The diagram, in Chromium: from the model arriving in the preview's page to the diagram drawn, for the
 * e-commerce example and synthetic architectures of 100, 1,000 and 5,000 nodes (2 connects per node,
 * 10% of the nodes inside containers), the redraw after a name-only change at 1,000 nodes, and, in
 * the same run, Mermaid 11 with its ELK layout drawing a flowchart of the same graphs (what FINOS's
 * preview does); and a 10,000-deep `composed-of` chain (node i contains node i + 1), whose graph build
 * must stay linear in depth. The page is the built preview (dist/webview) under its Content-Security-Policy.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import type { CalmModelView } from '../server/src/protocol';
import { launchChromium } from '../test/webview/harness/browser';
import { ModelSequence } from '../test/webview/harness/models';
import { PreviewPage } from '../test/webview/harness/preview-page';
import { startHarness, type HarnessServer } from '../test/webview/harness/server';
import { MAX_NESTING } from '../webview/src/containment';
import { toDiagramGraph } from '../webview/src/diagram-graph';
import { toPreviewModel, type RenderedInfo } from '../webview/src/messages';
import { generateContainmentChainText, generateDiagramArchitectureText } from './diagram-architecture';
import { toMermaidFlowchart } from './diagram-mermaid';
import { median } from './measure';
import type { BenchSection, BenchTarget, SectionResult } from './section';

interface Case {
  readonly label: string;
  /** A synthetic architecture of this many nodes, the example, or a `composed-of` chain this deep. */
  readonly nodes: number | 'example' | { readonly chain: number };
  readonly runs: number;
}

const CHAIN_DEPTH = 10_000;
const CHAIN_LABEL = '10,000-deep composed-of chain';

const CASES: readonly Case[] = [
  { label: 'e-commerce example', nodes: 'example', runs: 7 },
  { label: '100 nodes', nodes: 100, runs: 5 },
  { label: '1,000 nodes', nodes: 1000, runs: 3 },
  { label: '5,000 nodes', nodes: 5000, runs: 1 },
  // Mermaid is not asked: FINOS's preview draws no containment at all, so there is nothing to compare.
  { label: CHAIN_LABEL, nodes: { chain: CHAIN_DEPTH }, runs: 3 },
];
/** Runs of the pure model-to-graph step on the chain, in Node. */
const GRAPH_RUNS = 5;
const RENAME_RUNS = 7;
/** How long Mermaid gets per graph before we call it "no result". */
const MERMAID_TIMEOUT_MS = 90_000;

interface OursResult {
  readonly label: string;
  readonly nodes: number;
  readonly edges: number;
  readonly strategy: string;
  /** Model message to diagram drawn, median. */
  readonly totalMs: number;
  readonly layoutMs: number;
  readonly drawMs: number;
  /** The longest task on the page's thread while it was drawn. */
  readonly longestTaskMs: number;
  readonly runs: readonly number[];
}

type MermaidResult = { readonly label: string; readonly ms: number; readonly nodes: number } | { readonly label: string; readonly failed: string };

function caseText(repoRoot: string, c: Case): string {
  if (c.nodes === 'example') return readFileSync(join(repoRoot, 'examples/ecommerce-platform.json'), 'utf8');
  return typeof c.nodes === 'number' ? generateDiagramArchitectureText({ nodes: c.nodes }) : generateContainmentChainText(c.nodes.chain);
}

/** The model -> diagram graph step alone (pure, the same code the page runs), median in ms. */
function graphBuildMs(model: CalmModelView): number {
  const source = toPreviewModel(model);
  const runs: number[] = [];
  for (let i = 0; i < GRAPH_RUNS; i++) {
    const started = performance.now();
    toDiagramGraph(source);
    runs.push(performance.now() - started);
  }
  return median(runs);
}

/** A page whose worker has already laid out something else (as an open preview has). */
async function warmPage(browser: Browser, server: HarnessServer): Promise<PreviewPage> {
  const preview = await PreviewPage.open(browser, server);
  await preview.show(new ModelSequence('file:///warm-up.json').next(generateDiagramArchitectureText({ nodes: 30, seed: 7 })));
  return preview;
}

async function longestTaskSince(page: Page, since: number): Promise<number> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const tasks = await page.evaluate((t0) => (window as unknown as { __calmLongTasks: { start: number; duration: number }[] }).__calmLongTasks.filter((t) => t.start >= t0), since);
  return Math.max(0, ...tasks.map((t) => t.duration));
}

async function measureOurs(browser: Browser, server: HarnessServer, c: Case, model: CalmModelView, log: (l: string) => void): Promise<{ result: OursResult; page: PreviewPage }> {
  const runs: RenderedInfo[] = [];
  let longest = 0;
  let page: PreviewPage | undefined;
  for (let i = 0; i < c.runs; i++) {
    await page?.close();
    page = await warmPage(browser, server);
    const since = await page.page.evaluate(() => performance.now());
    const rendered = await page.show(model);
    if (!rendered.relaidOut) throw new Error('a fresh page reused a layout');
    longest = Math.max(longest, await longestTaskSince(page.page, since));
    runs.push(rendered);
    log(`ours, ${c.label}: ${Math.round(rendered.totalMs)} ms (layout ${Math.round(rendered.layoutMs)} ms in the worker, ${rendered.strategy})`);
  }
  if (!page) throw new Error('no run');
  const mid = (f: (r: RenderedInfo) => number) => median(runs.map(f));
  return {
    page,
    result: { label: c.label, nodes: runs[0].nodes, edges: runs[0].edges, strategy: runs[0].strategy, totalMs: mid((r) => r.totalMs), layoutMs: mid((r) => r.layoutMs), drawMs: mid((r) => r.drawMs), longestTaskMs: longest, runs: runs.map((r) => r.totalMs) },
  };
}

/** Name-only changes on an open 1,000-node diagram: each redraws from the cached layout. */
async function measureRename(page: PreviewPage, text: string, uri: string): Promise<{ ms: number; runs: number[]; relaidOut: boolean }> {
  const document = new ModelSequence(uri);
  await page.show(document.next(text));
  const runs: number[] = [];
  let relaidOut = false;
  for (let i = 1; i <= RENAME_RUNS; i++) {
    const renamed = text.replace(/"name": "Service (\d+)"/g, `"name": "Service $1 (rev ${i})"`);
    const rendered = await page.show(document.next(renamed));
    relaidOut ||= rendered.relaidOut;
    runs.push(rendered.totalMs);
  }
  return { ms: median(runs), runs, relaidOut };
}

async function measureMermaid(browser: Browser, server: HarnessServer, c: Case, model: CalmModelView, log: (l: string) => void): Promise<MermaidResult> {
  const code = toMermaidFlowchart(toDiagramGraph(toPreviewModel(model)));
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  try {
    const page = await context.newPage();
    await page.goto(`${server.origin}/bench/mermaid.html`);
    await page.waitForFunction(() => 'calmBenchMermaid' in window);
    type Render = (code: string) => Promise<{ ms: number; nodes: number }>;
    // Warm up: Mermaid loads its flowchart and ELK code on first use.
    await page.evaluate((warm) => (window as unknown as { calmBenchMermaid: Render }).calmBenchMermaid(warm), 'flowchart TB\n  a --> b\n  subgraph s["S"]\n    c --> d\n  end\n  b --> c');
    const outcome = await Promise.race([
      page.evaluate((flowchart) => (window as unknown as { calmBenchMermaid: Render }).calmBenchMermaid(flowchart), code).then(
        (r) => ({ ok: true as const, ...r }),
        (e: unknown) => ({ ok: false as const, message: `failed: ${(e instanceof Error ? e.message.split('\n')[0] : String(e)).replace(/^page\.evaluate: (Error: )?/, '')}` }),
      ),
      new Promise<{ ok: false; message: string }>((resolve) => setTimeout(() => resolve({ ok: false, message: `no result in ${MERMAID_TIMEOUT_MS / 1000} s` }), MERMAID_TIMEOUT_MS)),
    ]);
    log(`Mermaid, ${c.label}: ${outcome.ok ? `${Math.round(outcome.ms)} ms` : outcome.message}`);
    return outcome.ok ? { label: c.label, ms: outcome.ms, nodes: outcome.nodes } : { label: c.label, failed: outcome.message };
  } finally {
    // A page still inside mermaid.render() is ended with its context.
    await context.close().catch(() => undefined);
  }
}

const ms = (v: number) => Math.round(v);
const mermaidCell = (r: MermaidResult) => ('failed' in r ? r.failed : ms(r.ms));

const run: BenchSection = async (ctx): Promise<SectionResult> => {
  const bundle = join(ctx.workDir, 'mermaid-bench.js');
  await esbuild.build({ entryPoints: [join(ctx.repoRoot, 'bench/diagram-mermaid-page.ts')], outfile: bundle, bundle: true, format: 'iife', platform: 'browser', target: 'chrome120', minify: true, logLevel: 'error' });
  const html = join(ctx.workDir, 'mermaid.html');
  writeFileSync(html, '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Mermaid</title></head><body><div id="out"></div><script src="/bench/mermaid-bench.js"></script></body></html>');
  const server = await startHarness({ repoRoot: ctx.repoRoot, files: { '/bench/mermaid.html': html, '/bench/mermaid-bench.js': bundle } });
  const browser = await launchChromium();
  try {
    const ours: OursResult[] = [];
    const mermaid: MermaidResult[] = [];
    let rename: { ms: number; runs: number[]; relaidOut: boolean } | undefined;
    let chainGraphMs: number | undefined;
    for (const c of CASES) {
      const text = caseText(ctx.repoRoot, c);
      const uri = `file:///bench/${typeof c.nodes === 'object' ? `chain-${c.nodes.chain}` : c.nodes}.json`;
      const model = new ModelSequence(uri).next(text);
      const { result, page } = await measureOurs(browser, server, c, model, ctx.log);
      ours.push(result);
      if (c.nodes === 1000) {
        rename = await measureRename(page, text, `file:///bench/rename-${c.nodes}.json`);
        ctx.log(`ours, name-only change at 1,000 nodes: ${ms(rename.ms)} ms (laid out again: ${rename.relaidOut})`);
      }
      await page.close();
      if (typeof c.nodes === 'object') {
        chainGraphMs = graphBuildMs(model);
        ctx.log(`ours, ${c.label}: model to graph ${ms(chainGraphMs)} ms (Node)`);
        continue;
      }
      mermaid.push(await measureMermaid(browser, server, c, model, ctx.log));
    }

    const at = (label: string) => ours.find((o) => o.label === label);
    const example = at('e-commerce example');
    const thousand = at('1,000 nodes');
    const fiveThousand = at('5,000 nodes');
    const chain = at(CHAIN_LABEL);
    const mermaidThousand = mermaid.find((m) => m.label === '1,000 nodes');
    if (!example || !thousand || !fiveThousand || !chain || chainGraphMs === undefined || !mermaidThousand || !rename) throw new Error('a case did not run');
    const mermaidThousandMs = 'failed' in mermaidThousand ? MERMAID_TIMEOUT_MS : mermaidThousand.ms;
    const targets: BenchTarget[] = [
      { name: 'e-commerce example, model to diagram', limit: 150, unit: 'ms', measured: example.totalMs },
      { name: '1,000 nodes, model to diagram', limit: 3000, unit: 'ms', measured: thousand.totalMs },
      {
        name: `1,000 nodes: our time / Mermaid's${'failed' in mermaidThousand ? ` (Mermaid: ${mermaidThousand.failed}, counted as ${MERMAID_TIMEOUT_MS / 1000} s)` : ''}`,
        limit: 1,
        unit: 'x',
        measured: thousand.totalMs / mermaidThousandMs,
      },
      { name: '5,000 nodes drawn within the layout deadline (30 s)', limit: 30_000, unit: 'ms', measured: fiveThousand.totalMs },
      { name: 'name-only change at 1,000 nodes, redraw', limit: 50, unit: 'ms', measured: rename.relaidOut ? Number.POSITIVE_INFINITY : rename.ms },
      { name: `${CHAIN_LABEL} drawn within the layout deadline (30 s)`, limit: 30_000, unit: 'ms', measured: chain.totalMs },
    ];
    const mermaidOf = (label: string) => mermaid.find((m) => m.label === label);
    return {
      title: 'Diagram (Chromium): model to drawn diagram, ours and Mermaid 11 + ELK',
      tables: [
        {
          title: 'Model to diagram in the page, ms (median); Mermaid: mermaid.render + insertion, as FINOS\'s preview',
          columns: ['graph', 'nodes', 'edges', 'strategy', 'ours total', 'ours layout (worker)', 'ours draw', 'longest task', 'Mermaid 11 + ELK'],
          rows: ours.map((o) => {
            const m = mermaidOf(o.label);
            return [o.label, o.nodes, o.edges, o.strategy, ms(o.totalMs), ms(o.layoutMs), ms(o.drawMs), ms(o.longestTaskMs), m ? mermaidCell(m) : 'not run'];
          }),
        },
        {
          title: `Deep containment: the ${CHAIN_LABEL} (nesting drawn ${MAX_NESTING} deep, the rest flat)`,
          columns: ['model to graph, Node (median ms)', 'model to diagram in the page (median ms)', 'layout (worker)', 'longest task'],
          rows: [[ms(chainGraphMs), ms(chain.totalMs), ms(chain.layoutMs), ms(chain.longestTaskMs)]],
        },
        {
          title: 'Name-only change at 1,000 nodes (names of all services changed; layout from the cache)',
          columns: ['runs', 'median ms', 'min ms', 'max ms', 'laid out again'],
          rows: [[rename.runs.length, ms(rename.ms), ms(Math.min(...rename.runs)), ms(Math.max(...rename.runs)), rename.relaidOut ? 'yes' : 'no']],
        },
      ],
      targets,
      notes: [
        'ours: from the model message arriving in the page to the diagram in the DOM (the `rendered` report), in a page whose layout worker already ran once.',
        'Up to 150 nodes and 300 edges: ELK layered, hierarchy included, orthogonal routes (above 60 nodes with fewer crossing sweeps). Above: levels laid out separately (ELK box packing in flow order), drawn as an overview plus culled detail.',
        `Mermaid: FINOS's flowchart settings with layout 'elk', same nodes, containers (subgraphs) and edges; ${MERMAID_TIMEOUT_MS / 1000} s allowed per graph.`,
        'Long tasks are the page\'s own (PerformanceObserver longtask) while each diagram was drawn.',
      ],
      data: { ours, mermaid, rename, chainGraphMs },
    };
  } finally {
    await browser.close();
    await server.close();
  }
};

export default run;
