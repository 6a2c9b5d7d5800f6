// Column sums of squares, accumulated: the statistic behind importance-weighted
// quantization (E[x^2] per input column of a linear, llama.cpp's imatrix).

import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams } from "../engine/gpu/kernel.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import { grid1d } from "./grid.ts";
import common from "./common.wgsl" with { type: "text" };
import source from "./column_sumsq.wgsl" with { type: "text" };

const WG = 64;
export const columnSumSquaresKernel = defineKernel({
  key: `column_sumsq_wg${WG}`,
  params: defineParams({ rows: "u32", cols: "u32", xOffset: "u32" }),
  parts: [common, source],
  constants: { WG },
});

/** acc [cols] += sum over rows of x [rows, cols] squared, column by column. */
export function columnSumSquares(rec: Recorder, x: Tensor<"f32">, acc: Tensor<"f32">): void {
  const cols = x.shape[x.shape.length - 1], rows = x.size / cols;
  if (acc.size !== cols) {
    throw new Error(
      `columnSumSquares: acc [${acc.shape}] must have ${cols} values (x [${x.shape}])`,
    );
  }
  if (x.offset % 4 !== 0) {
    throw new Error(`columnSumSquares: x offset ${x.offset} is not f32-aligned`);
  }
  rec.dispatch(columnSumSquaresKernel, {
    params: { rows, cols, xOffset: x.offset / 4 },
    buffers: [x.buffer, acc.binding],
    workgroups: grid1d(rec.gpu, cols, WG),
  });
}

/** The plain-TS reference: acc + column sums of x [rows, cols] squared, in f64. */
export function columnSumSquaresReference(
  x: Float32Array,
  cols: number,
  acc: Float32Array = new Float32Array(cols),
): Float32Array<ArrayBuffer> {
  const sums = Float64Array.from(acc);
  for (let i = 0; i < x.length; i++) sums[i % cols] += x[i] * x[i];
  return Float32Array.from(sums);
}
