// Per-row top-k on the GPU (method in sae_topk.wgsl): the top features of each
// token without reading the dense features back, and SAELens' TopK activation.

import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams } from "../engine/gpu/kernel.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import { grid1d } from "./grid.ts";
import source from "./sae_topk.wgsl" with { type: "text" };

/** Largest k for topFeatures: the chosen entries are ranked in workgroup memory. */
export const MAX_TOP_K = 1024;

const params = defineParams({
  n: "u32", // row length
  k: "u32", // 1 <= k <= n; top_features also k <= MAX_K
  R: "u32", // rows
  sign: "f32", // 1: largest; -1: smallest (top_features only)
});

export const topFeaturesKernel = defineKernel({
  key: "sae_top_features_wg256",
  params,
  parts: [source],
  entryPoint: "top_features",
});
export const topkMaskKernel = defineKernel({
  key: "sae_topk_mask_wg256",
  params,
  parts: [source],
  entryPoint: "topk_mask",
});

function rowsOf(op: string, v: Tensor<"f32">, k: number, maxK: number): [number, number] {
  const n = v.shape[v.shape.length - 1];
  const R = v.size / n;
  if (!Number.isInteger(k) || k < 1 || k > n || k > maxK) {
    throw new Error(`${op}: k = ${k} must be an integer in [1, ${Math.min(n, maxK)}]`);
  }
  return [R, n];
}

/**
 * idx, val [R, k] = the k largest entries of each row of v [R, n] (the k
 * smallest with `sign` -1), by value descending, ties by lowest index; val
 * holds the entries of v.
 */
export function topFeatures(
  rec: Recorder,
  v: Tensor<"f32">,
  k: number,
  idx: Tensor<"u32">,
  val: Tensor<"f32">,
  sign: 1 | -1 = 1,
): void {
  const [R, n] = rowsOf("topFeatures", v, k, MAX_TOP_K);
  if (idx.size !== R * k || val.size !== R * k) {
    throw new Error(`topFeatures: idx [${idx.shape}] and val [${val.shape}] must be [${R}, ${k}]`);
  }
  rec.dispatch(topFeaturesKernel, {
    params: { n, k, R, sign },
    buffers: [v.binding, idx.binding, val.binding],
    workgroups: grid1d(rec.gpu, R, 1),
  });
}

/** In place on v [R, n]: ReLU on the k largest entries of each row, 0 elsewhere. */
export function topkMask(rec: Recorder, v: Tensor<"f32">, k: number): void {
  const [R, n] = rowsOf("topkMask", v, k, Infinity);
  rec.dispatch(topkMaskKernel, {
    params: { n, k, R, sign: 1 },
    buffers: [v.binding],
    workgroups: grid1d(rec.gpu, R, 1),
  });
}

/** Indices of the k largest of sign * row, by value descending then index (the kernel's order). */
function topIndices(row: ArrayLike<number>, k: number, sign: number): number[] {
  const key = (i: number) => Number.isNaN(row[i]) ? -Infinity : sign * row[i];
  const order = Array.from({ length: row.length }, (_, i) => i);
  // -0 and +0 compare equal here, as in the kernel; NaN sorts last.
  order.sort((a, b) =>
    key(b) - key(a) || (Number.isNaN(row[a]) ? 1 : 0) -
      (Number.isNaN(row[b]) ? 1 : 0) ||
    a - b
  );
  return order.slice(0, k);
}

export function topFeaturesReference(
  v: Float32Array,
  n: number,
  k: number,
  sign: 1 | -1 = 1,
): { idx: Uint32Array; val: Float32Array } {
  const R = v.length / n;
  const idx = new Uint32Array(R * k), val = new Float32Array(R * k);
  for (let r = 0; r < R; r++) {
    const row = v.subarray(r * n, (r + 1) * n);
    topIndices(row, k, sign).forEach((i, s) => {
      idx[r * k + s] = i;
      val[r * k + s] = row[i];
    });
  }
  return { idx, val };
}

export function topkMaskReference(v: Float32Array, n: number, k: number): Float32Array {
  const out = new Float32Array(v.length);
  for (let r = 0; r < v.length / n; r++) {
    const row = v.subarray(r * n, (r + 1) * n);
    // x > 0 rather than Math.max, so that a kept NaN becomes 0 as in the kernel.
    for (const i of topIndices(row, k, 1)) out[r * n + i] = row[i] > 0 ? row[i] : 0;
  }
  return out;
}
