// Prefill projections from block-quantized weights on software adapters: a
// thread owns ROWS rows and TT tokens and walks K (matmul_quant_rows.wgsl).
// Measured on llvmpipe at 4096x4096, T = 128: see ARCHITECTURE.md, "Quantization".

import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, fill, indent, type Kernel } from "../engine/gpu/kernel.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import type { QuantLayout } from "../engine/quant/format.ts";
import type { QuantMatrix } from "../engine/quant/matrix.ts";
import { linearShapes } from "./matmul.ts";
import { matmulQuantParams } from "./matmul_quant.ts";
import { blockCode, quantWalk, wordVector } from "./quant_codegen.ts";
import { largestRowsTile, type MatmulRowsConfig, rowsTile, storeTile } from "./matmul_rows.ts";
import { matmulDequantRows } from "./matmul_dequant_rows.ts";
import { dequantRows } from "./dequant_rows.ts";
import { EXPAND_BYTES, expandsToF32, matmulExpanded } from "./matmul_expanded.ts";
import quant from "./quant.wgsl" with { type: "text" };
import template from "./matmul_quant_rows.wgsl" with { type: "text" };

/**
 * The first tuning, kept for tests of one fixed tile: on llvmpipe at
 * 4096x4096, T = 128, q4 16.5 and q8 17.4 GFLOP/s, against the tiled
 * matmul_quant's 2.7. Dispatches pick by shape (quantRowsTile).
 */
export const MATMUL_ROWS: MatmulRowsConfig = { wg: 8, rows: 8, tokens: 8 };

/**
 * The tile for a quantized matrix of row length K (see rowsTile): at most 16
 * where f32 goes to 32 (`largestF32`, largestRowsTile), else 8; 8 for odd K.
 */
export function quantRowsTile(T: number, K: number, N: number, largestF32 = 32): MatmulRowsConfig {
  return rowsTile(T, N, K % 4 === 0 && largestF32 >= 32 ? 16 : 8);
}

const kernels = new Map<string, Kernel<typeof matmulQuantParams.fields>>();

export function matmulQuantRowsKernel(
  l: QuantLayout,
  c: MatmulRowsConfig = MATMUL_ROWS,
): Kernel<typeof matmulQuantParams.fields> {
  const vec4 = l.cols % 4 === 0;
  const key = `matmul_rows_${l.format}_b${l.block}_${
    vec4 ? "vec4" : "f32"
  }_wg${c.wg}_r${c.rows}_t${c.tokens}`;
  let kernel = kernels.get(key);
  if (!kernel) {
    const walk = quantWalk(l);
    const rows = [...Array(c.rows).keys()], toks = [...Array(c.tokens).keys()];
    const width = vec4 ? "p.K / 4u" : "p.K";
    const acc = [
      `let wpv = p.wordsPerRow / ${walk.words}u;`,
      ...toks.map((j) => `let xo${j} = min(t0 + ${j}u, p.T - 1u) * ${width};`),
      ...rows.flatMap((r) => toks.map((j) => `var acc${r}_${j} = 0.0;`)),
    ];
    const store = storeTile(c, (acc) => acc);
    const spec = {
      layout: l,
      vec4,
      rows: rows.map((r) => `min(row0 + ${r}u * WG + lid, last)`),
      xBases: toks.map((j) => `xo${j} + `),
      acc: (r: number, j: number) => `acc${r}_${j}`,
    };
    const source = fill(key, template, {
      ROWS: String(c.rows),
      TT: String(c.tokens),
      BLOCK: String(l.block),
      X: vec4 ? "vec4f" : "f32",
      WV: wordVector(walk),
      ACC: indent(acc, 2),
      MAIN: indent(blockCode({ ...spec, guarded: false }), 4),
      TAIL: indent(blockCode({ ...spec, guarded: true }), 4),
      STORE: indent(store, 2),
    });
    kernel = defineKernel({
      key,
      params: matmulQuantParams,
      parts: [quant, source],
      constants: { WG: c.wg },
    });
    kernels.set(key, kernel);
  }
  return kernel;
}

/**
 * out [T, N] = x [T, K] @ w^T, w: [N, K] quantized in row chunks. Any T, K, N.
 * `config` (a tile) forces the in-register kernel; without it, shapes that
 * expandsToF32 accepts run on the f32 rows kernel's tile: q4 on llvmpipe with
 * w dequantized in registers (matmul_dequant_rows.ts), the rest with slabs of
 * w dequantized to f32 first.
 */
export function matmulQuantRows(
  rec: Recorder,
  x: Tensor<"f32">,
  w: QuantMatrix,
  out: Tensor<"f32">,
  config?: MatmulRowsConfig,
): void {
  const [T, K, N] = linearShapes("matmulQuantRows", x, w, out);
  const l = w.layout;
  const largest = largestRowsTile(rec.gpu);
  if (!config && expandsToF32(T, K, N, largest)) {
    // q4 on llvmpipe: dequantized in registers on the 32 x 32 tile, 0.94-1.05
    // of f32's speed against 0.78-0.97 expanded; q8 and SwiftShader expand.
    if (l.format === "q4" && largest === 32) {
      return matmulDequantRows(rec, x, w, out, rowsTile(T, N, largest));
    }
    return matmulQuantRowsExpanded(rec, x, w, out);
  }
  config ??= quantRowsTile(T, K, N, largest);
  const kernel = matmulQuantRowsKernel(l, config);
  for (const c of w.chunks) {
    rec.dispatch(kernel, {
      params: {
        T,
        K,
        rows: c.rows,
        outStride: N,
        colOffset: c.rowStart,
        wordsPerRow: l.wordsPerRow,
        scalesPerRow: l.scalesPerRow,
      },
      buffers: [x.binding, c.words.binding, c.scales.binding, out.binding],
      workgroups: [Math.ceil(c.rows / (config.rows * config.wg)), Math.ceil(T / config.tokens)],
    });
  }
}

/**
 * The expanded path (K % 4 == 0, matmul_expanded.ts): slabs of w dequantized
 * to f32 (dequant_rows.ts) and multiplied with the f32 rows kernel.
 */
export function matmulQuantRowsExpanded(
  rec: Recorder,
  x: Tensor<"f32">,
  w: QuantMatrix,
  out: Tensor<"f32">,
  slabBytes = EXPAND_BYTES,
): void {
  linearShapes("matmulQuantRowsExpanded", x, w, out);
  matmulExpanded(
    rec,
    x,
    {
      label: w.label,
      chunkRows: w.chunks.map((c) => c.rows),
      dequantize: (r, i, row0, rows, slab) =>
        dequantRows(r, w.layout, w.chunks[i], row0, rows, slab),
    },
    out,
    slabBytes,
  );
}
