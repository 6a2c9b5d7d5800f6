// The one entry point for nn.Linear projections: decode (one token) is
// bandwidth-bound and takes matvec; prefill reuses weights across tokens and
// takes the tiled matmul.

import type { Recorder } from "../engine/gpu/recorder.ts";
import type { Matrix } from "../engine/gpu/matrix.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import { linearShapes, matmulTiled } from "./matmul.ts";
import { matvec } from "./matvec.ts";

/** out [T, N] = x [T, K] @ w^T, w: [N, K]. A [K] x with a [N] out is one token. */
export function linear(rec: Recorder, x: Tensor<"f32">, w: Matrix, out: Tensor<"f32">): void {
  const [T] = linearShapes("linear", x, w, out);
  if (T === 1) matvec(rec, x, w, out);
  else matmulTiled(rec, x, w, out);
}
