// The feature map's layout: a 2-D UMAP (umap-js) of the SAE's decoder
// directions. Runs in a Web Worker (map_worker.ts), so this file touches no
// DOM. Rows are unit-normalised (Euclidean distance then ranks like cosine);
// rows wider than PROJECTED_DIMS are first sent through a seeded Gaussian
// random projection (Johnson-Lindenstrauss: pairwise angles kept to a few
// percent at 64 dims), because NN-descent's cost grows with the width and a
// 65,536 x 4,096 decoder would not fit as the number[][] umap-js takes.
// Everything random is seeded, so one SAE always gives one map.

import { UMAP } from "umap-js";
import { MAP_SEED, PROJECTED_DIMS, projectionMatrix, seededRandom } from "./map_projection.ts";

export { MAP_SEED, PROJECTED_DIMS, seededRandom };

export const NEIGHBOURS = 15;

/**
 * Optimisation epochs: umap-js' own count (500 below 10,000 points, 200 above)
 * capped, since each epoch costs ~85 ms per 16,384 points in V8 and the layout
 * settles well before.
 */
export function layoutEpochs(n: number): number {
  return n <= 4096 ? 200 : n <= 16384 ? 150 : 100;
}

/** Names a layout in the cache: the settings above are part of it. */
export const LAYOUT_VERSION =
  `umap1.4.0|s${MAP_SEED}|p${PROJECTED_DIMS}|k${NEIGHBOURS}|e-capped|gpu-projected`;

/**
 * Unit rows [n, min(d, dims)]: `rows` [n, d] normalised, then (when d > dims)
 * multiplied by a seeded Gaussian [d, dims] matrix and normalised again.
 * A zero row stays zero.
 */
export function prepareRows(
  rows: Float32Array,
  n: number,
  d: number,
  dims = PROJECTED_DIMS,
  seed = MAP_SEED,
): { data: Float32Array; width: number } {
  if (rows.length !== n * d) {
    throw new Error(`decoder rows: ${rows.length} values, expected ${n} x ${d}`);
  }
  const width = Math.min(d, dims);
  const out = new Float32Array(n * width);
  const proj = d > dims ? projectionMatrix(d, dims, seed) : null;
  const acc = new Float64Array(width);
  for (let i = 0; i < n; i++) {
    const row = rows.subarray(i * d, (i + 1) * d);
    acc.fill(0);
    if (proj) {
      for (let k = 0; k < d; k++) {
        const x = row[k];
        if (x === 0) continue;
        const p = proj.subarray(k * dims, (k + 1) * dims);
        for (let j = 0; j < dims; j++) acc[j] += x * p[j];
      }
    } else {
      for (let k = 0; k < d; k++) acc[k] = row[k];
    }
    let s = 0;
    for (let j = 0; j < width; j++) s += acc[j] * acc[j];
    const inv = s > 0 ? 1 / Math.sqrt(s) : 0;
    for (let j = 0; j < width; j++) out[i * width + j] = acc[j] * inv;
  }
  return { data: out, width };
}

export type LayoutPhase = "projecting" | "neighbours" | "optimising";

export interface LayoutTimes {
  /** Normalising and projecting the rows. */
  prepareMs: number;
  /** umap-js initializeFit: NN-descent, the fuzzy graph, the initial embedding. */
  graphMs: number;
  /** The optimisation epochs. */
  optimiseMs: number;
  epochs: number;
}

/**
 * Positions [n * 2] in [0, 1] of the decoder rows [n, d]. `progress` gets the
 * phase and the fraction of it done.
 */
export function layoutMap(
  rows: Float32Array,
  n: number,
  d: number,
  progress: (phase: LayoutPhase, fraction: number) => void = () => {},
): { xy: Float32Array; times: LayoutTimes } {
  let t = performance.now();
  progress("projecting", 0);
  const { data, width } = prepareRows(rows, n, d);
  const vectors: number[][] = new Array(n);
  for (let i = 0; i < n; i++) vectors[i] = Array.from(data.subarray(i * width, (i + 1) * width));
  const prepareMs = performance.now() - t;
  t = performance.now();
  progress("neighbours", 0);
  const umap = new UMAP({
    nComponents: 2,
    nNeighbors: Math.min(NEIGHBOURS, n - 1),
    minDist: 0.1,
    nEpochs: layoutEpochs(n),
    random: seededRandom(MAP_SEED),
  });
  const epochs = umap.initializeFit(vectors);
  const graphMs = performance.now() - t;
  t = performance.now();
  const every = Math.max(1, Math.floor(epochs / 50));
  for (let e = 0; e < epochs; e++) {
    umap.step();
    if (e % every === 0) progress("optimising", e / epochs);
  }
  const optimiseMs = performance.now() - t;
  progress("optimising", 1);
  const emb = umap.getEmbedding();
  const xy = new Float32Array(n * 2);
  for (const axis of [0, 1]) {
    let lo = Infinity, hi = -Infinity;
    for (const p of emb) {
      lo = Math.min(lo, p[axis]);
      hi = Math.max(hi, p[axis]);
    }
    for (let i = 0; i < n; i++) xy[i * 2 + axis] = (emb[i][axis] - lo) / (hi - lo || 1);
  }
  return { xy, times: { prepareMs, graphMs, optimiseMs, epochs } };
}

/** Page -> worker. `rows` is transferred. */
export interface LayoutRequest {
  rows: Float32Array;
  n: number;
  d: number;
}

/** Worker -> page. */
export type LayoutMessage =
  | { type: "progress"; phase: LayoutPhase; fraction: number }
  | { type: "done"; xy: Float32Array; times: LayoutTimes }
  | { type: "error"; message: string };
