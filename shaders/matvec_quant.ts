// Decode projections from block-quantized weights: out [N] = w [N, K] @ x [K]
// for one token, dequantizing q8/q4 codes in registers, one dispatch per row
// chunk of w. Bandwidth-bound like matvec: the bench compares it with a kernel
// that only streams and dequantizes the same bytes (bench/ceiling.ts).

import type { Gpu } from "../engine/gpu/gpu.ts";
import type { Recorder } from "../engine/gpu/recorder.ts";
import { type Kernel, wgsl } from "../engine/gpu/kernel.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import type { QuantLayout } from "../engine/quant/format.ts";
import type { QuantMatrix } from "../engine/quant/matrix.ts";
import { grid1d } from "./grid.ts";
import quant from "./quant.wgsl" with { type: "text" };
import template from "./matvec_quant.wgsl" with { type: "text" };

export interface MatvecQuantConfig {
  /** Threads per workgroup, each taking whole blocks strided over K. */
  wg: number;
  /** Output rows per workgroup (accumulators per thread); at most wg. */
  rows: number;
}

// Measured on llvmpipe at 4096 x 4096 and 14336 x 4096 (bench matvec): see
// ARCHITECTURE.md. A software adapter runs one workgroup per CPU thread, 8
// lanes wide, so few lanes and many rows per workgroup win there; a GPU wants
// a full warp per workgroup.
const SOFTWARE: MatvecQuantConfig = { wg: 8, rows: 8 };
const HARDWARE: MatvecQuantConfig = { wg: 32, rows: 4 };

export function matvecQuantConfig(gpu: Gpu): MatvecQuantConfig {
  return gpu.isFallbackAdapter ? SOFTWARE : HARDWARE;
}

const kernels = new Map<string, Kernel>();

/** Template values shared by every kernel that dequantizes a layout. */
export function quantTemplate(source: string, l: QuantLayout): string {
  return source
    .replaceAll("{{FORMAT}}", l.format)
    .replaceAll("{{QPW}}", String(l.perWord / 4))
    .replaceAll("{{BLOCK}}", String(l.block));
}

// x loads per width: vec4 rows when K % 4 == 0, else scalars.
const X_VEC4: Record<string, string> = {
  "{{X}}": "vec4f",
  "{{X4}}": "x[k / 4u]",
  "{{X4_CLAMPED}}": "x[min(k, p.K - 4u) / 4u]",
  "{{X4_INSIDE}}": "k < p.K",
};
const X_SCALAR: Record<string, string> = {
  "{{X}}": "f32",
  "{{X4}}": "vec4f(x[k], x[k + 1u], x[k + 2u], x[k + 3u])",
  "{{X4_CLAMPED}}": "vec4f(x[min(k, p.K - 1u)], x[min(k + 1u, p.K - 1u)], " +
    "x[min(k + 2u, p.K - 1u)], x[min(k + 3u, p.K - 1u)])",
  "{{X4_INSIDE}}": "vec4u(k) + vec4u(0u, 1u, 2u, 3u) < vec4u(p.K)",
};

/** The variant for rows of l.cols values: vec4 loads of x when K % 4 == 0. */
export function matvecQuantKernel(l: QuantLayout, config: MatvecQuantConfig): Kernel {
  if (config.rows > config.wg) {
    throw new Error(`matvec_quant: rows ${config.rows} > wg ${config.wg} (one thread sums a row)`);
  }
  const vec4 = l.cols % 4 === 0;
  const key = `matvec_${l.format}_b${l.block}_${
    vec4 ? "vec4" : "f32"
  }_wg${config.wg}_r${config.rows}`;
  let kernel = kernels.get(key);
  if (!kernel) {
    let source = quantTemplate(template, l).replaceAll("{{ROWS}}", String(config.rows));
    for (const [k, v] of Object.entries(vec4 ? X_VEC4 : X_SCALAR)) source = source.replaceAll(k, v);
    kernel = { key, source: wgsl(key, quant, source), constants: { WG: config.wg } };
    kernels.set(key, kernel);
  }
  return kernel;
}

/** A [n] tensor counts as [1, n]; other ranks give null. */
function asRows(t: Tensor): [number, number] | null {
  if (t.shape.length === 1) return [1, t.shape[0]];
  if (t.shape.length === 2) return [t.shape[0], t.shape[1]];
  return null;
}

/** Checks x [T, K], w [N, K], out [T, N] and returns [T, K, N], naming the matrix on error. */
export function quantLinearShapes(
  op: string,
  x: Tensor<"f32">,
  w: QuantMatrix,
  out: Tensor<"f32">,
): [number, number, number] {
  const xs = asRows(x), os = asRows(out);
  if (!xs || !os || xs[1] !== w.cols || os[0] !== xs[0] || os[1] !== w.rows) {
    throw new Error(
      `${op}(${w.label}): x [${x.shape}] and out [${out.shape}] do not fit ${w.label} ` +
        `[${w.rows}, ${w.cols}] (${w.format}); want x [T, ${w.cols}] and out [T, ${w.rows}]`,
    );
  }
  return [xs[0], w.cols, w.rows];
}

/** out [N] or [1, N] = w [N, K] @ x, x: [K] or [1, K]; any K, N. */
export function matvecQuant(
  rec: Recorder,
  x: Tensor<"f32">,
  w: QuantMatrix,
  out: Tensor<"f32">,
  config: MatvecQuantConfig = matvecQuantConfig(rec.gpu),
): void {
  const [T, K] = quantLinearShapes("matvecQuant", x, w, out);
  if (T !== 1) throw new Error(`matvecQuant(${w.label}): x [${x.shape}] holds ${T} tokens, want 1`);
  const l = w.layout;
  const kernel = matvecQuantKernel(l, config);
  for (const c of w.chunks) {
    rec.dispatch(kernel, {
      params: { layout: "uuuuu", values: [K, c.rows, c.rowStart, l.wordsPerRow, l.scalesPerRow] },
      buffers: [x.binding, c.words.binding, c.scales.binding, out.binding],
      workgroups: grid1d(rec.gpu, c.rows, config.rows),
    });
  }
}
