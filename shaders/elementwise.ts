import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams } from "../engine/gpu/kernel.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import { grid1d } from "./grid.ts";
import common from "./common.wgsl" with { type: "text" };
import source from "./elementwise.wgsl" with { type: "text" };

const WG = 256;
export const elementwiseKernel = defineKernel({
  key: `elementwise_wg${WG}`,
  params: defineParams({
    n: "u32",
    a_off: "u32",
    b_off: "u32",
    b_width: "u32",
    alpha: "f32",
    beta: "f32",
    gamma: "f32",
  }),
  parts: [common, source],
  constants: { WG },
});

/** out = alpha * a + beta * b + gamma * a * b. */
export interface Coefficients {
  alpha: number;
  beta: number;
  gamma: number;
}

/**
 * a, out: [n]; b: [n], or [width] broadcast over rows when `broadcast` (n a
 * multiple of width). out must not share a buffer with a or b.
 */
export function elementwise(
  rec: Recorder,
  a: Tensor<"f32">,
  b: Tensor<"f32">,
  out: Tensor<"f32">,
  k: Coefficients,
  broadcast = false,
): void {
  const n = a.size;
  if (out.size !== n) {
    throw new Error(`elementwise: out [${out.shape}] does not match a [${a.shape}]`);
  }
  if (broadcast ? n % b.size !== 0 : b.size !== n) {
    throw new Error(
      `elementwise: b [${b.shape}] ${
        broadcast ? "does not divide" : "does not match"
      } a [${a.shape}]`,
    );
  }
  if (out.buffer === a.buffer || out.buffer === b.buffer) {
    throw new Error("elementwise: out must not share a buffer with its inputs");
  }
  rec.dispatch(elementwiseKernel, {
    params: {
      n,
      a_off: a.offset / 4,
      b_off: b.offset / 4,
      b_width: broadcast ? b.size : 0,
      alpha: k.alpha,
      beta: k.beta,
      gamma: k.gamma,
    },
    buffers: [a.buffer, b.buffer, out.binding],
    workgroups: grid1d(rec.gpu, n, WG),
  });
}

export function elementwiseReference(
  a: Float32Array,
  b: Float32Array,
  k: Coefficients,
  broadcast = false,
): Float32Array {
  return a.map((av, i) => {
    const bv = b[broadcast ? i % b.length : i];
    return (k.alpha ? k.alpha * av : 0) + (k.beta ? k.beta * bv : 0) +
      (k.gamma ? k.gamma * av * bv : 0);
  });
}
