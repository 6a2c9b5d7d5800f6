// q8/q4 rows to f32 (dequant_rows.wgsl): the first half of the quantized
// prefill path on software adapters (matmul_quant_rows.ts).

import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams, type Kernel } from "../engine/gpu/kernel.ts";
import type { QuantLayout } from "../engine/quant/format.ts";
import type { QuantChunk } from "../engine/quant/matrix.ts";
import common from "./common.wgsl" with { type: "text" };
import quant from "./quant.wgsl" with { type: "text" };
import template from "./dequant_rows.wgsl" with { type: "text" };

const WG = 64;

export const dequantRowsParams = defineParams({
  rows: "u32", // rows expanded by this dispatch
  K: "u32",
  row0: "u32", // first of them, within the chunk
  wordsPerRow: "u32",
  scalesPerRow: "u32",
});

const kernels = new Map<string, Kernel<typeof dequantRowsParams.fields>>();

export function dequantRowsKernel(l: QuantLayout): Kernel<typeof dequantRowsParams.fields> {
  const key = `dequant_rows_${l.format}_b${l.block}_wg${WG}`;
  let kernel = kernels.get(key);
  if (!kernel) {
    const source = template
      .replaceAll("{{FORMAT}}", l.format)
      .replaceAll("{{PER_WORD}}", String(l.perWord))
      .replaceAll("{{BLOCK}}", String(l.block));
    kernel = defineKernel({
      key,
      params: dequantRowsParams,
      parts: [common, quant, source],
      constants: { WG },
    });
    kernels.set(key, kernel);
  }
  return kernel;
}

/**
 * out [rows, K] (f32, from offset 0) = rows [row0, row0 + rows) of chunk `c`
 * of a layout-`l` matrix, dequantized. K = l.cols must be a multiple of 4.
 */
export function dequantRows(
  rec: Recorder,
  l: QuantLayout,
  c: QuantChunk,
  row0: number,
  rows: number,
  out: GPUBuffer,
): void {
  const K = l.cols;
  if (K % 4 !== 0) throw new Error(`dequantRows: K ${K} is not a multiple of 4`);
  if (rows > rec.gpu.device.limits.maxComputeWorkgroupsPerDimension) {
    throw new Error(`dequantRows: ${rows} rows exceed one dispatch's workgroups in y`);
  }
  if (row0 < 0 || rows < 1 || row0 + rows > c.rows) {
    throw new Error(`dequantRows: rows [${row0}, ${row0 + rows}) outside the chunk's ${c.rows}`);
  }
  if (out.size < rows * K * 4) {
    throw new Error(`dequantRows: out holds ${out.size} bytes, want ${rows * K * 4}`);
  }
  rec.dispatch(dequantRowsKernel(l), {
    params: { rows, K, row0, wordsPerRow: l.wordsPerRow, scalesPerRow: l.scalesPerRow },
    buffers: [c.words.binding, c.scales.binding, { buffer: out, size: rows * K * 4 }],
    workgroups: [Math.ceil(Math.ceil(K / 16) / WG), rows],
  });
}
