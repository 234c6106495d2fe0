/**
 * `calm-lens render <file> -o <out.svg>`: the preview's diagram as a standalone SVG, laid out and drawn
 * by the same pure code the webview runs (webview/src/layout.ts, svg.ts), with elkjs in-process.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import ELK from 'elkjs/lib/elk.bundled.js';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagramGraph } from '../../../webview/src/diagram-graph';
import { standaloneDiagramCss } from '../../../webview/src/diagram-style';
import { computeLayout } from '../../../webview/src/layout';
import { renderSvg } from '../../../webview/src/svg';
import { DocumentStore } from '../documents';
import { toModelView } from '../model-view';
import type { CalmModelView } from '../protocol';
import { EXIT, UsageError, type CliIO, type Command, type ExitCode } from './command';

export const RENDER_USAGE = `Usage: calm-lens render <file> -o <out.svg> [--no-labels]

Draws a CALM architecture as a standalone SVG: the diagram of the editor's preview
(nodes by type, containers as nested boxes, interacts and connects edges), laid out with elkjs.

Options:
  -o, --output <file>  Where to write the SVG (required; '-' writes to standard output)
  --no-labels          Leave out the protocol labels of connects edges
  -h, --help           Show this help
`;

interface RenderOptions {
  readonly input: string;
  readonly output: string;
  readonly labels: boolean;
}

function parseArgs(args: readonly string[]): RenderOptions {
  let input: string | undefined;
  let output: string | undefined;
  let labels = true;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-o' || a === '--output') {
      output = args[++i];
      if (output === undefined) throw new UsageError(`${a} needs a file name.`);
    } else if (a.startsWith('--output=')) {
      output = a.slice('--output='.length);
    } else if (a === '--no-labels') {
      labels = false;
    } else if (a.startsWith('-') && a !== '-') {
      throw new UsageError(`unknown option '${a}'.`);
    } else if (input === undefined) {
      input = a;
    } else {
      throw new UsageError(`one input file at a time ('${input}', then '${a}').`);
    }
  }
  if (input === undefined) throw new UsageError('which file? Give the CALM architecture to draw.');
  if (output === undefined || output === '') throw new UsageError('where to? Give the SVG file with -o <out.svg>.');
  return { input, output, labels };
}

/** The model the language server would give for this text (the views' one source of truth). */
export function modelViewOfText(text: string, uri: string): CalmModelView | null {
  const store = new DocumentStore({ onRuleFailures: () => undefined });
  return toModelView(store.analyze(TextDocument.create(uri, 'json', 1, text), undefined));
}

export interface RenderedSvg {
  readonly svg: string;
  readonly model: CalmModelView;
}

/** Text of a CALM architecture -> standalone SVG; null when the text is not a CALM document. */
export async function renderArchitectureSvg(text: string, uri: string, options: { labels: boolean; caption?: string }): Promise<RenderedSvg | null> {
  const model = modelViewOfText(text, uri);
  if (!model) return null;
  const graph = toDiagramGraph(model);
  const layout = await computeLayout(graph, new ELK());
  const svg = renderSvg(graph, layout, { showLabels: options.labels, style: standaloneDiagramCss(), titles: true, caption: options.caption });
  return { svg: `<?xml version="1.0" encoding="UTF-8"?>\n${svg}\n`, model };
}

async function run(args: readonly string[], io: CliIO): Promise<ExitCode> {
  const options = parseArgs(args);
  const inputPath = resolve(io.cwd, options.input);
  let text: string;
  try {
    text = await readFile(inputPath, 'utf8');
  } catch (error) {
    io.stderr(`calm-lens render: cannot read ${options.input}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.usage;
  }
  const rendered = await renderArchitectureSvg(text, pathToFileURL(inputPath).toString(), { labels: options.labels, caption: basename(inputPath) });
  if (!rendered) {
    io.stderr(`calm-lens render: ${options.input} is not a CALM architecture.\n`);
    return EXIT.usage;
  }
  const { model, svg } = rendered;
  if (model.kind !== 'architecture') {
    io.stderr(`calm-lens render: ${options.input} is a CALM ${model.kind}; only architectures are drawn.\n`);
    return EXIT.usage;
  }
  if (options.output === '-') io.stdout(svg);
  else await writeFile(resolve(io.cwd, options.output), svg, 'utf8');
  if (model.errorCount > 0) {
    io.stderr(`calm-lens render: ${options.input} has ${model.errorCount} error(s) (see 'calm-lens validate'); drew what could be read.\n`);
  }
  if (options.output !== '-') io.stderr(`Wrote ${options.output} (${model.nodes.length} nodes, ${model.relationships.length} relationships).\n`);
  return EXIT.ok;
}

export const command: Command = { usage: RENDER_USAGE, run };
