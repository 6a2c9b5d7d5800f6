// Where a backward pass starts: the metric log p(y) of one row of logits and
// its gradient with respect to the logits (logprob_backward.wgsl).

import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams } from "../engine/gpu/kernel.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import { overlaps } from "./backward_checks.ts";
import source from "./logprob_backward.wgsl" with { type: "text" };

const WG = 256;
export const logprobBackwardKernel = defineKernel({
  key: `logprob_backward_wg${WG}`,
  params: defineParams({ V: "u32", y: "u32" }),
  parts: [source],
  constants: { WG },
});

/**
 * metric [1] = log softmax(logits)[y]; dLogits [V] = onehot(y) - softmax(logits).
 * logits: one row [V] or [1, V].
 */
export function logprobBackward(
  rec: Recorder,
  logits: Tensor<"f32">,
  y: number,
  dLogits: Tensor<"f32">,
  metric: Tensor<"f32">,
): void {
  const V = logits.size;
  if (dLogits.size !== V || metric.size !== 1) {
    throw new Error(
      `logprobBackward: logits [${logits.shape}], dLogits [${dLogits.shape}] and metric ` +
        `[${metric.shape}]; want dLogits of ${V} values and metric [1]`,
    );
  }
  if (!Number.isInteger(y) || y < 0 || y >= V) {
    throw new Error(`logprobBackward: target id ${y} is outside the vocabulary [0, ${V})`);
  }
  if (overlaps(dLogits, logits) || overlaps(metric, logits) || overlaps(metric, dLogits)) {
    throw new Error("logprobBackward: outputs overlap each other or the logits");
  }
  rec.dispatch(logprobBackwardKernel, {
    params: { V, y },
    buffers: [logits.binding, dLogits.binding, metric.binding],
    workgroups: [1],
  });
}

/** The metric and gradient in f64, with the same cancellation-free form. */
export function logprobBackwardReference(
  logits: ArrayLike<number>,
  y: number,
): { metric: number; dLogits: Float64Array } {
  const V = logits.length;
  let max = -Infinity;
  for (let i = 0; i < V; i++) max = Math.max(max, logits[i]);
  let others = 0;
  for (let i = 0; i < V; i++) if (i !== y) others += Math.exp(logits[i] - max);
  const ey = Math.exp(logits[y] - max), z = ey + others;
  const dLogits = new Float64Array(V);
  for (let i = 0; i < V; i++) dLogits[i] = i === y ? others / z : -Math.exp(logits[i] - max) / z;
  return { metric: -Math.log1p(others / ey), dLogits };
}
