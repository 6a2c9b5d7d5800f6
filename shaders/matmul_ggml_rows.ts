// Prefill projections from GGML block matrices: a thread owns ROWS rows and
// TT tokens and walks K by 32-value groups (matmul_ggml_rows.wgsl). On
// software adapters this is the shape measured fastest for q8/q4
// (matmul_quant_rows.ts); GPUs use the same kernel rather than a tiled one
// with workgroup-memory staging (a block format's groups would need their
// own staging code per type), a known gap on GPUs (ARCHITECTURE.md, "GGML
// block formats").

import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams, fill, indent, type Kernel } from "../engine/gpu/kernel.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import type { BlockLayout, BlockMatrix } from "../engine/quant/block_matrix.ts";
import { linearShapes } from "./matmul.ts";
import { largestRowsTile, type MatmulRowsConfig, storeTile } from "./matmul_rows.ts";
import { dequantGgmlRows } from "./dequant_ggml_rows.ts";
import { EXPAND_BYTES, expandsToF32, matmulExpanded } from "./matmul_expanded.ts";
import { ggmlParts, groupLoop, xLoaders } from "./ggml_codegen.ts";
import { unitsPerRow } from "./matvec_ggml.ts";
import template from "./matmul_ggml_rows.wgsl" with { type: "text" };

/** 4 rows x 8 tokens per thread: a group of x per token and one decoded group live at once. */
export const MATMUL_GGML_ROWS: MatmulRowsConfig = { wg: 8, rows: 4, tokens: 8 };

export const matmulGgmlParams = defineParams({
  T: "u32",
  K: "u32",
  rows: "u32", // rows in this chunk
  outStride: "u32", // N
  colOffset: "u32", // chunk.rowStart
  unitsPerRow: "u32", // units of w per row (ggml_codegen.ts unitWords)
});

const kernels = new Map<string, Kernel<typeof matmulGgmlParams.fields>>();

export function matmulGgmlRowsKernel(
  l: BlockLayout,
  c: MatmulRowsConfig = MATMUL_GGML_ROWS,
): Kernel<typeof matmulGgmlParams.fields> {
  const vec4 = l.cols % 4 === 0;
  const key = `matmul_rows_${l.format}_${vec4 ? "vec4" : "f32"}_wg${c.wg}_r${c.rows}_t${c.tokens}`;
  let kernel = kernels.get(key);
  if (!kernel) {
    const rows = [...Array(c.rows).keys()], toks = [...Array(c.tokens).keys()];
    const width = vec4 ? "p.K / 4u" : "p.K";
    const acc = [
      ...toks.map((j) => `let xo${j} = min(t0 + ${j}u, p.T - 1u) * ${width};`),
      ...rows.flatMap((r) => toks.map((j) => `var acc${r}_${j} = 0.0;`)),
    ];
    const loop = groupLoop({
      split: "rows",
      rows: rows.map((r) => `min(row0 + ${r}u * WG + lid, last)`),
      xBases: toks.map((j) => `xo${j}`),
      acc: (r, j) => `acc${r}_${j}`,
    });
    const source = fill(key, template, {
      ROWS: String(c.rows),
      TT: String(c.tokens),
      X: vec4 ? "vec4f" : "f32",
      X_LOAD: xLoaders(vec4),
      ACC: indent(acc, 2),
      LOOP: indent(loop, 2),
      STORE: indent(storeTile(c, (a) => a), 2),
    });
    kernel = defineKernel({
      key,
      params: matmulGgmlParams,
      parts: [...ggmlParts(l.format), source],
      constants: { WG: c.wg },
    });
    kernels.set(key, kernel);
  }
  return kernel;
}

/**
 * out [T, N] = x [T, K] @ w^T, w: [N, K] GGML blocks in row chunks. Any T, K, N.
 * `config` (a tile) forces the in-register kernel; without it, software
 * adapters dequantize slabs of w and use the f32 rows kernel where
 * expandsToF32 accepts the shape (matmulGgmlRowsExpanded), as q8/q4 do.
 */
export function matmulGgmlRows(
  rec: Recorder,
  x: Tensor<"f32">,
  w: BlockMatrix,
  out: Tensor<"f32">,
  config?: MatmulRowsConfig,
): void {
  const [T, K, N] = linearShapes("matmulGgmlRows", x, w, out);
  if (
    !config && rec.gpu.isFallbackAdapter && expandsToF32(T, K, N, largestRowsTile(rec.gpu))
  ) {
    return matmulGgmlRowsExpanded(rec, x, w, out);
  }
  config ??= MATMUL_GGML_ROWS;
  const kernel = matmulGgmlRowsKernel(w.layout, config);
  for (const c of w.chunks) {
    rec.dispatch(kernel, {
      params: {
        T,
        K,
        rows: c.rows,
        outStride: N,
        colOffset: c.rowStart,
        unitsPerRow: unitsPerRow(w),
      },
      buffers: [x.binding, c.words.binding, out.binding],
      workgroups: [Math.ceil(c.rows / (config.rows * config.wg)), Math.ceil(T / config.tokens)],
    });
  }
}

/**
 * The expanded path (K % 4 == 0, matmul_expanded.ts): slabs of w dequantized
 * to f32 by the format's ggml_group (dequant_ggml_rows.ts) and multiplied with
 * the f32 rows kernel. Measured on llvmpipe at 4096x4096, T = 128: see
 * ARCHITECTURE.md, "GGML block formats".
 */
export function matmulGgmlRowsExpanded(
  rec: Recorder,
  x: Tensor<"f32">,
  w: BlockMatrix,
  out: Tensor<"f32">,
  slabBytes = EXPAND_BYTES,
): void {
  linearShapes("matmulGgmlRowsExpanded", x, w, out);
  matmulExpanded(
    rec,
    x,
    {
      label: w.label,
      chunkRows: w.chunks.map((c) => c.rows),
      dequantize: (r, i, row0, rows, slab) =>
        dequantGgmlRows(r, w.layout, w.chunks[i], row0, rows, slab),
    },
    out,
    slabBytes,
  );
}
