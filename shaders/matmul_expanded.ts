// The expanded prefill path on software adapters, shared by the q8/q4
// (matmul_quant_rows.ts) and GGML block (matmul_ggml_rows.ts) matrices: per
// slab of rows, dequantize into one pool buffer (dequant_rows.ts,
// dequant_ggml_rows.ts) and multiply it with the f32 rows kernel, whose 32 x 32
// tile the in-register quantized kernels cannot reach (their unrolled WGSL
// outgrows the compiler at 32).

import type { Recorder } from "../engine/gpu/recorder.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import { largestRowsTile, matmulRowsKernel, rowsGrid, rowsTile } from "./matmul_rows.ts";

/** Bytes of f32 rows the expanded path dequantizes at a time (a pool buffer). */
export const EXPAND_BYTES = 32 << 20;

/**
 * Whether a quantized matmul on a software adapter runs on the f32 rows
 * kernel's tile (expanded slabs, or w dequantized in registers): when the
 * adapter's largest tile fits (K % 4 == 0; on llvmpipe 32 x 32: T >= 32, N >=
 * 256; on SwiftShader 16 x 16: T >= 16, N >= 128). Dequantizing a slab costs
 * one write and one read of it against ~2 x tile flops per weight per token
 * tile: a few per cent at T = 128. Measured at 4096x4096, T = 128 against the
 * in-register kernels (bench matmul-paths, ARCHITECTURE.md "Kernel choices").
 */
export function expandsToF32(T: number, K: number, N: number, largestF32 = 32): boolean {
  return K % 4 === 0 && rowsTile(T, N, largestF32).rows === largestF32;
}

/** A quantized matrix as the expanded path sees it: row chunks and a slab dequantizer. */
export interface ExpandSource {
  /** For errors. */
  label: string;
  /** Each chunk's row count, in order (chunk i starts where i - 1 ends). */
  chunkRows: readonly number[];
  /** Records: rows [row0, row0 + rows) of chunk `chunk`, as f32 [rows, K], into `out`. */
  dequantize: (rec: Recorder, chunk: number, row0: number, rows: number, out: GPUBuffer) => void;
}

/**
 * out [T, N] = x [T, K] @ w^T (K % 4 == 0): per slab of rows (a multiple of
 * the f32 tile's rows x wg, at most `slabBytes` of f32 unless one span is
 * larger, and at most one binding), dequantize into one pool buffer and
 * multiply with the f32 rows kernel. Dispatches run in order, so the slab
 * buffer is reused across slabs and handed back to the pool right away: any
 * later user records after this and writes it before reading.
 */
export function matmulExpanded(
  rec: Recorder,
  x: Tensor<"f32">,
  w: ExpandSource,
  out: Tensor<"f32">,
  slabBytes = EXPAND_BYTES,
): void {
  const [T, K] = x.shape;
  const N = out.shape[1];
  if (K % 4 !== 0) throw new Error(`matmulExpanded(${w.label}): K ${K} is not a multiple of 4`);
  const tile = rowsTile(T, N, largestRowsTile(rec.gpu));
  const span = tile.rows * tile.wg;
  // Whole spans where they fit; never more than one binding holds or one grid row counts.
  const bindRows = Math.min(
    Math.floor(rec.gpu.maxBindingBytes / (K * 4)),
    rec.gpu.device.limits.maxComputeWorkgroupsPerDimension, // the dequantizers' grid in y
  );
  if (bindRows < 1) {
    throw new Error(`matmulExpanded(${w.label}): one f32 row of ${K} exceeds a binding`);
  }
  const slabRows = Math.min(
    bindRows,
    Math.max(span, Math.floor(slabBytes / (K * 4) / span) * span),
  );
  const kernel = matmulRowsKernel(true, tile);
  const maxRows = Math.min(slabRows, Math.max(...w.chunkRows));
  const slab = rec.gpu.acquire("matmulExpanded.slab", maxRows * K * 4);
  try {
    let rowStart = 0;
    for (const [i, chunkRows] of w.chunkRows.entries()) {
      for (let r0 = 0; r0 < chunkRows; r0 += slabRows) {
        const rows = Math.min(slabRows, chunkRows - r0);
        w.dequantize(rec, i, r0, rows, slab);
        rec.dispatch(kernel, {
          params: { T, K, rows, outStride: N, colOffset: rowStart + r0 },
          buffers: [x.binding, { buffer: slab, size: rows * K * 4 }, out.binding],
          workgroups: rowsGrid(tile, rows, T),
        });
      }
      rowStart += chunkRows;
    }
  } finally {
    rec.gpu.release(slab);
  }
}
