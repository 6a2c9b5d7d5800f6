// The feature map: a 2-D UMAP of the SAE's decoder directions (W_dec rows,
// unit-normalised, so Euclidean distance ranks like cosine), drawn on a canvas
// and coloured by how often each feature fires in the page's corpus. UMAP runs
// with a seeded generator, so the same SAE gives the same map; it is computed
// once and cached in IndexedDB.

import { UMAP } from "umap-js";
import { cacheGet, cachePut } from "./cache.ts";

/** mulberry32: a small seeded generator in [0, 1), for UMAP's random choices. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const MAP_SEED = 42;
const EPOCHS = 200;

/**
 * Positions [n * 2] in [0, 1] of the n rows of `rows` [n, d]. `progress` gets
 * the fraction done; the work yields to the page between epochs.
 */
export async function computeMap(
  cacheKey: string,
  rows: Float32Array,
  n: number,
  d: number,
  progress: (fraction: number) => void,
): Promise<Float32Array> {
  const key = `map|${cacheKey}|${MAP_SEED}|${EPOCHS}`;
  const hit = await cacheGet<Float32Array>(key);
  if (hit && hit.length === n * 2) return hit;
  const data: number[][] = [];
  for (let i = 0; i < n; i++) {
    const r = rows.subarray(i * d, (i + 1) * d);
    const norm = Math.hypot(...r) || 1;
    data.push(Array.from(r, (v) => v / norm));
  }
  const umap = new UMAP({
    nComponents: 2,
    nNeighbors: 15,
    minDist: 0.1,
    nEpochs: EPOCHS,
    random: seededRandom(MAP_SEED),
  });
  const epochs = umap.initializeFit(data);
  for (let e = 0; e < epochs; e++) {
    umap.step();
    if (e % 10 === 0) {
      progress(e / epochs);
      await new Promise((r) => setTimeout(r, 0));
    }
  }
  const emb = umap.getEmbedding();
  const xy = new Float32Array(n * 2);
  for (const axis of [0, 1]) {
    let lo = Infinity, hi = -Infinity;
    for (const p of emb) [lo, hi] = [Math.min(lo, p[axis]), Math.max(hi, p[axis])];
    emb.forEach((p, i) => xy[i * 2 + axis] = (p[axis] - lo) / (hi - lo || 1));
  }
  progress(1);
  await cachePut(key, xy);
  return xy;
}

/** Density colour scale: log10(density) from LOG_LO (dark blue) to LOG_HI (yellow). */
const LOG_LO = -4, LOG_HI = -1;
const STOPS = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]];

export function densityColor(density: number | undefined): string {
  if (density === undefined) return "#9aa0a6";
  if (density === 0) return "#d0d0d0";
  const x = Math.min(1, Math.max(0, (Math.log10(density) - LOG_LO) / (LOG_HI - LOG_LO)));
  const s = x * (STOPS.length - 1), i = Math.min(STOPS.length - 2, Math.floor(s)), f = s - i;
  const c = STOPS[i].map((v, k) => Math.round(v + (STOPS[i + 1][k] - v) * f));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

/** The legend's gradient, as CSS. */
export function legendGradient(): string {
  return `linear-gradient(to right, ${
    Array.from({ length: 7 }, (_, i) => densityColor(10 ** (LOG_LO + (LOG_HI - LOG_LO) * i / 6)))
      .join(", ")
  })`;
}

export const LEGEND_TICKS = ["≤ 0.01%", "0.1%", "1%", "≥ 10%"];

const PAD = 14;

/** Draws the map on a canvas and reports clicks on points. */
export class MapView {
  readonly canvas: HTMLCanvasElement;
  #xy: Float32Array | null = null;
  #density: Float32Array | null = null;
  #selected = -1;

  constructor(canvas: HTMLCanvasElement, onPick: (feature: number) => void) {
    this.canvas = canvas;
    canvas.addEventListener("click", (ev) => {
      const f = this.pointAt(ev.offsetX, ev.offsetY);
      if (f >= 0) onPick(f);
    });
    canvas.addEventListener("mousemove", (ev) => {
      const f = this.pointAt(ev.offsetX, ev.offsetY);
      canvas.title = f < 0
        ? ""
        : `feature ${f}` + (this.#density
          ? `, fires on ${(this.#density[f] * 100).toFixed(2)}% of corpus tokens`
          : "");
      canvas.style.cursor = f < 0 ? "default" : "pointer";
    });
  }

  set(xy: Float32Array, density: Float32Array | null) {
    this.#xy = xy;
    this.#density = density;
    this.draw();
  }

  select(feature: number) {
    this.#selected = feature;
    this.draw();
  }

  /** CSS-pixel position of a feature's point. */
  position(feature: number): [number, number] {
    const w = this.canvas.clientWidth, h = this.canvas.clientHeight, xy = this.#xy!;
    return [PAD + xy[feature * 2] * (w - 2 * PAD), PAD + (1 - xy[feature * 2 + 1]) * (h - 2 * PAD)];
  }

  /** The feature nearest to a CSS-pixel point, within 8 px; -1 if none. */
  pointAt(x: number, y: number): number {
    if (!this.#xy) return -1;
    let best = -1, bestD = 64;
    for (let f = 0; f < this.#xy.length / 2; f++) {
      const [px, py] = this.position(f);
      const d = (px - x) ** 2 + (py - y) ** 2;
      if (d < bestD) [best, bestD] = [f, d];
    }
    return best;
  }

  draw() {
    const c = this.canvas, dpr = globalThis.devicePixelRatio || 1;
    const w = c.clientWidth, h = c.clientHeight;
    c.width = Math.round(w * dpr);
    c.height = Math.round(h * dpr);
    const g = c.getContext("2d")!;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.fillStyle = "#fff";
    g.fillRect(0, 0, w, h);
    if (!this.#xy) return;
    const n = this.#xy.length / 2;
    // Rare features first, so the frequent ones are drawn on top.
    const order = Array.from({ length: n }, (_, i) => i);
    if (this.#density) order.sort((a, b) => this.#density![a] - this.#density![b]);
    for (const f of order) {
      const [x, y] = this.position(f);
      g.fillStyle = densityColor(this.#density?.[f]);
      g.beginPath();
      g.arc(x, y, 3.2, 0, 2 * Math.PI);
      g.fill();
    }
    if (this.#selected >= 0) {
      const [x, y] = this.position(this.#selected);
      g.strokeStyle = "#e8590c";
      g.lineWidth = 2.5;
      g.beginPath();
      g.arc(x, y, 8, 0, 2 * Math.PI);
      g.stroke();
      g.fillStyle = "#222";
      g.font = "bold 12px system-ui, sans-serif";
      g.fillText(`#${this.#selected}`, x + 10, y - 8);
    }
  }
}
