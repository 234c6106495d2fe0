/** The panel's toolbar: search, flows, labels, zoom, fit, reset and export. */
import type { DiagramFlow } from '../diagram-graph';
import { h, icon } from './dom';

export interface ToolbarActions {
  search(text: string): void;
  step(delta: 1 | -1): void;
  clearSearch(): void;
  flow(id: string | undefined): void;
  labels(on: boolean): void;
  zoom(factor: number): void;
  fit(): void;
  reset(): void;
  exportAs(format: 'svg' | 'png'): void;
}

const ICON_PATHS = {
  zoomIn: 'M10.5,4a6.5,6.5 0 1 1 0,13a6.5,6.5 0 1 1 0,-13ZM15.3,15.3L20.5,20.5M10.5,7.5V13.5M7.5,10.5H13.5',
  zoomOut: 'M10.5,4a6.5,6.5 0 1 1 0,13a6.5,6.5 0 1 1 0,-13ZM15.3,15.3L20.5,20.5M7.5,10.5H13.5',
  fit: 'M4,9V4H9M15,4H20V9M20,15V20H15M9,20H4V15M9,9H15V15H9Z',
  reset: 'M4.5,12a7.5,7.5 0 1 0 2.2,-5.3M4.5,4.5V9H9',
  up: 'M6,15L12,9L18,15',
  down: 'M6,9L12,15L18,9',
  search: 'M10.5,4a6.5,6.5 0 1 1 0,13a6.5,6.5 0 1 1 0,-13ZM15.3,15.3L20.5,20.5',
};

function iconButton(path: string, label: string, onClick: () => void): HTMLButtonElement {
  const button = h('button', { className: 'calm-button calm-icon-button', attrs: { type: 'button', 'aria-label': label }, title: label }, [icon(path)]);
  button.addEventListener('click', onClick);
  return button;
}

function textButton(text: string, label: string, onClick: () => void): HTMLButtonElement {
  const button = h('button', { className: 'calm-button', text, attrs: { type: 'button' }, title: label });
  button.addEventListener('click', onClick);
  return button;
}

export class Toolbar {
  readonly element: HTMLElement;
  readonly searchInput: HTMLInputElement;
  private readonly count: HTMLElement;
  private readonly flowSelect: HTMLSelectElement;
  private readonly labelsBox: HTMLInputElement;
  private readonly zoomText: HTMLElement;

  constructor(actions: ToolbarActions, showLabels: boolean) {
    this.searchInput = h('input', { className: 'calm-search-input', attrs: { type: 'search', placeholder: 'Search nodes (Ctrl+F)', 'aria-label': 'Search nodes by name, id or description', spellcheck: 'false' } });
    this.searchInput.addEventListener('input', () => actions.search(this.searchInput.value));
    this.searchInput.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === 'F3') {
        e.preventDefault();
        actions.step(e.shiftKey ? -1 : 1);
      } else if (e.key === 'Escape') {
        e.preventDefault();
        this.searchInput.value = '';
        actions.clearSearch();
        this.searchInput.blur();
      }
    });
    this.count = h('span', { className: 'calm-search-count', attrs: { 'aria-live': 'polite' } });
    const search = h('div', { className: 'calm-search' }, [
      icon(ICON_PATHS.search, 'calm-ui-icon calm-search-icon'),
      this.searchInput,
      this.count,
      iconButton(ICON_PATHS.up, 'Previous match (Shift+Enter)', () => actions.step(-1)),
      iconButton(ICON_PATHS.down, 'Next match (Enter)', () => actions.step(1)),
    ]);

    this.flowSelect = h('select', { className: 'calm-flow-select', attrs: { 'aria-label': 'Highlight a flow' } });
    this.flowSelect.addEventListener('change', () => actions.flow(this.flowSelect.value === '' ? undefined : this.flowSelect.value));

    this.labelsBox = h('input', { attrs: { type: 'checkbox' } });
    this.labelsBox.checked = showLabels;
    this.labelsBox.addEventListener('change', () => actions.labels(this.labelsBox.checked));
    const labels = h('label', { className: 'calm-toggle', title: 'Show the protocol of each connection' }, [this.labelsBox, h('span', { text: 'Protocols' })]);

    this.zoomText = h('span', { className: 'calm-zoom-text', text: '100%' });
    this.element = h('div', { className: 'calm-toolbar', attrs: { role: 'toolbar', 'aria-label': 'Diagram' } }, [
      search,
      h('div', { className: 'calm-toolbar-group' }, [this.flowSelect, labels]),
      h('div', { className: 'calm-toolbar-group' }, [
        iconButton(ICON_PATHS.zoomOut, 'Zoom out (-)', () => actions.zoom(1 / 1.25)),
        this.zoomText,
        iconButton(ICON_PATHS.zoomIn, 'Zoom in (+)', () => actions.zoom(1.25)),
        iconButton(ICON_PATHS.fit, 'Fit to view (0)', () => actions.fit()),
        iconButton(ICON_PATHS.reset, 'Reset to 100% (1)', () => actions.reset()),
      ]),
      h('div', { className: 'calm-toolbar-group' }, [textButton('SVG', 'Export SVG', () => actions.exportAs('svg')), textButton('PNG', 'Export PNG', () => actions.exportAs('png'))]),
    ]);
  }

  setFlows(flows: readonly DiagramFlow[], selected: string | undefined): void {
    const options = [h('option', { text: flows.length === 0 ? 'No flows' : 'Flows\u2026', attrs: { value: '' } }), ...flows.map((f) => h('option', { text: f.name, attrs: { value: f.id } }))];
    this.flowSelect.replaceChildren(...options);
    this.flowSelect.value = selected !== undefined && flows.some((f) => f.id === selected) ? selected : '';
    this.flowSelect.disabled = flows.length === 0;
  }

  selectFlow(id: string | undefined): void {
    this.flowSelect.value = id ?? '';
  }

  setCount(text: string): void {
    this.count.textContent = text;
  }

  setZoom(scale: number): void {
    this.zoomText.textContent = `${Math.round(scale * 100)}%`;
  }

  focusSearch(): void {
    this.searchInput.focus();
    this.searchInput.select();
  }
}
