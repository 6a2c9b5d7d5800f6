// Decode projections from GGML block matrices (Q4_1, Q5_0, Q5_1, Q4_K, Q5_K,
// Q6_K kept as stored: engine/quant/block_matrix.ts): out [N] = w [N, K] @ x,
// one kernel per block format and tuning from one template
// (matvec_ggml.wgsl) and the format's dequantization snippet
// (ggml_codegen.ts). The same template with x fixed to 1 is the format's
// streaming kernel, the bench's ceiling (`deno task bench matvec`).

import type { Gpu } from "../engine/gpu/gpu.ts";
import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams, fill, indent, type Kernel } from "../engine/gpu/kernel.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import type { BlockFormat, BlockLayout, BlockMatrix } from "../engine/quant/block_matrix.ts";
import { grid1d } from "./grid.ts";
import { linearShapes } from "./matmul.ts";
import { rowOf, rowsPerGroup, SPLITS, uniformXFits } from "./matvec_quant.ts";
import { ggmlParts, groupLoop, unitWords, xLoaders } from "./ggml_codegen.ts";
import template from "./matvec_ggml.wgsl" with { type: "text" };

export interface MatvecGgmlConfig {
  /** Threads per workgroup. */
  wg: number;
  /** Rows per thread: one accumulator each. */
  rows: number;
  /** "k": threads share `rows` rows and split K by groups; "rows": each thread owns `rows` rows. */
  split: "k" | "rows";
  /** Bind x as a uniform array where it fits (default true; matvec_quant's uniformX). */
  uniformX?: boolean;
}

/**
 * Rows per thread on software adapters, per format: measured on llvmpipe at
 * 4096x4096 (bench/harness.ts streams interleaved, a loaded 2-core machine):
 * q6k 4 rows 0.72 GB/s, 6 rows 0.58, 8 rows 0.51 (Q6_K decodes more per
 * value: fewer rows spill less). q4k, with d and dmin converted once per
 * block (ggml_kscale.wgsl), as a ratio to its streaming ceiling at 4096x4096
 * and 14336x4096: 10 rows 0.76-0.80 and 0.74-0.80, 8 rows 0.77-0.80 and
 * 0.76-0.77, 6 rows 0.68-0.74 and 0.69-0.72 (x's load and pre-scaling, shared by the rows, is
 * what the stream does not pay).
 */
const SOFTWARE_ROWS: Partial<Record<BlockFormat, number>> = { q4k: 10 };

/**
 * Software adapters: threads owning whole rows (no barrier; one x load
 * serves all rows), as matvec_quant; GPUs: a warp splitting K over 4 rows.
 */
export function matvecGgmlConfig(
  gpu: Pick<Gpu, "isFallbackAdapter">,
  format: BlockFormat,
): MatvecGgmlConfig {
  return gpu.isFallbackAdapter
    ? { wg: 8, rows: SOFTWARE_ROWS[format] ?? 4, split: "rows" }
    : { wg: 32, rows: 4, split: "k" };
}

export const matvecGgmlParams = defineParams({
  K: "u32", // input features: x holds K values; rows may hold more (zero padding)
  rows: "u32", // rows in this chunk
  colOffset: "u32", // chunk.rowStart: element of out that row 0 writes
  unitsPerRow: "u32", // units of w per row (whole padded blocks; ggml_codegen.ts unitWords)
});

const kernels = new Map<string, Kernel<typeof matvecGgmlParams.fields>>();

function store(c: MatvecGgmlConfig): { PARTIAL: string; STORE: string } {
  const rows = [...Array(c.rows).keys()];
  if (c.split === "rows") {
    const lines = rows.flatMap((r) => [
      `if (row0 + ${r}u * WG + lid < p.rows) {`,
      `  out[p.colOffset + row0 + ${r}u * WG + lid] = acc${r};`,
      "}",
    ]);
    return { PARTIAL: "", STORE: indent(lines, 2) };
  }
  const lines = [
    ...rows.map((r) => `partial[${r}u * WG + lid] = acc${r};`),
    "workgroupBarrier();",
    "for (var r = lid; r < ROWS; r += WG) {",
    "  if (row0 + r < p.rows) {",
    "    var s = 0.0;",
    "    for (var i = 0u; i < WG; i++) {",
    "      s += partial[r * WG + i];",
    "    }",
    "    out[p.colOffset + row0 + r] = s;",
    "  }",
    "}",
  ];
  return {
    PARTIAL: "var<workgroup> partial: array<f32, ROWS * WG>; // [ROWS, WG]\n\n",
    STORE: indent(lines, 2),
  };
}

/**
 * The kernel for rows of layout `l`: x as vec4 when K % 4 == 0, else f32;
 * `stream` leaves x out (every x value 1): the format's streaming ceiling.
 */
export function matvecGgmlKernel(
  l: BlockLayout,
  c: MatvecGgmlConfig,
  stream = false,
  uniformX = false,
): Kernel<typeof matvecGgmlParams.fields> {
  const vec4 = l.cols % 4 === 0;
  if (uniformX && (!vec4 || stream)) throw new Error("matvecGgml: a uniform x needs K % 4 == 0");
  const xKind = stream ? "" : vec4 ? "vec4_" : "f32_";
  const key = `${stream ? "stream" : "matvec"}_${l.format}_${xKind}wg${c.wg}_r${c.rows}_${c.split}${
    uniformX ? `_ux${l.cols}` : ""
  }`;
  let kernel = kernels.get(key);
  if (!kernel) {
    const rows = [...Array(c.rows).keys()];
    const ones = "  return array<vec4f, 8>(" + Array(8).fill("vec4f(1.0)").join(", ") + ");";
    const loop = groupLoop({
      split: c.split,
      rows: rows.map((r) => rowOf(c, r)),
      xBases: ["0u"],
      acc: (r) => `acc${r}`,
    });
    const source = fill(key, template, {
      ROWS: String(c.rows),
      ROWS_PER_GROUP: SPLITS[c.split].ROWS_PER_GROUP,
      X_DECL: stream
        ? ""
        : uniformX
        ? `@group(0) @binding(3) var<uniform> x: array<vec4f, ${l.cols / 4}>; // [K / 4]`
        : `@group(0) @binding(3) var<storage, read> x: array<${
          vec4 ? "vec4f" : "f32"
        }>; // [K / width]`,
      X_LOAD: stream
        ? [
          "fn load_x(base: u32, g: u32) -> array<vec4f, 8> {",
          ones,
          "}",
          "",
          "fn load_x_tail(base: u32, g: u32) -> array<vec4f, 8> {",
          ones,
          "}",
        ].join("\n")
        : xLoaders(vec4),
      ...store(c),
      ACC: indent(rows.map((r) => `var acc${r} = 0.0;`), 2),
      LOOP: indent(loop, 2),
    });
    kernel = defineKernel({
      key,
      params: matvecGgmlParams,
      parts: [...ggmlParts(l.format), source],
      constants: { WG: c.wg },
    });
    kernels.set(key, kernel);
  }
  return kernel;
}

/** Units of w per row of `m`. */
export function unitsPerRow(m: BlockMatrix): number {
  return m.layout.wordsPerRow / unitWords(m.format);
}

/** out [N] or [1, N] = w [N, K] @ x, x: [K] or [1, K]; any K, N. */
export function matvecGgml(
  rec: Recorder,
  x: Tensor<"f32">,
  w: BlockMatrix,
  out: Tensor<"f32">,
  config: MatvecGgmlConfig = matvecGgmlConfig(rec.gpu, w.format),
): void {
  const [T, K] = linearShapes("matvecGgml", x, w, out);
  if (T !== 1) throw new Error(`matvecGgml(${w.label}): x [${x.shape}] holds ${T} tokens, want 1`);
  // x as a uniform array where it fits (as matvec_quant: one load per
  // workgroup instead of a gather per lane on software adapters).
  const kernel = matvecGgmlKernel(
    w.layout,
    config,
    false,
    (config.uniformX ?? true) && uniformXFits(rec.gpu, x, K),
  );
  for (const c of w.chunks) {
    rec.dispatch(kernel, {
      params: { K, rows: c.rows, colOffset: c.rowStart, unitsPerRow: unitsPerRow(w) },
      buffers: [c.words.binding, out.binding, x.binding],
      workgroups: grid1d(rec.gpu, c.rows, rowsPerGroup(config)),
    });
  }
}

/** Streams every group of w (dequantized, summed per row) into out [rows]: no x. */
export function streamGgml(
  rec: Recorder,
  w: BlockMatrix,
  out: Tensor<"f32">,
  config: MatvecGgmlConfig,
): void {
  const kernel = matvecGgmlKernel(w.layout, config, true);
  for (const c of w.chunks) {
    rec.dispatch(kernel, {
      params: { K: w.cols, rows: c.rows, colOffset: c.rowStart, unitsPerRow: unitsPerRow(w) },
      buffers: [c.words.binding, out.binding],
      workgroups: grid1d(rec.gpu, c.rows, rowsPerGroup(config)),
    });
  }
}
