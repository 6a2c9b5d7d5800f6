// RMSNorm before attention, MLP and the LM head.

import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams } from "../engine/gpu/kernel.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import { grid1d } from "./grid.ts";
import source from "./rmsnorm.wgsl" with { type: "text" };

const WG = 64;
export const rmsnormKernel = defineKernel({
  key: `rmsnorm_wg${WG}`,
  params: defineParams({ T: "u32", H: "u32", eps: "f32" }),
  parts: [source],
  constants: { WG },
});

/** out [T, H] = weight [H] * x [T, H] / sqrt(mean(x^2) + eps), per row. out must not alias x. */
export function rmsnorm(
  rec: Recorder,
  x: Tensor<"f32">,
  weight: Tensor<"f32">,
  out: Tensor<"f32">,
  eps: number,
): void {
  const H = x.shape[x.shape.length - 1];
  const T = x.size / H;
  if (
    weight.shape.length !== 1 || weight.shape[0] !== H || out.shape.length !== x.shape.length ||
    out.shape.some((d, i) => d !== x.shape[i])
  ) {
    throw new Error(
      `rmsnorm: x [${x.shape}], weight [${weight.shape}] and out [${out.shape}] differ; ` +
        `want weight [${H}] and out [${x.shape}]`,
    );
  }
  if (out.buffer === x.buffer) {
    const a = x.binding, b = out.binding;
    if (a.offset < b.offset + b.size && b.offset < a.offset + a.size) {
      throw new Error("rmsnorm: out overlaps x; write the normalised rows to another tensor");
    }
  }
  rec.dispatch(rmsnormKernel, {
    params: { T, H, eps },
    buffers: [x.binding, weight.binding, out.binding],
    workgroups: grid1d(rec.gpu, T, 1),
  });
}

/** out [T, H] = weight [H] * x [T, H] / sqrt(mean(x^2) + eps), per row. */
export function rmsnormReference(
  x: Float32Array,
  weight: Float32Array,
  H: number,
  eps: number,
): Float32Array {
  const out = new Float32Array(x.length);
  for (let base = 0; base < x.length; base += H) {
    let ss = 0;
    for (let h = 0; h < H; h++) ss += x[base + h] ** 2;
    const inv = 1 / Math.sqrt(ss / H + eps);
    for (let h = 0; h < H; h++) out[base + h] = weight[h] * (x[base + h] * inv);
  }
  return out;
}
