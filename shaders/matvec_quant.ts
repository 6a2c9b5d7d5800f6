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
  return gpu.adapter.info.isFallbackAdapter ? SOFTWARE : HARDWARE;
}

const kernels = new Map<string, Kernel>();

/** Template values shared by every kernel that dequantizes a layout. */
export function quantTemplate(source: string, l: QuantLayout): string {
  return source
    .replaceAll("{{FORMAT}}", l.format)
    .replaceAll("{{QPW}}", String(l.perWord / 4))
    .replaceAll("{{BLOCK}}", String(l.block));
}

export function matvecQuantKernel(l: QuantLayout, config: MatvecQuantConfig): Kernel {
  if (config.rows > config.wg) {
    throw new Error(`matvec_quant: rows ${config.rows} > wg ${config.wg} (one thread sums a row)`);
  }
  const key = `matvec_${l.format}_b${l.block}_wg${config.wg}_r${config.rows}`;
  let kernel = kernels.get(key);
  if (!kernel) {
    const source = quantTemplate(template, l).replaceAll("{{ROWS}}", String(config.rows));
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
