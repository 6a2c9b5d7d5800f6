// The one entry point for nn.Linear projections, dispatching on the weight
// format: decode (one token) is bandwidth-bound and takes a matrix-vector
// kernel; prefill reuses weights across tokens and takes a matmul: on GPUs the
// tiled one (workgroup-memory tiles), on software adapters the "rows" one
// (each thread owns 8 rows x 8 tokens, no workgroup memory: ~5x faster on
// llvmpipe). q8/q4 weights are dequantized in registers or while staged;
// GGML block formats (q4k, q6k, ...) by their own kernels (matvec_ggml.ts,
// matmul_ggml_rows.ts).

import type { Recorder } from "../engine/gpu/recorder.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import type { WeightMatrix } from "../engine/quant/matrix.ts";
import { linearShapes, matmulTiled } from "./matmul.ts";
import { matmulQuant } from "./matmul_quant.ts";
import { matmulQuantRows } from "./matmul_quant_rows.ts";
import { matmulRows } from "./matmul_rows.ts";
import { matvec } from "./matvec.ts";
import { matvecQuant } from "./matvec_quant.ts";
import { BlockMatrix } from "../engine/quant/block_matrix.ts";
import { matvecGgml } from "./matvec_ggml.ts";
import { matmulGgmlRows } from "./matmul_ggml_rows.ts";

/** out [T, N] = x [T, K] @ w^T, w: [N, K]. A [K] x with a [N] out is one token. */
export function linear(
  rec: Recorder,
  x: Tensor<"f32">,
  w: WeightMatrix,
  out: Tensor<"f32">,
): void {
  const [T] = linearShapes("linear", x, w, out);
  if (w instanceof BlockMatrix) {
    // GGML block formats: their own kernels; the rows kernel on every adapter.
    if (T === 1) matvecGgml(rec, x, w, out);
    else matmulGgmlRows(rec, x, w, out);
  } else if (w.format === "f32") {
    if (T === 1) matvec(rec, x, w, out);
    else if (rec.gpu.isFallbackAdapter) matmulRows(rec, x, w, out);
    else matmulTiled(rec, x, w, out);
  } else {
    if (T === 1) matvecQuant(rec, x, w, out);
    else if (rec.gpu.isFallbackAdapter) matmulQuantRows(rec, x, w, out);
    else matmulQuant(rec, x, w, out);
  }
}
