/**
 * The diagram's look, in one place: a palette of `--calm-*` colours taken from VS Code's theme
 * variables (so light, dark and high-contrast themes just work), and the CSS rules that use them.
 * The webview links the palette to the live theme; a standalone SVG (export, `calm-lens render`) gets
 * the same rules with every colour written out.
 */
import type { ShapeKind } from './node-shapes';

export interface PaletteEntry {
  /** The diagram's own custom property. */
  readonly name: string;
  /** The VS Code theme variable it follows in the webview. */
  readonly vscode: string;
  /** Used outside VS Code (the `render` CLI) and when the theme lacks the variable. */
  readonly light: string;
}

const accent = (shape: ShapeKind, vscode: string, light: string): PaletteEntry => ({ name: `--calm-accent-${shape}`, vscode, light });

export const PALETTE: readonly PaletteEntry[] = [
  { name: '--calm-bg', vscode: '--vscode-editor-background', light: '#ffffff' },
  { name: '--calm-fg', vscode: '--vscode-editor-foreground', light: '#1f2328' },
  { name: '--calm-muted', vscode: '--vscode-descriptionForeground', light: '#5f6b7a' },
  { name: '--calm-node-fill', vscode: '--vscode-editorWidget-background', light: '#f7f8fa' },
  { name: '--calm-edge', vscode: '--vscode-editorLineNumber-foreground', light: '#6e7781' },
  { name: '--calm-highlight', vscode: '--vscode-focusBorder', light: '#0078d4' },
  { name: '--calm-match', vscode: '--vscode-charts-orange', light: '#d18616' },
  { name: '--calm-error', vscode: '--vscode-editorError-foreground', light: '#e51400' },
  { name: '--calm-warning', vscode: '--vscode-editorWarning-foreground', light: '#bf8803' },
  accent('actor', '--vscode-charts-orange', '#c86e0a'),
  accent('service', '--vscode-charts-blue', '#1a73d9'),
  accent('database', '--vscode-charts-green', '#2e8b3a'),
  accent('system', '--vscode-charts-purple', '#7a3fb0'),
  accent('ecosystem', '--vscode-charts-purple', '#7a3fb0'),
  accent('network', '--vscode-charts-yellow', '#a8770a'),
  accent('ldap', '--vscode-charts-red', '#c4314b'),
  accent('webclient', '--vscode-charts-blue', '#1a73d9'),
  accent('data-asset', '--vscode-charts-green', '#2e8b3a'),
  accent('custom', '--vscode-descriptionForeground', '#5f6b7a'),
];

export const FONT_STACK = "'Segoe UI', -apple-system, BlinkMacSystemFont, 'Helvetica Neue', Ubuntu, 'DejaVu Sans', Arial, sans-serif";

/** The rules, with colours as `var(--calm-*)`. */
function rules(): string {
  const shapes = PALETTE.filter((p) => p.name.startsWith('--calm-accent-')).map((p) => p.name.slice('--calm-accent-'.length));
  const perShape = shapes.map((s) => `.shape-${s}{--calm-accent:var(--calm-accent-${s})}`).join('\n');
  return `
.calm-diagram{font-family:var(--calm-font)}
.calm-background{fill:var(--calm-bg)}
${perShape}
.calm-node>.calm-shape{fill:var(--calm-node-fill);stroke:var(--calm-accent);stroke-width:1.6}
.calm-node>.calm-deco{fill:none;stroke:var(--calm-accent);stroke-width:1.2;opacity:.7}
.calm-node.shape-ecosystem>.calm-shape{stroke-dasharray:7 4}
.calm-node .calm-tile{fill:var(--calm-accent);fill-opacity:.14;stroke:none}
.calm-node .calm-glyph{fill:none;stroke:var(--calm-accent);stroke-width:1.7;stroke-linecap:round;stroke-linejoin:round}
.calm-node .calm-type{fill:var(--calm-muted);font-size:10.5px;letter-spacing:.06em}
.calm-node .calm-name{fill:var(--calm-fg);font-size:13.5px;font-weight:600}
.calm-container>.calm-shape{fill:var(--calm-accent);fill-opacity:.045;stroke:var(--calm-accent);stroke-width:1.4}
.calm-container>.calm-header{fill:var(--calm-accent);fill-opacity:.10;stroke:none}
.calm-container.calm-deployment>.calm-shape{stroke-dasharray:8 5}
.calm-container-title .calm-tile{fill:var(--calm-accent);fill-opacity:.14;stroke:none}
.calm-container-title .calm-glyph{fill:none;stroke:var(--calm-accent);stroke-width:1.7;stroke-linecap:round;stroke-linejoin:round}
.calm-container-title .calm-name{fill:var(--calm-fg);font-size:14.5px;font-weight:700}
.calm-container-title .calm-type{fill:var(--calm-muted);font-size:10.5px;letter-spacing:.06em}
.calm-container-title text{paint-order:stroke;stroke:var(--calm-bg);stroke-width:4px;stroke-linejoin:round}
.calm-problem-error{fill:var(--calm-error)}
.calm-cycle-mark>circle{fill:var(--calm-bg);stroke:var(--calm-error);stroke-width:1.6}
.calm-cycle-mark>path{fill:none;stroke:var(--calm-error);stroke-width:1.6;stroke-linecap:round;stroke-linejoin:round}
.calm-problem-warning{fill:var(--calm-warning)}
.calm-edge>.calm-line{fill:none;stroke:var(--calm-edge);stroke-width:1.5;stroke-linejoin:round}
.calm-edge>.calm-arrow{fill:var(--calm-edge);stroke:none}
.calm-edge>.calm-hit{fill:none;stroke:transparent;stroke-width:12}
.calm-edge.kind-interacts>.calm-line{stroke-dasharray:6 4}
.calm-edge.kind-deployed-in>.calm-line,.calm-edge.kind-composed-of>.calm-line{stroke-dasharray:2 4}
.calm-edge.calm-problem-error>.calm-line{stroke:var(--calm-error)}
.calm-edge-label>rect{fill:var(--calm-bg);stroke:var(--calm-edge);stroke-width:1;stroke-opacity:.6}
.calm-edge-label>text{fill:var(--calm-muted);font-size:10.5px;font-weight:600;letter-spacing:.03em}
.calm-hide-labels .calm-edge-label{display:none}
.calm-diagram[data-size=small] .calm-node:not(.calm-container)>.calm-shape{filter:drop-shadow(0 1px 2px rgba(0,0,0,.14))}
.calm-selected>.calm-shape,.calm-node.calm-selected>.calm-shape{stroke:var(--calm-highlight);stroke-width:3.2}
.calm-edge.calm-selected>.calm-line{stroke:var(--calm-highlight);stroke-width:3}
.calm-edge.calm-selected>.calm-arrow{fill:var(--calm-highlight)}
.calm-node.calm-match>.calm-shape{stroke:var(--calm-match);stroke-width:3}
.calm-node.calm-match-current>.calm-shape{stroke-width:4.5}
.calm-edge.calm-match>.calm-line{stroke:var(--calm-match);stroke-width:3}
.calm-dim .calm-node,.calm-dim .calm-edge,.calm-dim .calm-edge-label{opacity:.22}
.calm-dim .calm-node.calm-flow-on,.calm-dim .calm-edge.calm-flow-on,.calm-dim .calm-container,.calm-dim .calm-selected{opacity:1}
.calm-edge.calm-flow-on>.calm-line{stroke:var(--calm-highlight);stroke-width:2.8;stroke-dasharray:none}
.calm-edge.calm-flow-on>.calm-arrow{fill:var(--calm-highlight)}
.calm-flow-badge>circle{fill:var(--calm-highlight)}
.calm-flow-badge>text{fill:var(--calm-bg);font-size:12px;font-weight:700}
.calm-ov-nodes{fill:var(--calm-accent);fill-opacity:.2;stroke:var(--calm-accent);stroke-width:1;vector-effect:non-scaling-stroke}
.calm-ov-containers{fill:var(--calm-accent-system);fill-opacity:.05;stroke:var(--calm-accent-system);stroke-width:1;vector-effect:non-scaling-stroke}
.calm-ov-edges{fill:none;stroke:var(--calm-edge);stroke-opacity:.4;stroke-width:1;vector-effect:non-scaling-stroke}
.calm-ov-marks path{fill:none;stroke-width:3;vector-effect:non-scaling-stroke}
.calm-ov-marks .calm-ov-match{stroke:var(--calm-match);fill:var(--calm-match);fill-opacity:.35}
.calm-ov-marks .calm-ov-selected,.calm-ov-marks .calm-ov-flow{stroke:var(--calm-highlight)}
.calm-lod-overview .calm-detail{display:none}
.calm-lod-detail .calm-overview{display:none}
`;
}

/** For the webview: the palette follows the theme's variables; high contrast gets heavier lines. */
export function webviewDiagramCss(): string {
  const vars = PALETTE.map((p) => `${p.name}:var(${p.vscode},${p.light});`).join('');
  return `:root{${vars}--calm-font:var(--vscode-font-family,${FONT_STACK})}
${rules()}
.vscode-high-contrast .calm-node>.calm-shape,.vscode-high-contrast-light .calm-node>.calm-shape{stroke-width:2.4}
.vscode-high-contrast .calm-edge>.calm-line,.vscode-high-contrast-light .calm-edge>.calm-line{stroke-width:2.2}
.vscode-high-contrast .calm-node .calm-tile,.vscode-high-contrast-light .calm-node .calm-tile{fill-opacity:0}
`;
}

/** For a standalone SVG: every `var(--calm-*)` replaced by its value (`values` by name; the light palette otherwise). */
export function standaloneDiagramCss(values: Readonly<Record<string, string>> = {}, font = FONT_STACK): string {
  const value = (name: string): string => {
    if (name === '--calm-font') return font;
    const v = values[name]?.trim();
    return v !== undefined && v !== '' ? v : (PALETTE.find((p) => p.name === name)?.light ?? 'currentColor');
  };
  // Each shape's accent is substituted per rule: standalone viewers need no custom properties at all.
  const accents = PALETTE.filter((p) => p.name.startsWith('--calm-accent-'));
  // The overview (large diagrams in the webview) is never part of a standalone SVG.
  const base = rules().replace(/^\.(shape-|calm-ov|calm-lod)[^\n]*\n/gm, '');
  const perShape = accents
    .map((p) => {
      const shape = p.name.slice('--calm-accent-'.length);
      return base
        .split('\n')
        .filter((line) => line.includes('var(--calm-accent)'))
        .map((line) => line.replace(/(^|,)\.calm-(node|container-title|container)(?=[ >.{:])/g, `$1.calm-$2.shape-${shape}`).replace(/var\(--calm-accent\)/g, value(p.name)))
        .join('\n');
    })
    .join('\n');
  const shared = base
    .split('\n')
    .filter((line) => !line.includes('var(--calm-accent)'))
    .join('\n');
  return (shared + '\n' + perShape).replace(/var\((--calm-[a-z-]+)\)/g, (_m, name: string) => value(name)).replace(/\n+/g, '\n').trim();
}
