// Token embedding lookup from a (possibly chunked) table, f32 or block-quantized
// (q8/q4, dequantizing the gathered rows): one dispatch per row chunk, one
// template (embedding.wgsl) whose table bindings and element read differ.

import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams, type Kernel } from "../engine/gpu/kernel.ts";
import type { QuantLayout } from "../engine/quant/format.ts";
import type { WeightMatrix } from "../engine/quant/matrix.ts";
import { type BlockLayout, BlockMatrix } from "../engine/quant/block_matrix.ts";
import { ggmlParts } from "./ggml_codegen.ts";
import { unitsPerRow } from "./matvec_ggml.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import { grid1d } from "./grid.ts";
import { quantTemplate } from "./quant_codegen.ts";
import common from "./common.wgsl" with { type: "text" };
import quant from "./quant.wgsl" with { type: "text" };
import template from "./embedding.wgsl" with { type: "text" };

const WG = 256;

const params = defineParams({
  T: "u32",
  H: "u32",
  rowStart: "u32", // first vocabulary row held by this chunk
  rows: "u32", // rows in this chunk
});
const quantParams = defineParams({
  ...params.fields,
  wordsPerRow: "u32",
  scalesPerRow: "u32",
});

/** f32 rows: element h of a row is one load. */
const F32_TABLE = `@group(0) @binding(2) var<storage, read> table: array<f32>;     // [rows, H]
@group(0) @binding(3) var<storage, read_write> out: array<f32>; // [T, H]

fn element(row: u32, h: u32) -> f32 {
  return table[row * p.H + h];
}`;

/** Quantized rows: a code of its word times its block's f16 scale (quantTemplate fills it in). */
const QUANT_TABLE =
  `@group(0) @binding(2) var<storage, read> w: array<u32>;         // [rows, wordsPerRow]
@group(0) @binding(3) var<storage, read> scales: array<u32>;    // [rows, scalesPerRow / 2]
@group(0) @binding(4) var<storage, read_write> out: array<f32>; // [T, H]

const BLOCK: u32 = {{BLOCK}}u;
const EPW: u32 = 4u * {{QPW}}u; // codes per word

fn element(row: u32, h: u32) -> f32 {
  let word = w[row * p.wordsPerRow + h / EPW];
  let si = row * p.scalesPerRow + h / BLOCK;
  return f16_at(scales[si >> 1u], si) * element_{{FORMAT}}(word, h % EPW);
}`;

/** GGML block rows (BlockMatrix): the element's 32-value group, decoded by the format's snippet. */
const BLOCK_TABLE =
  `@group(0) @binding(2) var<storage, read> w: array<W>;           // [rows, unitsPerRow]
@group(0) @binding(3) var<storage, read_write> out: array<f32>; // [T, H]

fn element(row: u32, h: u32) -> f32 {
  let g = h / 32u;
  let bw = row * p.unitsPerRow + (g / GROUPS_PER_BLOCK) * BLOCK_UNITS;
  var group = ggml_group(bw, ggml_head(bw), g % GROUPS_PER_BLOCK);
  return group[(h % 32u) / 4u][h % 4u];
}`;
const blockParams = defineParams({ ...params.fields, unitsPerRow: "u32" });

export const embeddingKernel = defineKernel({
  key: `embedding_wg${WG}`,
  params,
  parts: [common, template.replace("{{TABLE}}", F32_TABLE)],
  constants: { WG },
});

const quantKernels = new Map<string, Kernel<typeof quantParams.fields>>();

/** The kernel for a quantized table of layout `l`. */
export function embeddingQuantKernel(l: QuantLayout): Kernel<typeof quantParams.fields> {
  const key = `embedding_${l.format}_b${l.block}_wg${WG}`;
  let kernel = quantKernels.get(key);
  if (!kernel) {
    kernel = defineKernel({
      key,
      params: quantParams,
      parts: [common, quant, quantTemplate(template.replace("{{TABLE}}", QUANT_TABLE), l)],
      constants: { WG },
    });
    quantKernels.set(key, kernel);
  }
  return kernel;
}

const blockKernels = new Map<string, Kernel<typeof blockParams.fields>>();

/** The kernel for a table of GGML blocks of layout `l`. */
export function embeddingBlockKernel(l: BlockLayout): Kernel<typeof blockParams.fields> {
  const key = `embedding_${l.format}_wg${WG}`;
  let kernel = blockKernels.get(key);
  if (!kernel) {
    kernel = defineKernel({
      key,
      params: blockParams,
      parts: [common, ...ggmlParts(l.format), template.replace("{{TABLE}}", BLOCK_TABLE)],
      constants: { WG },
    });
    blockKernels.set(key, kernel);
  }
  return kernel;
}

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
  const T = tokens.size, H = table.cols;
  if (
    tokens.shape.length !== 1 || out.shape.length !== 2 || out.shape[0] !== T || out.shape[1] !== H
  ) {
    throw new Error(
      `embedding(${table.label}): tokens [${tokens.shape}] and out [${out.shape}] do not fit ` +
        `${table.label} [${table.rows}, ${H}]${
          table.format === "f32" ? "" : ` (${table.format})`
        }; ` +
        `want tokens [T] and out [T, ${H}]`,
    );
  }
  const workgroups = grid1d(rec.gpu, T * H, WG);
  if (table.format === "f32") {
    for (const chunk of table.chunks) {
      rec.dispatch(embeddingKernel, {
        params: { T, H, rowStart: chunk.rowStart, rows: chunk.tensor.shape[0] },
        buffers: [tokens.binding, chunk.tensor.binding, out.binding],
        workgroups,
      });
    }
    return;
  }
  if (table instanceof BlockMatrix) {
    for (const c of table.chunks) {
      rec.dispatch(embeddingBlockKernel(table.layout), {
        params: { T, H, rowStart: c.rowStart, rows: c.rows, unitsPerRow: unitsPerRow(table) },
        buffers: [tokens.binding, c.words.binding, out.binding],
        workgroups,
      });
    }
    return;
  }
  const l = table.layout;
  for (const c of table.chunks) {
    rec.dispatch(embeddingQuantKernel(l), {
      params: {
        T,
        H,
        rowStart: c.rowStart,
        rows: c.rows,
        wordsPerRow: l.wordsPerRow,
        scalesPerRow: l.scalesPerRow,
      },
      buffers: [tokens.binding, c.words.binding, c.scales.binding, out.binding],
      workgroups,
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
