// The training step of a sparse logistic probe (sae/probe_train.ts): the
// gradient of the mean log-loss and the L1 proximal step, on the GPU, so a
// few hundred steps record into one submission with no readback between them.

import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams } from "../engine/gpu/kernel.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import { grid1d } from "./grid.ts";
import common from "./common.wgsl" with { type: "text" };
import source from "./probe_step.wgsl" with { type: "text" };

const WG = 64;
export const probeStepKernel = defineKernel({
  key: `probe_step_wg${WG}`,
  params: defineParams({ n: "u32", d: "u32", lr: "f32", l1: "f32" }),
  parts: [common, source],
  constants: { WG },
});

/** The step size and L1 strength of a step. */
export interface StepOptions {
  /** Step size (learning rate). */
  lr: number;
  /** L1 penalty per unit of |w| (the threshold is lr * l1). */
  l1: number;
}

/**
 * One ISTA step on the first `n` rows of x [rows, d] with labels y, given
 * prob [>= n] = the probe's probabilities on those rows (probePredict):
 * weights [d + 1] = (w, b) updated in place; standardization [2, d] = (mean, invStd).
 */
export function probeStep(
  rec: Recorder,
  x: Tensor<"f32">,
  y: Tensor<"f32">,
  prob: Tensor<"f32">,
  standardization: Tensor<"f32">,
  weights: Tensor<"f32">,
  n: number,
  o: StepOptions,
): void {
  const d = x.shape[x.shape.length - 1], rows = x.size / d;
  if (!Number.isInteger(n) || n < 1 || n > rows || y.size < n || prob.size < n) {
    throw new Error(
      `probeStep: n = ${n} rows must be in [1, ${rows}] with y [${y.shape}] and prob [${prob.shape}] covering them`,
    );
  }
  if (weights.size !== d + 1 || standardization.size !== 2 * d) {
    throw new Error(
      `probeStep: x [${x.shape}] needs weights [${d + 1}] and standardization [2, ${d}], ` +
        `got [${weights.shape}] and [${standardization.shape}]`,
    );
  }
  rec.dispatch(probeStepKernel, {
    params: { n, d, lr: o.lr, l1: o.l1 },
    buffers: [x.binding, y.binding, prob.binding, standardization.binding, weights.binding],
    workgroups: grid1d(rec.gpu, d + 1, WG),
  });
}

/** Soft thresholding, the proximal map of t |w|. */
export function softThreshold(v: number, t: number): number {
  return Math.sign(v) * Math.max(Math.abs(v) - t, 0);
}

/** CPU reference in f64: the weights after probeStep (see there). */
export function probeStepReference(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  prob: ArrayLike<number>,
  standardization: ArrayLike<number>,
  weights: ArrayLike<number>,
  n: number,
  d: number,
  o: StepOptions,
): Float64Array {
  const out = Float64Array.from(weights);
  let gb = 0;
  for (let r = 0; r < n; r++) gb += prob[r] - y[r];
  out[d] = weights[d] - o.lr * gb / n;
  for (let j = 0; j < d; j++) {
    const invStd = standardization[d + j];
    if (invStd === 0) {
      out[j] = 0;
      continue;
    }
    let g = 0;
    for (let r = 0; r < n; r++) g += (x[r * d + j] - standardization[j]) * (prob[r] - y[r]);
    out[j] = softThreshold(weights[j] - o.lr * invStd * g / n, o.lr * o.l1);
  }
  return out;
}
