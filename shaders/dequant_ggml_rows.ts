// GGML block rows to f32 (dequant_ggml_rows.wgsl): the first half of the GGML
// prefill path on software adapters (matmul_ggml_rows.ts, matmul_expanded.ts).

import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams, type Kernel } from "../engine/gpu/kernel.ts";
import type { BlockChunk, BlockFormat, BlockLayout } from "../engine/quant/block_matrix.ts";
import { ggmlParts, unitWords } from "./ggml_codegen.ts";
import template from "./dequant_ggml_rows.wgsl" with { type: "text" };

const WG = 64;

export const dequantGgmlRowsParams = defineParams({
  rows: "u32", // rows expanded by this dispatch
  K: "u32",
  row0: "u32", // first of them, within the chunk
  unitsPerRow: "u32", // units of w per row (ggml_codegen.ts unitWords)
});

const kernels = new Map<BlockFormat, Kernel<typeof dequantGgmlRowsParams.fields>>();

export function dequantGgmlRowsKernel(
  format: BlockFormat,
): Kernel<typeof dequantGgmlRowsParams.fields> {
  let kernel = kernels.get(format);
  if (!kernel) {
    kernel = defineKernel({
      key: `dequant_ggml_rows_${format}_wg${WG}`,
      params: dequantGgmlRowsParams,
      parts: [...ggmlParts(format), template],
      constants: { WG },
    });
    kernels.set(format, kernel);
  }
  return kernel;
}

/**
 * out [rows, K] (f32, from offset 0) = rows [row0, row0 + rows) of chunk `c`
 * of a layout-`l` block matrix, dequantized. K = l.cols must be a multiple of 4.
 */
export function dequantGgmlRows(
  rec: Recorder,
  l: BlockLayout,
  c: BlockChunk,
  row0: number,
  rows: number,
  out: GPUBuffer,
): void {
  const K = l.cols;
  const where = `dequantGgmlRows(${l.format})`;
  if (K % 4 !== 0) throw new Error(`${where}: K ${K} is not a multiple of 4`);
  if (rows > rec.gpu.device.limits.maxComputeWorkgroupsPerDimension) {
    throw new Error(`${where}: ${rows} rows exceed one dispatch's workgroups in y`);
  }
  if (row0 < 0 || rows < 1 || row0 + rows > c.rows) {
    throw new Error(`${where}: rows [${row0}, ${row0 + rows}) outside the chunk's ${c.rows}`);
  }
  if (out.size < rows * K * 4) {
    throw new Error(`${where}: out holds ${out.size} bytes, want ${rows * K * 4}`);
  }
  rec.dispatch(dequantGgmlRowsKernel(l.format), {
    params: { rows, K, row0, unitsPerRow: l.wordsPerRow / unitWords(l.format) },
    buffers: [c.words.binding, { buffer: out, size: rows * K * 4 }],
    workgroups: [Math.ceil(Math.ceil(K / 32) / WG), rows],
  });
}
