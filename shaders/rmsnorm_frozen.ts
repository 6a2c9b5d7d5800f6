// RMSNorm with its per-row scale frozen at the forward's value: the linear map
// y -> weight * y / rms(x) that attribution graphs use for every norm
// (sae/attribution_graph.ts; ARCHITECTURE.md, "Attribution graphs"). Its
// Jacobian is diagonal, so the one kernel is both the frozen forward and the
// frozen backward.

import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams } from "../engine/gpu/kernel.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import { grid1d } from "./grid.ts";
import { overlaps } from "./backward_checks.ts";
import source from "./rmsnorm_frozen.wgsl" with { type: "text" };

const WG = 64;
export const rmsnormFrozenKernel = defineKernel({
  key: `rmsnorm_frozen_wg${WG}`,
  params: defineParams({ T: "u32", H: "u32", eps: "f32", accumulate: "u32" }),
  parts: [source],
  constants: { WG },
});

/**
 * out [T, H] (+)= weight * y / sqrt(mean(x^2) + eps) row by row: overwrites
 * out, or adds to it with `accumulate`. out must not overlap x or y.
 */
export function rmsnormFrozen(
  rec: Recorder,
  x: Tensor<"f32">,
  weight: Tensor<"f32">,
  y: Tensor<"f32">,
  out: Tensor<"f32">,
  eps: number,
  accumulate = false,
): void {
  const H = x.shape[x.shape.length - 1];
  const T = x.size / H;
  const same = (t: Tensor) => t.size === x.size && t.shape[t.shape.length - 1] === H;
  if (weight.shape.length !== 1 || weight.shape[0] !== H || !same(y) || !same(out)) {
    throw new Error(
      `rmsnormFrozen: x [${x.shape}], weight [${weight.shape}], y [${y.shape}] and ` +
        `out [${out.shape}] differ; want weight [${H}] and y, out [${x.shape}]`,
    );
  }
  if (overlaps(out, x) || overlaps(out, y)) {
    throw new Error("rmsnormFrozen: out overlaps x or y; write the result to another tensor");
  }
  rec.dispatch(rmsnormFrozenKernel, {
    params: { T, H, eps, accumulate: accumulate ? 1 : 0 },
    buffers: [x.binding, weight.binding, y.binding, out.binding],
    workgroups: grid1d(rec.gpu, T, 1),
  });
}

/** out [T, H] = weight * y / sqrt(mean(x^2) + eps) per row, in f64. */
export function rmsnormFrozenReference(
  x: ArrayLike<number>,
  weight: ArrayLike<number>,
  y: ArrayLike<number>,
  H: number,
  eps: number,
): Float64Array {
  const out = new Float64Array(x.length);
  for (let base = 0; base < x.length; base += H) {
    let ss = 0;
    for (let h = 0; h < H; h++) ss += x[base + h] ** 2;
    const r = 1 / Math.sqrt(ss / H + eps);
    for (let h = 0; h < H; h++) out[base + h] = weight[h] * y[base + h] * r;
  }
  return out;
}
