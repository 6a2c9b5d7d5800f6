// Token embedding lookup from a block-quantized table, dequantizing the
// gathered rows: one dispatch per row chunk, as embedding.ts does for f32.

import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams, type Kernel } from "../engine/gpu/kernel.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import type { QuantLayout } from "../engine/quant/format.ts";
import type { QuantMatrix } from "../engine/quant/matrix.ts";
import { grid1d } from "./grid.ts";
import { quantTemplate } from "./quant_codegen.ts";
import common from "./common.wgsl" with { type: "text" };
import quant from "./quant.wgsl" with { type: "text" };
import template from "./embedding_quant.wgsl" with { type: "text" };

const WG = 256;
const params = defineParams({
  T: "u32",
  H: "u32",
  rowStart: "u32", // first vocabulary row held by this chunk
  rows: "u32", // rows in this chunk
  wordsPerRow: "u32",
  scalesPerRow: "u32",
});
const kernels = new Map<string, Kernel<typeof params.fields>>();

export function embeddingQuantKernel(l: QuantLayout): Kernel<typeof params.fields> {
  const key = `embedding_${l.format}_b${l.block}_wg${WG}`;
  let kernel = kernels.get(key);
  if (!kernel) {
    kernel = defineKernel({
      key,
      params,
      parts: [common, quant, quantTemplate(template, l)],
      constants: { WG },
    });
    kernels.set(key, kernel);
  }
  return kernel;
}

/** out [T, H] = dequantized table [vocab, H] rows at tokens [T] (ids validated by the caller). */
export function embeddingQuant(
  rec: Recorder,
  tokens: Tensor<"u32">,
  table: QuantMatrix,
  out: Tensor<"f32">,
): void {
  const T = tokens.size, H = table.cols, l = table.layout;
  if (
    tokens.shape.length !== 1 || out.shape.length !== 2 || out.shape[0] !== T || out.shape[1] !== H
  ) {
    throw new Error(
      `embeddingQuant(${table.label}): tokens [${tokens.shape}] and out [${out.shape}] do not ` +
        `fit ${table.label} [${table.rows}, ${H}] (${table.format}); want tokens [T] and out [T, ${H}]`,
    );
  }
  const kernel = embeddingQuantKernel(l);
  for (const c of table.chunks) {
    rec.dispatch(kernel, {
      params: {
        T,
        H,
        rowStart: c.rowStart,
        rows: c.rows,
        wordsPerRow: l.wordsPerRow,
        scalesPerRow: l.scalesPerRow,
      },
      buffers: [tokens.binding, c.words.binding, c.scales.binding, out.binding],
      workgroups: grid1d(rec.gpu, T * H, WG),
    });
  }
}
