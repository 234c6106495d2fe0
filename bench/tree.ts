/**
 * Model Elements tree refresh: from the server's model of a document (CalmModelView) to the tree
 * items VS Code renders, for the e-commerce example and synthetic architectures of 100, 1,000 and
 * 5,000 nodes. The target (issue 4): 1,000 nodes in 100 ms or less, from model to rendered groups.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentStore } from '../server/src/documents';
import { toModelView } from '../server/src/model-view';
import type { CalmModelView } from '../server/src/protocol';
import { buildModelTree } from '../client/src/tree/tree-builder';
import type { TreeEntry } from '../client/src/tree/tree-model';
import { toTreeItemSpec } from '../client/src/tree/tree-item-spec';
import { generateArchitectureText } from './generate-architecture';
import { median, timeMedian, timeRuns } from './measure';
import type { BenchSection, BenchTarget, SectionResult } from './section';

const RUNS = 21;
const WARMUP = 3;
const SIZES = [100, 1000, 5000] as const;
const TARGET_NODES = 1000;
const TARGET_MS = 100;

interface CaseResult {
  readonly label: string;
  readonly nodes: number;
  readonly relationships: number;
  readonly treeEntries: number;
  readonly visibleItems: number;
  /** Size of the model as JSON (the calm/model answer). */
  readonly modelKB: number;
  /** JSON.parse of the model's text: what the extension host pays to receive the answer, before the tree runs. */
  readonly receiveMs: number;
  /** Model -> tree -> the items shown before anything is expanded (sections and their groups): the target figure (wall time). */
  readonly refreshMs: number;
  /** The same in CPU time (a busy machine stretches wall time only). */
  readonly refreshCpuMs: number;
  /** receive + refresh: from the answer's text to the rendered rows. */
  readonly totalMs: number;
  /** Model -> tree -> an item for every entry, tooltips included (everything expanded and hovered: what api.tree.snapshot() builds). */
  readonly allItemsMs: number;
  /** The same with the search filter "order" applied. */
  readonly filteredMs: number;
}

function modelOf(text: string): CalmModelView {
  const store = new DocumentStore({ onRuleFailures: () => undefined });
  const view = toModelView(store.analyze(TextDocument.create('file:///bench.json', 'json', 1, text), undefined));
  if (!view) throw new Error('bench input is not a CALM document');
  return view;
}

/**
 * What the provider does on a refresh: the tree, then VS Code asks for the roots and for the children
 * of each expanded row (the provider finds them by id), and for the item of each row shown
 * (tooltips wait for a hover).
 */
function refresh(model: CalmModelView, filter?: string): number {
  const tree = buildModelTree(model, filter);
  let rows = 0;
  const show = (entries: readonly TreeEntry[]): void => {
    for (const entry of entries) {
      const item = toTreeItemSpec(entry, false);
      rows++;
      if (item.collapsible === 'expanded') show(tree.get(entry.id)?.children ?? []);
    }
  };
  show(tree.roots);
  return rows;
}

function measureCase(label: string, text: string): CaseResult {
  const model = modelOf(text);
  const tree = buildModelTree(model);
  const entries = [...tree.all()].length;
  const visibleItems = refresh(model);
  const wire = JSON.stringify(model);
  const receiveMs = median(timeRuns(() => JSON.parse(wire), RUNS, WARMUP));
  const refreshTiming = timeMedian(() => refresh(model), RUNS, WARMUP);
  const totalMs = median(timeRuns(() => refresh(JSON.parse(wire) as CalmModelView), RUNS, WARMUP));
  const allItemsMs = median(timeRuns(() => [...buildModelTree(model).all()].map((e) => toTreeItemSpec(e)).length, RUNS, WARMUP));
  const filteredMs = median(timeRuns(() => refresh(model, 'order'), RUNS, WARMUP));
  return {
    label,
    nodes: model.nodes.length,
    relationships: model.relationships.length,
    treeEntries: entries,
    visibleItems,
    modelKB: wire.length / 1024,
    receiveMs,
    refreshMs: refreshTiming.wallMs,
    refreshCpuMs: refreshTiming.cpuMs,
    totalMs,
    allItemsMs,
    filteredMs,
  };
}

const round = (n: number, digits = 2): number => Number(n.toFixed(digits));

const run: BenchSection = async (ctx) => {
  const results: CaseResult[] = [];
  ctx.log('tree: e-commerce example');
  results.push(measureCase('e-commerce example', readFileSync(join(ctx.repoRoot, 'examples/ecommerce-platform.json'), 'utf8')));
  for (const n of SIZES) {
    ctx.log(`tree: synthetic ${n}`);
    results.push(measureCase(`synthetic ${n}`, generateArchitectureText({ nodes: n })));
  }
  const target = results.find((r) => r.label === `synthetic ${TARGET_NODES}`);
  if (!target) throw new Error('no 1,000-node result');
  const targets: BenchTarget[] = [{ name: '1,000 nodes: tree refresh, model to rendered groups', limit: TARGET_MS, unit: 'ms', measured: target.refreshMs }];
  const result: SectionResult = {
    title: 'Model Elements tree refresh',
    tables: [
      {
        columns: ['input', 'nodes', 'rels', 'tree entries', 'rows shown', 'model KB', 'refresh ms', 'refresh CPU ms', 'JSON.parse ms', 'parse + refresh ms', 'filtered ms', 'all items ms'],
        rows: results.map((r) => [
          r.label,
          r.nodes,
          r.relationships,
          r.treeEntries,
          r.visibleItems,
          round(r.modelKB, 0),
          round(r.refreshMs),
          round(r.refreshCpuMs),
          round(r.receiveMs),
          round(r.totalMs),
          round(r.filteredMs),
          round(r.allItemsMs),
        ]),
      },
    ],
    targets,
    notes: [
      `refresh: buildModelTree(model) and the item (id, label, description, icon, state, command) of every row shown before anything is expanded, as the provider builds it (tooltips are built on hover); median of ${RUNS} after ${WARMUP} warm-ups.`,
      'JSON.parse: the extension host receiving the calm/model answer (its text parsed), which happens before the tree runs; parse + refresh: both, from the answer text to the rows.',
      'Children are built when a row is expanded, so the refresh costs the rows shown (sections, groups, flows), not the whole model.',
      'all items: an item with its tooltip for every entry (everything expanded, as api.tree.snapshot() builds it); filtered: the refresh with the search "order".',
      'The provider maps each item 1:1 to a vscode.TreeItem; VS Code then asks only for the rows on screen.',
    ],
    data: { runs: RUNS, warmup: WARMUP, results },
  };
  return result;
};

export default run;
