// Draws the feature map on a canvas: every point written straight into an
// ImageData (a square or disc stamp per point, rare-first order so frequent
// features land on top), then the open feature's ring on top with 2-D paths.
// 65,536 points redraw in a few milliseconds, so panning and zooming redraw
// everything on the next animation frame. Hover and click hit-test through a
// uniform grid over the layout, not a scan of every point.

/// <reference lib="dom" />

const PAD = 14;
/** Grid cells per side for hit tests. */
const GRID = 256;
/** How far from a point (CSS px) the cursor still hovers it. */
const HIT_PX = 6;
/** Mouse travel (CSS px) below which a press and release is a click, not a drag. */
const CLICK_SLOP = 4;
const MIN_SCALE = 0.5, MAX_SCALE = 1024;

export interface MapCanvasHooks {
  onPick(feature: number): void;
  /** The hover tooltip's text for a feature. */
  describe(feature: number): string;
}

/** The view: CSS px = (tx, ty) + layout position * (layout area size) * scale. */
export interface MapTransform {
  scale: number;
  tx: number;
  ty: number;
  /** The layout area at scale 1, in CSS px. */
  width: number;
  height: number;
}

export class MapCanvas {
  readonly canvas: HTMLCanvasElement;
  readonly tip: HTMLElement;
  readonly #hooks: MapCanvasHooks;
  #xy: Float32Array | null = null;
  /** Per point, ABGR (ImageData's byte order on little-endian machines). */
  #rgba = new Uint32Array(0);
  #order: Uint32Array<ArrayBufferLike> = new Uint32Array(0);
  #cellStart = new Int32Array(GRID * GRID + 1);
  #cellItems = new Uint32Array(0);
  #scale = 1;
  #tx = PAD;
  #ty = PAD;
  #selected = -1;
  #image: ImageData | null = null;
  #frame = 0;
  /** Milliseconds each of the last draws took (for the page's tests and the status line). */
  readonly drawTimes: number[] = [];

  constructor(canvas: HTMLCanvasElement, tip: HTMLElement, hooks: MapCanvasHooks) {
    this.canvas = canvas;
    this.tip = tip;
    this.#hooks = hooks;
    let drag: { x: number; y: number; moved: number } | null = null;
    const local = (ev: MouseEvent): [number, number] => {
      const r = canvas.getBoundingClientRect();
      return [ev.clientX - r.left - canvas.clientLeft, ev.clientY - r.top - canvas.clientTop];
    };
    canvas.addEventListener("mousedown", (ev) => {
      drag = { x: ev.clientX, y: ev.clientY, moved: 0 };
      ev.preventDefault();
    });
    globalThis.addEventListener("mousemove", (ev) => {
      if (drag && ev.buttons & 1) {
        const dx = ev.clientX - drag.x, dy = ev.clientY - drag.y;
        drag = { x: ev.clientX, y: ev.clientY, moved: drag.moved + Math.abs(dx) + Math.abs(dy) };
        this.#tx += dx;
        this.#ty += dy;
        this.#hideTip();
        this.requestDraw();
      } else if (ev.target === canvas) this.#hover(ev, local(ev));
      else this.#hideTip();
    });
    globalThis.addEventListener("mouseup", (ev) => {
      const click = drag && drag.moved < CLICK_SLOP && ev.target === canvas;
      drag = null;
      if (!click) return;
      const f = this.pointAt(...local(ev));
      if (f >= 0) this.#hooks.onPick(f);
    });
    canvas.addEventListener("mouseleave", () => this.#hideTip());
    canvas.addEventListener("wheel", (ev) => {
      ev.preventDefault();
      this.zoom(Math.exp(-ev.deltaY * 0.002), ...local(ev));
    }, { passive: false });
    canvas.addEventListener("dblclick", () => this.resetView());
  }

  /** New positions [n * 2] in [0, 1]; builds the hit-test grid. */
  setLayout(xy: Float32Array) {
    this.#xy = xy;
    const n = xy.length / 2, cell = new Int32Array(n), start = new Int32Array(GRID * GRID + 1);
    for (let i = 0; i < n; i++) {
      const cx = Math.min(GRID - 1, Math.floor(xy[i * 2] * GRID));
      const cy = Math.min(GRID - 1, Math.floor(xy[i * 2 + 1] * GRID));
      cell[i] = cy * GRID + cx;
      start[cell[i] + 1]++;
    }
    for (let c = 0; c < GRID * GRID; c++) start[c + 1] += start[c];
    const fill = start.slice(0, GRID * GRID), items = new Uint32Array(n);
    for (let i = 0; i < n; i++) items[fill[cell[i]]++] = i;
    this.#cellStart = start;
    this.#cellItems = items;
    this.requestDraw();
  }

  /** Point colours ([r, g, b] per feature) and the drawing order (later on top). */
  setColours(rgb: (feature: number) => number[], order: Uint32Array) {
    const n = order.length, rgba = new Uint32Array(n);
    for (let f = 0; f < n; f++) {
      const [r, g, b] = rgb(f);
      rgba[f] = ((255 << 24) | (b << 16) | (g << 8) | r) >>> 0;
    }
    this.#rgba = rgba;
    this.#order = order;
    this.requestDraw();
  }

  select(feature: number) {
    this.#selected = feature;
    this.requestDraw();
  }

  transform(): MapTransform {
    const { width, height } = this.#area();
    return { scale: this.#scale, tx: this.#tx, ty: this.#ty, width, height };
  }

  /** Zooms by `factor` keeping the layout point under (x, y) CSS px in place. */
  zoom(factor: number, x: number, y: number) {
    const scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, this.#scale * factor));
    const k = scale / this.#scale;
    this.#tx = x - (x - this.#tx) * k;
    this.#ty = y - (y - this.#ty) * k;
    this.#scale = scale;
    this.#hideTip();
    this.requestDraw();
  }

  resetView() {
    [this.#scale, this.#tx, this.#ty] = [1, PAD, PAD];
    this.requestDraw();
  }

  /** CSS-pixel position of a feature's point in the current view. */
  position(feature: number): [number, number] {
    const xy = this.#xy!, { width, height } = this.#area();
    return [
      this.#tx + xy[feature * 2] * width * this.#scale,
      this.#ty + (1 - xy[feature * 2 + 1]) * height * this.#scale,
    ];
  }

  /** The feature nearest to a CSS-pixel point, within HIT_PX; -1 if none. */
  pointAt(x: number, y: number): number {
    if (!this.#xy) return -1;
    const { width, height } = this.#area(), xy = this.#xy;
    const u = (x - this.#tx) / (width * this.#scale);
    const v = 1 - (y - this.#ty) / (height * this.#scale);
    const ru = HIT_PX / (width * this.#scale), rv = HIT_PX / (height * this.#scale);
    const cell = (t: number) => Math.min(GRID - 1, Math.max(0, Math.floor(t * GRID)));
    let best = -1, bestD = HIT_PX * HIT_PX;
    for (let cy = cell(v - rv); cy <= cell(v + rv); cy++) {
      for (let cx = cell(u - ru); cx <= cell(u + ru); cx++) {
        const c = cy * GRID + cx;
        for (let k = this.#cellStart[c]; k < this.#cellStart[c + 1]; k++) {
          const f = this.#cellItems[k];
          const dx = (xy[f * 2] - u) * width * this.#scale;
          const dy = (xy[f * 2 + 1] - v) * height * this.#scale;
          const d = dx * dx + dy * dy;
          if (d < bestD || (d === bestD && f < best)) [best, bestD] = [f, d];
        }
      }
    }
    return best;
  }

  /** Draws on the next animation frame (once, however often it is asked). */
  requestDraw() {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.draw();
    });
  }

  draw() {
    const t0 = performance.now();
    const c = this.canvas, dpr = globalThis.devicePixelRatio || 1;
    const w = c.clientWidth, h = c.clientHeight;
    const W = Math.max(1, Math.round(w * dpr)), H = Math.max(1, Math.round(h * dpr));
    if (c.width !== W || c.height !== H) [c.width, c.height, this.#image] = [W, H, null];
    const g = c.getContext("2d")!;
    this.#image ??= g.createImageData(W, H);
    const px = new Uint32Array(this.#image.data.buffer);
    px.fill(0xffffffff);
    const xy = this.#xy;
    if (xy && this.#order.length === xy.length / 2) {
      const n = this.#order.length, { width, height } = this.#area();
      const base = n > 30000 ? 1 : n > 8000 ? 1.5 : n > 2000 ? 2.5 : 3.5;
      const r = Math.max(1, Math.round(Math.min(6, base * Math.sqrt(this.#scale)) * dpr));
      const sx = width * this.#scale * dpr, sy = height * this.#scale * dpr;
      const ox = this.#tx * dpr, oy = (this.#ty + height * this.#scale) * dpr;
      const lo = -Math.floor(r / 2), hi = lo + r, round = r >= 4;
      for (let k = 0; k < n; k++) {
        const f = this.#order[k];
        const x = Math.round(ox + xy[f * 2] * sx), y = Math.round(oy - xy[f * 2 + 1] * sy);
        if (x + hi <= 0 || y + hi <= 0 || x + lo >= W || y + lo >= H) continue;
        const colour = this.#rgba[f];
        for (let dy = lo; dy < hi; dy++) {
          const yy = y + dy;
          if (yy < 0 || yy >= H) continue;
          for (let dx = lo; dx < hi; dx++) {
            const xx = x + dx;
            if (xx < 0 || xx >= W) continue;
            if (round && (dx === lo || dx === hi - 1) && (dy === lo || dy === hi - 1)) continue;
            px[yy * W + xx] = colour;
          }
        }
      }
    }
    g.putImageData(this.#image, 0, 0);
    if (xy && this.#selected >= 0 && this.#selected < xy.length / 2) {
      g.setTransform(dpr, 0, 0, dpr, 0, 0);
      const [x, y] = this.position(this.#selected);
      g.strokeStyle = "#e8590c";
      g.lineWidth = 2.5;
      g.beginPath();
      g.arc(x, y, 8, 0, 2 * Math.PI);
      g.stroke();
      g.fillStyle = "#222";
      g.font = "bold 12px system-ui, sans-serif";
      g.fillText(`#${this.#selected}`, x + 10, y - 8);
      g.setTransform(1, 0, 0, 1, 0, 0);
    }
    this.drawTimes.push(performance.now() - t0);
    if (this.drawTimes.length > 600) this.drawTimes.splice(0, 300);
  }

  #area() {
    return {
      width: Math.max(1, this.canvas.clientWidth - 2 * PAD),
      height: Math.max(1, this.canvas.clientHeight - 2 * PAD),
    };
  }

  #hover(ev: MouseEvent, [x, y]: [number, number]) {
    const f = this.pointAt(x, y);
    this.canvas.style.cursor = f < 0 ? "grab" : "pointer";
    if (f < 0) return this.#hideTip();
    this.tip.hidden = false;
    this.tip.dataset.feature = String(f);
    this.tip.textContent = this.#hooks.describe(f);
    this.tip.style.left = `${ev.clientX + 14}px`;
    this.tip.style.top = `${ev.clientY + 14}px`;
  }

  #hideTip() {
    this.tip.hidden = true;
    delete this.tip.dataset.feature;
  }
}
