// RMSNorm backward with respect to its input (weights frozen): the gradient of
// a residual stream through input_layernorm, post_attention_layernorm and the
// final norm (ARCHITECTURE.md, "Gradients").

import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams } from "../engine/gpu/kernel.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import { grid1d } from "./grid.ts";
import { overlaps } from "./backward_checks.ts";
import source from "./rmsnorm_backward.wgsl" with { type: "text" };

const WG = 64;
export const rmsnormBackwardKernel = defineKernel({
  key: `rmsnorm_backward_wg${WG}`,
  params: defineParams({ T: "u32", H: "u32", eps: "f32", accumulate: "u32" }),
  parts: [source],
  constants: { WG },
});

/**
 * dx [T, H] (+)= d rmsnorm(x, weight) / dx applied to dy [T, H]: overwrites dx,
 * or adds to it with `accumulate`. dx must not overlap x or dy.
 */
export function rmsnormBackward(
  rec: Recorder,
  x: Tensor<"f32">,
  weight: Tensor<"f32">,
  dy: Tensor<"f32">,
  dx: Tensor<"f32">,
  eps: number,
  accumulate = false,
): void {
  const H = x.shape[x.shape.length - 1];
  const T = x.size / H;
  const same = (t: Tensor) => t.size === x.size && t.shape[t.shape.length - 1] === H;
  if (weight.shape.length !== 1 || weight.shape[0] !== H || !same(dy) || !same(dx)) {
    throw new Error(
      `rmsnormBackward: x [${x.shape}], weight [${weight.shape}], dy [${dy.shape}] and ` +
        `dx [${dx.shape}] differ; want weight [${H}] and dy, dx [${x.shape}]`,
    );
  }
  if (overlaps(dx, x) || overlaps(dx, dy)) {
    throw new Error("rmsnormBackward: dx overlaps x or dy; write the gradient to another tensor");
  }
  rec.dispatch(rmsnormBackwardKernel, {
    params: { T, H, eps, accumulate: accumulate ? 1 : 0 },
    buffers: [x.binding, weight.binding, dy.binding, dx.binding],
    workgroups: grid1d(rec.gpu, T, 1),
  });
}

/** dx [T, H] = d rmsnorm(x, weight) / dx applied to dy, in f64 per row. */
export function rmsnormBackwardReference(
  x: ArrayLike<number>,
  weight: ArrayLike<number>,
  dy: ArrayLike<number>,
  H: number,
  eps: number,
): Float64Array {
  const dx = new Float64Array(x.length);
  for (let base = 0; base < x.length; base += H) {
    let ss = 0, gx = 0;
    for (let h = 0; h < H; h++) {
      ss += x[base + h] ** 2;
      gx += dy[base + h] * weight[h] * x[base + h];
    }
    const r = 1 / Math.sqrt(ss / H + eps);
    const c = r ** 3 * gx / H;
    for (let h = 0; h < H; h++) dx[base + h] = r * dy[base + h] * weight[h] - x[base + h] * c;
  }
  return dx;
}
