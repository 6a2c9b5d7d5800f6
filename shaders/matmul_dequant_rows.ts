// Prefill projections from q8/q4 weights on software adapters: the f32 rows
// kernel's tile with w dequantized in registers (matmul_dequant_rows.wgsl).
// It replaces the expanded path's slab (dequantize to f32, store, reload) for
// these formats: same f32 values, a quarter (q8) or an eighth (q4) of the
// weight bytes read per step, and no pool buffer.

import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, fill, indent, type Kernel } from "../engine/gpu/kernel.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import type { QuantLayout } from "../engine/quant/format.ts";
import type { QuantMatrix } from "../engine/quant/matrix.ts";
import { linearShapes } from "./matmul.ts";
import { matmulQuantParams } from "./matmul_quant.ts";
import { type MatmulRowsConfig, rowsGrid, storeTile } from "./matmul_rows.ts";
import quant from "./quant.wgsl" with { type: "text" };
import template from "./matmul_dequant_rows.wgsl" with { type: "text" };

const kernels = new Map<string, Kernel<typeof matmulQuantParams.fields>>();

export function matmulDequantRowsKernel(
  l: QuantLayout,
  c: MatmulRowsConfig,
): Kernel<typeof matmulQuantParams.fields> {
  const key = `matmul_dequant_rows_${l.format}_b${l.block}_wg${c.wg}_r${c.rows}_t${c.tokens}`;
  let kernel = kernels.get(key);
  if (!kernel) {
    const rows = [...Array(c.rows).keys()], toks = [...Array(c.tokens).keys()];
    const acc = [
      ...toks.map((j) => `let xo${j} = min(t0 + ${j}u, p.T - 1u) * n;`),
      ...rows.flatMap((r) => [
        `let wr${r} = min(row0 + ${r}u * WG + lid, last);`,
        `let wo${r} = wr${r} * p.wordsPerRow;`,
        `let so${r} = wr${r} * p.scalesPerRow;`,
      ]),
      ...rows.flatMap((r) => toks.map((j) => `var acc${r}_${j} = 0.0;`)),
    ];
    const scales = rows.map((r) => `let d${r} = f16_at(scales[(so${r} + b) >> 1u], so${r} + b);`);
    const step = [
      ...toks.map((j) => `let x${j} = x[xo${j} + i];`),
      ...rows.flatMap((r) => [
        `let w${r} = d${r} * dequant_${l.format}(w[wo${r} + word], sub);`,
        ...toks.map((j) => `acc${r}_${j} += dot(w${r}, x${j});`),
      ]),
    ];
    const source = fill(key, template, {
      ROWS: String(c.rows),
      TT: String(c.tokens),
      BLOCK: String(l.block),
      PER_WORD: String(l.perWord),
      ACC: indent(acc, 2),
      SCALES: indent(scales, 4),
      STEP: indent(step, 6),
      STORE: indent(storeTile(c, (a) => a), 2),
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
 * out [T, N] = x [T, K] @ w^T, w: [N, K] q8/q4 in row chunks, K % 4 == 0,
 * with tile `c` (rowsTile's choice for the f32 kernel).
 */
export function matmulDequantRows(
  rec: Recorder,
  x: Tensor<"f32">,
  w: QuantMatrix,
  out: Tensor<"f32">,
  c: MatmulRowsConfig,
): void {
  const [T, K, N] = linearShapes("matmulDequantRows", x, w, out);
  if (K % 4 !== 0) throw new Error(`matmulDequantRows(${w.label}): K ${K} is not a multiple of 4`);
  const l = w.layout;
  const kernel = matmulDequantRowsKernel(l, c);
  for (const chunk of w.chunks) {
    rec.dispatch(kernel, {
      params: {
        T,
        K,
        rows: chunk.rows,
        outStride: N,
        colOffset: chunk.rowStart,
        wordsPerRow: l.wordsPerRow,
        scalesPerRow: l.scalesPerRow,
      },
      buffers: [x.binding, chunk.words.binding, chunk.scales.binding, out.binding],
      workgroups: rowsGrid(c, chunk.rows, T),
    });
  }
}
