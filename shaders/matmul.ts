// Prefill projections: out = x @ w^T for T >= 2 tokens, one dispatch per row
// chunk of w, each writing its own columns of out.

import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams } from "../engine/gpu/kernel.ts";
import type { Matrix } from "../engine/gpu/matrix.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import type { WeightMatrix } from "../engine/quant/matrix.ts";
import { tiledMatmul, type TiledMatmulHooks } from "./tiled_matmul.ts";
import source from "./matmul.wgsl" with { type: "text" };

const WG_SIDE = 8;
const BK = 16;
/** Output tile side: 4 outputs per thread per side (the vec4f micro-tile in tiled_matmul.wgsl). */
const TILE = 4 * WG_SIDE;

/** The f32 matmuls' params (tiled here, and matmul_rows.ts). */
export const matmulParams = defineParams({
  T: "u32",
  K: "u32",
  rows: "u32", // rows of w in this chunk (output columns written here)
  outStride: "u32", // N: elements per row of out
  colOffset: "u32", // chunk.rowStart: column of out that w row 0 writes
});

/**
 * Stages row n0 + r of w [rows, K] beside row t0 + r of x, in the same loop:
 * the tiled_matmul.wgsl hook for weights stored one output per row (f32).
 */
export const STAGE_W_ROWS: TiledMatmulHooks["stageW"] = {
  withX: [
    "let n = n0 + r;",
    "var wv = 0.0;",
    "if (n < p.rows && k < p.K) {",
    "  wv = w[n * p.K + k];",
    "}",
    "ws[(e % BK) * TILE + r] = wv;",
  ],
};

export const matmulKernel = defineKernel({
  key: `matmul_tiled_t${TILE}_k${BK}`,
  params: matmulParams,
  parts: [
    source,
    tiledMatmul({
      k: "p.K",
      n: "p.rows",
      loadX: "x[t * p.K + k]",
      stageW: STAGE_W_ROWS,
      store: ["out[t * p.outStride + p.colOffset + n] = v;"],
    }),
  ],
  constants: { WG_SIDE, BK },
});

/** A [n] tensor counts as [1, n]; other ranks than 1 and 2 give null. */
function asRows(t: Tensor): [number, number] | null {
  if (t.shape.length === 1) return [1, t.shape[0]];
  if (t.shape.length === 2) return [t.shape[0], t.shape[1]];
  return null;
}

/**
 * Checks x [T, K], w [N, K], out [T, N] for `op` and returns [T, K, N], for
 * f32 and quantized matrices alike. The error names the matrix (and a
 * quantized one's format) and every shape, since a wrong weight is the usual cause.
 */
export function linearShapes(
  op: string,
  x: Tensor<"f32">,
  w: Pick<WeightMatrix, "label" | "rows" | "cols" | "format">,
  out: Tensor<"f32">,
): [number, number, number] {
  const xs = asRows(x), os = asRows(out);
  if (!xs || !os || xs[1] !== w.cols || os[0] !== xs[0] || os[1] !== w.rows) {
    throw new Error(
      `${op}(${w.label}): x [${x.shape}] and out [${out.shape}] do not fit ${w.label} ` +
        `[${w.rows}, ${w.cols}]${w.format === "f32" ? "" : ` (${w.format})`}; ` +
        `want x [T, ${w.cols}] and out [T, ${w.rows}]`,
    );
  }
  return [xs[0], w.cols, w.rows];
}

/** out [T, N] = x [T, K] @ w^T, w: [N, K] in row chunks. Any T, K, N. */
export function matmulTiled(
  rec: Recorder,
  x: Tensor<"f32">,
  w: Matrix,
  out: Tensor<"f32">,
): void {
  const [T, K, N] = linearShapes("matmulTiled", x, w, out);
  for (const chunk of w.chunks) {
    const rows = chunk.tensor.shape[0];
    rec.dispatch(matmulKernel, {
      params: { T, K, rows, outStride: N, colOffset: chunk.rowStart },
      buffers: [x.binding, chunk.tensor.binding, out.binding],
      workgroups: [Math.ceil(rows / TILE), Math.ceil(T / TILE)],
    });
  }
}

/** out [T, N] = x [T, K] @ w^T for w [N, K], accumulated in f64. */
export function matmulReference(
  x: Float32Array,
  w: Float32Array,
  T: number,
  K: number,
  N: number,
): Float32Array {
  const out = new Float32Array(T * N);
  for (let t = 0; t < T; t++) {
    for (let n = 0; n < N; n++) {
      let s = 0;
      for (let k = 0; k < K; k++) s += x[t * K + k] * w[n * K + k];
      out[t * N + n] = s;
    }
  }
  return out;
}
