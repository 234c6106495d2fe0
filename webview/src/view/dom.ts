/** Building DOM without HTML strings: text always goes in as text (never parsed as markup). */

export interface ElementSpec {
  readonly className?: string;
  readonly text?: string;
  readonly attrs?: Readonly<Record<string, string>>;
  readonly title?: string;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, spec: ElementSpec = {}, children: readonly Node[] = []): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (spec.className) el.className = spec.className;
  if (spec.text !== undefined) el.textContent = spec.text;
  if (spec.title !== undefined) el.title = spec.title;
  for (const [k, v] of Object.entries(spec.attrs ?? {})) el.setAttribute(k, v);
  for (const c of children) el.appendChild(c);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Readonly<Record<string, string>> = {}, children: readonly Node[] = []): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  for (const c of children) el.appendChild(c);
  return el;
}

/** A small icon (24 x 24 stroke paths) for a button or the legend. */
export function icon(path: string, className = 'calm-ui-icon'): SVGSVGElement {
  return s('svg', { class: className, viewBox: '0 0 24 24', 'aria-hidden': 'true' }, [s('path', { d: path })]);
}
