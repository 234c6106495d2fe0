/**
 * Pan (drag), zoom (wheel, trackpad pinch, two-finger touch, buttons), fit and reset, as one CSS
 * transform on the canvas that holds the SVG: the SVG itself is never rebuilt to move the view.
 */

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const MIN_SCALE = 0.02;
const MAX_SCALE = 4;
const MARGIN = 24;
/** A press that moves less than this is a click, not a drag. */
const DRAG_THRESHOLD = 4;

export class PanZoom {
  private x = 0;
  private y = 0;
  private k = 1;
  private contentWidth = 0;
  private contentHeight = 0;
  private readonly pointers = new Map<number, { x: number; y: number }>();
  private dragStart: { x: number; y: number; tx: number; ty: number } | undefined;
  private pinchStart: { distance: number; k: number; cx: number; cy: number; tx: number; ty: number } | undefined;
  private moved = false;
  private listeners: ((scale: number) => void)[] = [];
  private resizeListeners: (() => void)[] = [];
  /** The viewport's size, kept by a ResizeObserver: reading clientWidth after a redraw would force a layout of the whole diagram. */
  private width: number;
  private height: number;
  /** Room kept free at the bottom when fitting (the legend floats there). */
  private bottomInset = 0;
  /** True from a fit() until the view is moved or zoomed otherwise. */
  fitted = false;

  constructor(
    private readonly viewport: HTMLElement,
    private readonly canvas: HTMLElement,
  ) {
    this.width = viewport.clientWidth;
    this.height = viewport.clientHeight;
    new ResizeObserver((entries) => {
      const box = entries[entries.length - 1]?.contentRect;
      if (!box) return;
      this.width = box.width;
      this.height = box.height;
      for (const l of this.resizeListeners) l();
    }).observe(viewport);
    viewport.addEventListener('wheel', (e) => this.onWheel(e), { passive: false });
    viewport.addEventListener('pointerdown', (e) => this.onPointerDown(e));
    viewport.addEventListener('pointermove', (e) => this.onPointerMove(e));
    viewport.addEventListener('pointerup', (e) => this.onPointerUp(e));
    viewport.addEventListener('pointercancel', (e) => this.onPointerUp(e));
    // A drag ends with a click on whatever is under the pointer: that click is not a selection.
    viewport.addEventListener(
      'click',
      (e) => {
        if (this.moved) {
          e.stopPropagation();
          e.preventDefault();
          this.moved = false;
        }
      },
      true,
    );
  }

  get scale(): number {
    return this.k;
  }

  onChange(listener: (scale: number) => void): void {
    this.listeners.push(listener);
  }

  setContentSize(width: number, height: number): void {
    this.contentWidth = width;
    this.contentHeight = height;
  }

  private apply(fitted = false): void {
    this.fitted = fitted;
    this.canvas.style.transform = `translate(${this.x}px, ${this.y}px) scale(${this.k})`;
    for (const l of this.listeners) l(this.k);
  }

  private size(): { w: number; h: number } {
    return { w: this.width, h: this.height };
  }

  onResize(listener: () => void): void {
    this.resizeListeners.push(listener);
  }

  /** The part of the diagram in view, in diagram coordinates. */
  visibleRect(): Rect {
    const { w, h } = this.size();
    return { x: -this.x / this.k, y: -this.y / this.k, width: w / this.k, height: h / this.k };
  }

  /** A point of the page (client coordinates) in diagram coordinates. */
  toContent(clientX: number, clientY: number): { x: number; y: number } {
    const r = this.viewport.getBoundingClientRect();
    return { x: (clientX - r.left - this.x) / this.k, y: (clientY - r.top - this.y) / this.k };
  }

  /** Zoom by `factor`, keeping the content point under (px, py) (viewport coordinates) in place. */
  zoomAt(factor: number, px: number, py: number): void {
    const k = Math.min(MAX_SCALE, Math.max(MIN_SCALE, this.k * factor));
    const f = k / this.k;
    this.x = px - (px - this.x) * f;
    this.y = py - (py - this.y) * f;
    this.k = k;
    this.apply();
  }

  zoomBy(factor: number): void {
    const { w, h } = this.size();
    this.zoomAt(factor, w / 2, h / 2);
  }

  setBottomInset(px: number): void {
    this.bottomInset = px;
  }

  /** The whole diagram in view, never enlarged beyond 100%, clear of the legend. */
  fit(): void {
    const { w } = this.size();
    const h = this.size().h - this.bottomInset;
    if (this.contentWidth <= 0 || this.contentHeight <= 0 || w <= 0 || h <= 0) return;
    const k = Math.max(MIN_SCALE, Math.min(1, (w - 2 * MARGIN) / this.contentWidth, (h - 2 * MARGIN) / this.contentHeight));
    this.k = k;
    this.x = (w - this.contentWidth * k) / 2;
    this.y = Math.max(MARGIN / 2, (h - this.contentHeight * k) / 2);
    this.apply(true);
  }

  /** 100%, the top of the diagram centred. */
  reset(): void {
    const { w } = this.size();
    this.k = 1;
    this.x = Math.min(MARGIN, (w - this.contentWidth) / 2);
    this.y = MARGIN / 2;
    this.apply();
  }

  /** Brings a content rectangle into view: pans only, zooming in first when the view is below `minScale`. */
  reveal(rect: Rect, minScale = 0): void {
    const { w, h } = this.size();
    if (this.k < minScale) this.k = Math.min(MAX_SCALE, minScale);
    const left = rect.x * this.k + this.x;
    const top = rect.y * this.k + this.y;
    const right = left + rect.width * this.k;
    const bottom = top + rect.height * this.k;
    if (left < MARGIN || top < MARGIN || right > w - MARGIN || bottom > h - MARGIN) {
      this.x = w / 2 - (rect.x + rect.width / 2) * this.k;
      this.y = h / 2 - (rect.y + rect.height / 2) * this.k;
    }
    this.apply();
  }

  private onWheel(e: WheelEvent): void {
    e.preventDefault();
    const r = this.viewport.getBoundingClientRect();
    // Trackpad pinches arrive as wheel events with ctrlKey and small deltas: zoom faster per unit.
    const perUnit = e.ctrlKey ? 0.01 : 0.0015;
    const delta = e.deltaMode === 1 ? e.deltaY * 16 : e.deltaY;
    this.zoomAt(Math.exp(-delta * perUnit), e.clientX - r.left, e.clientY - r.top);
  }

  private onPointerDown(e: PointerEvent): void {
    if (e.button !== 0) return;
    this.pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    this.moved = false;
    if (this.pointers.size === 1) {
      this.dragStart = { x: e.clientX, y: e.clientY, tx: this.x, ty: this.y };
    } else if (this.pointers.size === 2) {
      const [a, b] = [...this.pointers.values()];
      const r = this.viewport.getBoundingClientRect();
      this.pinchStart = { distance: Math.hypot(a.x - b.x, a.y - b.y) || 1, k: this.k, cx: (a.x + b.x) / 2 - r.left, cy: (a.y + b.y) / 2 - r.top, tx: this.x, ty: this.y };
      this.dragStart = undefined;
    }
  }

  private onPointerMove(e: PointerEvent): void {
    if (!this.pointers.has(e.pointerId)) return;
    this.pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (this.pinchStart && this.pointers.size === 2) {
      const [a, b] = [...this.pointers.values()];
      const p = this.pinchStart;
      const k = Math.min(MAX_SCALE, Math.max(MIN_SCALE, (p.k * Math.hypot(a.x - b.x, a.y - b.y)) / p.distance));
      this.x = p.cx - (p.cx - p.tx) * (k / p.k);
      this.y = p.cy - (p.cy - p.ty) * (k / p.k);
      this.k = k;
      this.moved = true;
      this.apply();
      return;
    }
    const d = this.dragStart;
    if (!d) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!this.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
    if (!this.moved) {
      this.moved = true;
      this.viewport.setPointerCapture(e.pointerId);
      this.viewport.classList.add('calm-panning');
    }
    this.x = d.tx + dx;
    this.y = d.ty + dy;
    this.apply();
  }

  private onPointerUp(e: PointerEvent): void {
    this.pointers.delete(e.pointerId);
    if (this.pointers.size < 2) this.pinchStart = undefined;
    if (this.pointers.size === 0) {
      this.dragStart = undefined;
      this.viewport.classList.remove('calm-panning');
      if (this.viewport.hasPointerCapture(e.pointerId)) this.viewport.releasePointerCapture(e.pointerId);
    }
  }
}
