// dx = dy w for GGML block matrices (q4_1, q5_0, q5_1, q4k, q5k, q6k): the
// group template linear_backward.wgsl (shared with f32 and q8/q4) with the
// per-type dequantization from ggml_codegen.ts (the snippets the forward
// kernels read the same blocks with) as its group loader, one kernel spec
// per format and token tile. linear_backward.ts dispatches here for a
// BlockMatrix. Also the template's per-token slots (setupLines, tokenSlots).

import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams, fill, indent, type Kernel } from "../engine/gpu/kernel.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import type { BlockFormat, BlockMatrix } from "../engine/quant/block_matrix.ts";
import { ggmlParts } from "./ggml_codegen.ts";
import { unitsPerRow } from "./matvec_ggml.ts";
import { rowSpans } from "./grid.ts";
import template from "./linear_backward.wgsl" with { type: "text" };

const WG = 64;
/** Tokens per thread: each decoded group serves TT tokens (TT x 32 accumulators). */
export const LINEAR_BACKWARD_GGML_TT = 4;

/**
 * Rows of w one dispatch walks. A thread loops over every row it is given,
 * and on llvmpipe an invocation whose loops run past ~65,536 iterations comes
 * out silently wrong (70,000 rows: 0.36 of max off; ARCHITECTURE.md,
 * "llvmpipe's loop cap"), so longer chunks (a 128k-vocabulary lm_head) go in
 * several accumulating dispatches.
 */
export const BACKWARD_ROWS_PER_DISPATCH = 16384;

/** The [rowBegin, rowEnd) spans of a chunk of `rows` rows, one dispatch each. */
export function backwardSpans(rows: number): [number, number][] {
  return rowSpans(rows, BACKWARD_ROWS_PER_DISPATCH);
}

export const linearBackwardGgmlParams = defineParams({
  T: "u32",
  K: "u32",
  rowBegin: "u32", // first row of the chunk this dispatch walks (backwardSpans)
  rows: "u32", // and the row it stops before
  dyStride: "u32", // N: elements per row of dy
  dyOffset: "u32", // chunk.rowStart: the column of dy that w's row 0 belongs to
  accumulate: "u32", // 1: add to dx
  unitsPerRow: "u32", // units of w per row (ggml_codegen.ts unitWords)
});

const kernels = new Map<string, Kernel<typeof linearBackwardGgmlParams.fields>>();

/** The per-token lines of the group template: dy offsets and accumulators. */
export function setupLines(tt: number): string[] {
  return [...Array(tt).keys()].flatMap((j) => [
    `let d${j} = min(t0 + ${j}u, last) * p.dyStride + p.dyOffset;`,
    ...[...Array(8).keys()].map((i) => `var acc${j}_${i} = vec4f(0.0);`),
  ]);
}

/** The ROW, ACCUMULATE, GATHER and STORE slots of the group template for `tt` tokens. */
export function tokenSlots(
  tt: number,
): Record<"ROW" | "ACCUMULATE" | "GATHER" | "STORE", string> {
  const toks = [...Array(tt).keys()], vecs = [...Array(8).keys()];
  return {
    ROW: indent(toks.map((j) => `let y${j} = vec4f(dy[d${j} + n]);`), 4),
    ACCUMULATE: indent(
      vecs.flatMap((i) => toks.map((j) => `acc${j}_${i} = fma(v[${i}u], y${j}, acc${j}_${i});`)),
      4,
    ),
    GATHER: indent(
      toks.map((j) =>
        `let o${j} = array<vec4f, 8>(${vecs.map((i) => `acc${j}_${i}`).join(", ")});`
      ),
      2,
    ),
    STORE: indent(
      toks.flatMap((j) => [
        `if (t0 + ${j}u < p.T) {`,
        `  let at = (t0 + ${j}u) * p.K + k;`,
        `  dx[at] = select(o${j}[i][e], dx[at] + o${j}[i][e], p.accumulate != 0u);`,
        "}",
      ]),
      8,
    ),
  };
}

/** The kernel for `format` with `tt` tokens per thread. */
export function linearBackwardGgmlKernel(
  format: BlockFormat,
  tt = LINEAR_BACKWARD_GGML_TT,
): Kernel<typeof linearBackwardGgmlParams.fields> {
  const key = `linear_backward_${format}_wg${WG}_t${tt}`;
  let kernel = kernels.get(key);
  if (!kernel) {
    const source = fill(key, template, {
      TT: String(tt),
      WEIGHT_BINDINGS:
        "@group(0) @binding(2) var<storage, read> w: array<W>;             // [rows, unitsPerRow]",
      DX_BINDING: "3",
      GROUP: indent([
        "let bw = n * p.unitsPerRow + b * BLOCK_UNITS;",
        "let v = ggml_group(bw, ggml_head(bw), s);",
      ], 4),
      SETUP: indent(
        ["let b = g / GROUPS_PER_BLOCK;", "let s = g % GROUPS_PER_BLOCK;", ...setupLines(tt)],
        2,
      ),
      ...tokenSlots(tt),
    });
    kernel = defineKernel({
      key,
      params: linearBackwardGgmlParams,
      parts: [...ggmlParts(format), source],
      constants: { WG },
    });
    kernels.set(key, kernel);
  }
  return kernel;
}

/**
 * dx [T, K] (+)= dy [T, N] @ w for a GGML block matrix w [N, K]; shapes
 * checked by the caller (linear_backward.ts linearBackward).
 */
export function linearBackwardGgml(
  rec: Recorder,
  dy: Tensor<"f32">,
  w: BlockMatrix,
  dx: Tensor<"f32">,
  T: number,
  accumulate: boolean,
  tt = LINEAR_BACKWARD_GGML_TT,
): void {
  const K = w.cols;
  const kernel = linearBackwardGgmlKernel(w.format, tt);
  const workgroups: [number, number] = [Math.ceil(Math.ceil(K / 32) / WG), Math.ceil(T / tt)];
  if (workgroups[1] > rec.gpu.device.limits.maxComputeWorkgroupsPerDimension) {
    throw new Error(`linearBackward(${w.label}): ${T} tokens exceed one dispatch; split them`);
  }
  w.chunks.forEach((c, i) => {
    for (const [rowBegin, rows] of backwardSpans(c.rows)) {
      rec.dispatch(kernel, {
        params: {
          T,
          K,
          rowBegin,
          rows,
          dyStride: w.rows,
          dyOffset: c.rowStart,
          accumulate: accumulate || i > 0 || rowBegin > 0 ? 1 : 0,
          unitsPerRow: unitsPerRow(w),
        },
        buffers: [dy.binding, c.words.binding, dx.binding],
        workgroups,
      });
    }
  });
}
