// Loading only: a block of rows of a [d_in, d_sae] weight, already on the GPU
// in a staging buffer, written transposed into the [d_sae, d_in] row chunks of
// a Matrix (see sae_transpose.wgsl for why; sae_transpose_rows.wgsl on
// software adapters).

import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams } from "../engine/gpu/kernel.ts";
import type { Matrix } from "../engine/gpu/matrix.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import source from "./sae_transpose.wgsl" with { type: "text" };
import rowsSource from "./sae_transpose_rows.wgsl" with { type: "text" };

const TILE = 16;
const transposeParams = defineParams({
  srcRows: "u32", // rows of src in this block (a range of d_in)
  srcCols: "u32", // d_sae
  colStart: "u32", // d_in index of src row 0
  rowStart: "u32", // first feature of the chunk: the column of src it starts at
  rows: "u32", // features in the chunk
  outCols: "u32", // d_in
});
/** GPUs: 16 x 16 tiles through workgroup memory, reads and writes contiguous. */
export const saeTransposeKernel = defineKernel({
  key: `sae_transpose_t${TILE}`,
  params: transposeParams,
  parts: [source],
});
const WG = 64;
/** Software adapters: a thread per feature, no workgroup memory or barrier. */
export const saeTransposeRowsKernel = defineKernel({
  key: `sae_transpose_rows_wg${WG}`,
  params: transposeParams,
  parts: [rowsSource],
  constants: { WG },
});

/**
 * out[j, colStart + i] = src[i, featureStart + j] for src [rows, d_sae]: the
 * block of out's columns from colStart, for out's features [featureStart,
 * featureStart + out.rows) of src (all of them by default).
 */
export function transposeInto(
  rec: Recorder,
  src: Tensor<"f32">,
  colStart: number,
  out: Matrix,
  featureStart = 0,
  /** The kernel (tests): by default the rows one on software adapters, the tiled one elsewhere. */
  variant: "tiled" | "rows" = rec.gpu.isFallbackAdapter ? "rows" : "tiled",
): void {
  const [srcRows, srcCols] = src.shape;
  const fits = Number.isInteger(featureStart) && featureStart >= 0 &&
    featureStart + out.rows <= srcCols;
  if (src.shape.length !== 2 || !fits || colStart + srcRows > out.cols) {
    throw new Error(
      `transposeInto(${out.label}): src [${src.shape}] at column ${colStart}, features from ` +
        `${featureStart}, does not fit [${out.rows}, ${out.cols}]`,
    );
  }
  for (const chunk of out.chunks) {
    const rows = chunk.tensor.shape[0];
    if (variant === "rows" && rows > WG * rec.gpu.device.limits.maxComputeWorkgroupsPerDimension) {
      throw new Error(`transposeInto(${out.label}): ${rows} features exceed one dispatch's grid`);
    }
    rec.dispatch(variant === "rows" ? saeTransposeRowsKernel : saeTransposeKernel, {
      params: {
        srcRows,
        srcCols,
        colStart,
        rowStart: featureStart + chunk.rowStart,
        rows,
        outCols: out.cols,
      },
      buffers: [src.binding, chunk.tensor.binding],
      workgroups: variant === "rows"
        ? [Math.ceil(rows / WG), 1]
        : [Math.ceil(rows / TILE), Math.ceil(srcRows / TILE)],
    });
  }
}
