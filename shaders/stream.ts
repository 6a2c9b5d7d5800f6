// Streaming-read kernels: the bandwidth ceilings the benchmarks divide by.
// streamF32 reads an f32 matrix once and streamQuant a quantized matrix's
// codes and scales once (dequantizing them), each in the access pattern of the
// matching matvec kernel but with no activations and no output rows.

import type { Recorder } from "../engine/gpu/recorder.ts";
import {
  defineKernel,
  defineParams,
  indent,
  type Kernel,
  type ParamFields,
  type ParamSpec,
} from "../engine/gpu/kernel.ts";
import type { Matrix } from "../engine/gpu/matrix.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import type { QuantMatrix } from "../engine/quant/matrix.ts";
import { grid1d } from "./grid.ts";
import type { QuantLayout } from "../engine/quant/format.ts";
import { type MatvecQuantConfig, rowOf, rowsPerGroup, SPLITS } from "./matvec_quant.ts";
import { CODE_OFFSET, codeScale, codeTerms, quantWalk, wordVector } from "./quant_codegen.ts";
import quant from "./quant.wgsl" with { type: "text" };
import template from "./stream.wgsl" with { type: "text" };

/**
 * Threads per workgroup and rows per workgroup, as MatvecConfig, or for the
 * quantized formats as MatvecQuantConfig (rows per thread, split).
 */
export interface StreamConfig {
  wg: number;
  rows: number;
  split?: MatvecQuantConfig["split"];
}

const f32Params = defineParams({ rowLen: "u32", /* vec4 elements per row */ rows: "u32" });
const quantParams = defineParams({
  blocksPerRow: "u32",
  rows: "u32",
  wordsPerRow: "u32",
  scalesPerRow: "u32",
});

const kernels = new Map<string, Kernel>();
function cached<F extends ParamFields>(
  key: string,
  params: ParamSpec<F>,
  build: () => string[],
  wg: number,
): Kernel<F> {
  let k = kernels.get(key) as Kernel<F> | undefined;
  if (!k) {
    k = defineKernel({ key, params, parts: build(), constants: { WG: wg } });
    kernels.set(key, k as Kernel);
  }
  return k;
}

/** f32 rows of rowLen vec4s, summed as matvec.wgsl walks them. */
const F32_MATRIX = [
  "@group(0) @binding(1) var<storage, read> data: array<vec4f>;    // [rows, rowLen]",
  "@group(0) @binding(2) var<storage, read_write> out: array<f32>; // [threads]",
];
const F32_SUM = [
  "var bases: array<u32, ROWS>;",
  "for (var r = 0u; r < ROWS; r++) {",
  "  bases[r] = min(row0 + r, p.rows - 1u) * p.rowLen;",
  "}",
  "var acc: array<vec4f, ROWS>;",
  "for (var k = lid; k < p.rowLen; k += WG) {",
  "  for (var r = 0u; r < ROWS; r++) {",
  "    acc[r] += data[bases[r] + k];",
  "  }",
  "}",
  "var s = 0.0;",
  "for (var r = 0u; r < ROWS; r++) {",
  "  s += dot(acc[r], vec4f(1.0));",
  "}",
];

function streamSource(rows: number, perGroup: string, matrix: string[], sum: string[]): string {
  return template
    .replaceAll("{{ROWS}}", String(rows))
    .replaceAll("{{ROWS_PER_GROUP}}", perGroup)
    .replaceAll("{{MATRIX}}", matrix.join("\n"))
    .replaceAll("{{SUM}}", indent(sum, 2));
}

/** The f32 streaming kernel for `c`. */
export function streamF32Kernel(c: StreamConfig): Kernel<typeof f32Params.fields> {
  const key = `stream_f32_wg${c.wg}_r${c.rows}`;
  return cached(key, f32Params, () => [streamSource(c.rows, "ROWS", F32_MATRIX, F32_SUM)], c.wg);
}

/** Threads the kernels write one partial each for: size `out` by this. */
export function streamThreads(rows: number, c: StreamConfig): number {
  return Math.ceil(rows / rowsPerGroup(c)) * c.wg;
}

/** Sums every element of w (cols a multiple of 4) into out [streamThreads]. */
export function streamF32(rec: Recorder, w: Matrix, out: Tensor<"f32">, c: StreamConfig): void {
  if (w.cols % 4 !== 0) {
    throw new Error(`streamF32(${w.label}): cols ${w.cols} not a multiple of 4`);
  }
  const kernel = streamF32Kernel(c);
  for (const chunk of w.chunks) {
    const rows = chunk.tensor.shape[0];
    rec.dispatch(kernel, {
      params: { rowLen: w.cols / 4, rows },
      buffers: [chunk.tensor.binding, out.binding],
      workgroups: grid1d(rec.gpu, rows, c.rows),
    });
  }
}

// One block of every row, as matvec_quant's MAIN with the x groups replaced by
// the constants they are pre-scaled with and sum(x) by BLOCK.
function streamBlock(l: QuantLayout, c: StreamConfig): string[] {
  const rows = c.rows;
  const walk = quantWalk(l), { vectors, x4 } = walk, multi = vectors > 1;
  const xs = [...Array(x4).keys()].map((j) => codeScale(l, j));
  const out: string[] = [];
  const inner: string[] = [];
  if (multi) { for (let r = 0; r < rows; r++) out.push(`var s${r} = 0.0;`); }
  for (let r = 0; r < rows; r++) {
    inner.push(`let v${r} = w[${rowOf(c, r)} * wpv + b * ${vectors}u + c];`);
    const dot = `dot(${codeTerms(l, walk, `v${r}`, xs)}, vec4f(1.0))`;
    inner.push(multi ? `s${r} += ${dot};` : `let s${r} = ${dot};`);
  }
  if (multi) {
    out.push(
      `for (var c = 0u; c < ${vectors}u; c++) {`,
      ...inner.map((s) => "  " + s),
      "}",
    );
  } else out.push("let c = 0u;", ...inner);
  out.push(`let off = ${CODE_OFFSET[l.format] * l.block}.0;`);
  for (let r = 0; r < rows; r++) {
    out.push(
      `let si${r} = ${rowOf(c, r)} * p.scalesPerRow + b;`,
      `s += f16_at(scales[si${r} >> 1u], si${r}) * (s${r} - off);`,
    );
  }
  return out;
}

/** Dequantizes and sums every block of w into out [streamThreads]. */
export function streamQuant(
  rec: Recorder,
  w: QuantMatrix,
  out: Tensor<"f32">,
  c: StreamConfig,
): void {
  const l = w.layout;
  const kernel = streamQuantKernel(l, c);
  for (const chunk of w.chunks) {
    rec.dispatch(kernel, {
      params: {
        blocksPerRow: l.blocksPerRow,
        rows: chunk.rows,
        wordsPerRow: l.wordsPerRow,
        scalesPerRow: l.scalesPerRow,
      },
      buffers: [chunk.words.binding, chunk.scales.binding, out.binding],
      workgroups: grid1d(rec.gpu, chunk.rows, rowsPerGroup(c)),
    });
  }
}

/** The streaming kernel for a quantized layout `l` and `c`. */
export function streamQuantKernel(
  l: QuantLayout,
  c: StreamConfig,
): Kernel<typeof quantParams.fields> {
  const split = c.split ?? "k", walkOf = SPLITS[split];
  const key = `stream_${l.format}_b${l.block}_wg${c.wg}_r${c.rows}_${split}`;
  return cached(key, quantParams, () => {
    const walk = quantWalk(l);
    const matrix = [
      `@group(0) @binding(1) var<storage, read> w: array<${wordVector(walk)}>;      ` +
      "// [rows, wordsPerRow / width]",
      "@group(0) @binding(2) var<storage, read> scales: array<u32>;    // [rows, scalesPerRow / 2]",
      "@group(0) @binding(3) var<storage, read_write> out: array<f32>; // [threads]",
    ];
    const sum = [
      "let last = p.rows - 1u;",
      `let wpv = p.wordsPerRow / ${walk.words}u;`,
      "var s = 0.0;",
      `for (var b = ${walkOf.B0}; b < p.blocksPerRow; b += ${walkOf.BSTEP}) {`,
      indent(streamBlock(l, c), 2),
      "}",
    ];
    return [quant, streamSource(c.rows, walkOf.ROWS_PER_GROUP, matrix, sum)];
  }, c.wg);
}
