// SwiGLU backward (the MLP's gate): gradients of gate and up from act's.

import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams } from "../engine/gpu/kernel.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import { grid1d } from "./grid.ts";
import { overlaps } from "./backward_checks.ts";
import common from "./common.wgsl" with { type: "text" };
import source from "./swiglu_backward.wgsl" with { type: "text" };

const WG = 256;
export const swigluBackwardKernel = defineKernel({
  key: `swiglu_backward_wg${WG}`,
  params: defineParams({ n: "u32" /* T * intermediate */ }),
  parts: [common, source],
  constants: { WG },
});

/**
 * dGate, dUp = the gradients of act = silu(gate) * up from dAct. All
 * [T, intermediate]; the outputs must not overlap the inputs or each other.
 */
export function swigluBackward(
  rec: Recorder,
  gate: Tensor<"f32">,
  up: Tensor<"f32">,
  dAct: Tensor<"f32">,
  dGate: Tensor<"f32">,
  dUp: Tensor<"f32">,
): void {
  const all = [gate, up, dAct, dGate, dUp];
  if (all.some((t) => t.size !== gate.size)) {
    throw new Error(
      `swigluBackward: gate [${gate.shape}], up [${up.shape}], dAct [${dAct.shape}], ` +
        `dGate [${dGate.shape}] and dUp [${dUp.shape}] must have one size`,
    );
  }
  for (const out of [dGate, dUp]) {
    if (all.some((t) => t !== out && overlaps(out, t))) {
      throw new Error("swigluBackward: an output overlaps another operand");
    }
  }
  rec.dispatch(swigluBackwardKernel, {
    params: { n: gate.size },
    buffers: [gate.binding, up.binding, dAct.binding, dGate.binding, dUp.binding],
    workgroups: grid1d(rec.gpu, gate.size, WG),
  });
}

/** The gradients of silu(gate) * up, in f64. */
export function swigluBackwardReference(
  gate: ArrayLike<number>,
  up: ArrayLike<number>,
  dAct: ArrayLike<number>,
): { dGate: Float64Array; dUp: Float64Array } {
  const n = gate.length, dGate = new Float64Array(n), dUp = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const g = gate[i], s = 1 / (1 + Math.exp(-g));
    dUp[i] = dAct[i] * g * s;
    dGate[i] = dAct[i] * up[i] * s * (1 + g * (1 - s));
  }
  return { dGate, dUp };
}
