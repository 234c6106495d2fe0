/**
 * Export: a standalone SVG (the theme's colours and font written into it) and a PNG drawn from it.
 */
import type { DiagramGraph } from '../diagram-graph';
import { PALETTE, standaloneDiagramCss } from '../diagram-style';
import type { DiagramLayout } from '../layout-types';
import { renderSvg } from '../svg';

/** Chromium's canvas limits: a side of at most 16,384 px... */
const MAX_SIDE = 16_384;
/** ...and an area it can still allocate. */
const MAX_AREA = 120_000_000;

export function standaloneSvg(graph: DiagramGraph, layout: DiagramLayout, showLabels: boolean, caption: string): string {
  const computed = getComputedStyle(document.documentElement);
  const values: Record<string, string> = {};
  for (const p of PALETTE) values[p.name] = computed.getPropertyValue(p.name);
  const font = computed.getPropertyValue('--vscode-font-family').trim();
  const style = standaloneDiagramCss(values, font === '' ? undefined : `${font}, sans-serif`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${renderSvg(graph, layout, { showLabels, style, titles: true, caption })}\n`;
}

/** The PNG of a standalone SVG, base64; twice the size when the canvas allows. */
export async function pngOf(svgText: string, width: number, height: number): Promise<string> {
  const scale = Math.min(2, MAX_SIDE / Math.max(1, width), MAX_SIDE / Math.max(1, height), Math.sqrt(MAX_AREA / Math.max(1, width * height)));
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    const loaded = new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The diagram could not be drawn as an image.'));
    });
    image.src = url;
    await loaded;
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.floor(width * scale));
    canvas.height = Math.max(1, Math.floor(height * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('No canvas to draw the PNG on.');
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The PNG could not be encoded.'))), 'image/png'));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  } finally {
    URL.revokeObjectURL(url);
  }
}
