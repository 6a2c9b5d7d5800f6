import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams } from "../engine/gpu/kernel.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import { grid1d } from "./grid.ts";
import common from "./common.wgsl" with { type: "text" };
import source from "./swiglu.wgsl" with { type: "text" };

const WG = 256;
export const swigluKernel = defineKernel({
  key: `swiglu_wg${WG}`,
  params: defineParams({ n: "u32" /* T * intermediate */ }),
  parts: [common, source],
  constants: { WG },
});

/** out = silu(gate) * up. gate, up, out: [T, intermediate]. */
export function swiglu(
  rec: Recorder,
  gate: Tensor<"f32">,
  up: Tensor<"f32">,
  out: Tensor<"f32">,
): void {
  if (gate.size !== up.size || gate.size !== out.size) {
    throw new Error(
      `swiglu: gate [${gate.shape}], up [${up.shape}] and out [${out.shape}] must match`,
    );
  }
  rec.dispatch(swigluKernel, {
    params: { n: gate.size },
    buffers: [gate.binding, up.binding, out.binding],
    workgroups: grid1d(rec.gpu, gate.size, WG),
  });
}

/** CPU reference in f64 (exp(-x) may overflow to Infinity there; x / Infinity is 0). */
export function swigluReference(gate: Float32Array, up: Float32Array): Float32Array {
  return gate.map((x, i) => (x / (1 + Math.exp(-x))) * up[i]);
}
