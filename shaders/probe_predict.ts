// A logistic probe's probabilities on the GPU: each training step of
// sae/probe_train.ts and the per-token monitor of sae/probe_monitor.ts.

import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams } from "../engine/gpu/kernel.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import { grid1d } from "./grid.ts";
import source from "./probe_predict.wgsl" with { type: "text" };

// A power of two: the reduction halves it.
const WG = 64;
export const probePredictKernel = defineKernel({
  key: `probe_predict_wg${WG}`,
  params: defineParams({ rows: "u32", d: "u32" }),
  parts: [source],
  constants: { WG },
});

/**
 * out[n] = sigmoid(b + sum_j w[j] (x[n, j] - mean[j]) invStd[j]) for x [rows, d],
 * weights [d + 1] = (w, b), standardization [2, d] = (mean, invStd), out [rows].
 */
export function probePredict(
  rec: Recorder,
  x: Tensor<"f32">,
  weights: Tensor<"f32">,
  standardization: Tensor<"f32">,
  out: Tensor<"f32">,
): void {
  const d = x.shape[x.shape.length - 1], rows = x.size / d;
  if (weights.size !== d + 1 || standardization.size !== 2 * d) {
    throw new Error(
      `probePredict: x [${x.shape}] needs weights [${d + 1}] and standardization [2, ${d}], ` +
        `got [${weights.shape}] and [${standardization.shape}]`,
    );
  }
  if (out.size !== rows) throw new Error(`probePredict: out [${out.shape}] needs ${rows} values`);
  rec.dispatch(probePredictKernel, {
    params: { rows, d },
    buffers: [x.binding, weights.binding, standardization.binding, out.binding],
    workgroups: grid1d(rec.gpu, rows, 1),
  });
}

/** sigmoid(z) without overflow for any z. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** CPU reference in f64 (see probePredict). */
export function probePredictReference(
  x: ArrayLike<number>,
  rows: number,
  d: number,
  weights: ArrayLike<number>,
  standardization: ArrayLike<number>,
): Float64Array {
  const out = new Float64Array(rows);
  for (let n = 0; n < rows; n++) {
    let z = weights[d];
    for (let j = 0; j < d; j++) {
      // As the kernel: a zero weight's column is not read (NaN there is ignored).
      if (weights[j] === 0) continue;
      z += weights[j] * (x[n * d + j] - standardization[j]) * standardization[d + j];
    }
    out[n] = sigmoid(z);
  }
  return out;
}
