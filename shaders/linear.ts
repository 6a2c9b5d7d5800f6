// The one entry point for nn.Linear projections, dispatching on the weight
// format: decode (one token) is bandwidth-bound and takes a matrix-vector
// kernel; prefill reuses weights across tokens and takes a tiled matmul. q8/q4
// weights are dequantized in registers (matvec) or while staged (matmul).

import type { Recorder } from "../engine/gpu/recorder.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import type { WeightMatrix } from "../engine/quant/matrix.ts";
import { linearShapes, matmulTiled } from "./matmul.ts";
import { matmulQuant } from "./matmul_quant.ts";
import { matvec } from "./matvec.ts";
import { matvecQuant, quantLinearShapes } from "./matvec_quant.ts";

/** out [T, N] = x [T, K] @ w^T, w: [N, K]. A [K] x with a [N] out is one token. */
export function linear(
  rec: Recorder,
  x: Tensor<"f32">,
  w: WeightMatrix,
  out: Tensor<"f32">,
): void {
  if (w.format === "f32") {
    const [T] = linearShapes("linear", x, w, out);
    if (T === 1) matvec(rec, x, w, out);
    else matmulTiled(rec, x, w, out);
  } else {
    const [T] = quantLinearShapes("linear", x, w, out);
    if (T === 1) matvecQuant(rec, x, w, out);
    else matmulQuant(rec, x, w, out);
  }
}
