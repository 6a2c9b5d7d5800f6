// Token embedding lookup from a (possibly chunked) table: one dispatch per chunk.

import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams } from "../engine/gpu/kernel.ts";
import type { WeightMatrix } from "../engine/quant/matrix.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import { grid1d } from "./grid.ts";
import { embeddingQuant } from "./embedding_quant.ts";
import common from "./common.wgsl" with { type: "text" };
import source from "./embedding.wgsl" with { type: "text" };

const WG = 256;
export const embeddingKernel = defineKernel({
  key: `embedding_wg${WG}`,
  params: defineParams({
    T: "u32",
    H: "u32",
    rowStart: "u32", // first vocabulary row held by this chunk
    rows: "u32", // rows in this chunk
  }),
  parts: [common, source],
  constants: { WG },
});

/**
 * out [T, H] = table [vocab, H] rows at tokens [T]. Ids must be < vocab (the
 * caller validates them on the CPU); a bad id leaves its row of out untouched.
 */
export function embedding(
  rec: Recorder,
  tokens: Tensor<"u32">,
  table: WeightMatrix,
  out: Tensor<"f32">,
): void {
  // Quantized tables (q8/q4) are gathered and dequantized by embedding_quant.
  if (table.format !== "f32") return embeddingQuant(rec, tokens, table, out);
  const T = tokens.size, H = table.cols;
  if (
    tokens.shape.length !== 1 || out.shape.length !== 2 || out.shape[0] !== T || out.shape[1] !== H
  ) {
    throw new Error(
      `embedding(${table.label}): tokens [${tokens.shape}] and out [${out.shape}] do not fit ` +
        `${table.label} [${table.rows}, ${H}]; want tokens [T] and out [T, ${H}]`,
    );
  }
  for (const chunk of table.chunks) {
    rec.dispatch(embeddingKernel, {
      params: { T, H, rowStart: chunk.rowStart, rows: chunk.tensor.shape[0] },
      buffers: [tokens.binding, chunk.tensor.binding, out.binding],
      workgroups: grid1d(rec.gpu, T * H, WG),
    });
  }
}

/** out [T, H] = table [vocab, H] rows at tokens [T]. */
export function embeddingReference(
  tokens: Uint32Array,
  table: Float32Array,
  H: number,
): Float32Array {
  const out = new Float32Array(tokens.length * H);
  tokens.forEach((id, t) => out.set(table.subarray(id * H, (id + 1) * H), t * H));
  return out;
}
