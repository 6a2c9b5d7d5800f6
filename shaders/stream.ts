// Streaming-read kernels: the bandwidth ceilings the benchmarks divide by.
// streamF32 reads an f32 matrix once and streamQuant a quantized matrix's
// codes and scales once (dequantizing them), each in the access pattern of the
// matching matvec kernel but with no activations and no output rows.

import type { Recorder } from "../engine/gpu/recorder.ts";
import { type Kernel, wgsl } from "../engine/gpu/kernel.ts";
import type { Matrix } from "../engine/gpu/matrix.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import type { QuantMatrix } from "../engine/quant/matrix.ts";
import { grid1d } from "./grid.ts";
import { quantTemplate } from "./matvec_quant.ts";
import quant from "./quant.wgsl" with { type: "text" };
import f32Source from "./stream.wgsl" with { type: "text" };
import quantSource from "./stream_quant.wgsl" with { type: "text" };

/** Threads per workgroup and rows per workgroup, as MatvecConfig / MatvecQuantConfig. */
export interface StreamConfig {
  wg: number;
  rows: number;
}

const kernels = new Map<string, Kernel>();
function cached(key: string, build: () => string, wg: number): Kernel {
  let k = kernels.get(key);
  if (!k) kernels.set(key, k = { key, source: wgsl(key, build()), constants: { WG: wg } });
  return k;
}

/** Threads the kernels write one partial each for: size `out` by this. */
export function streamThreads(rows: number, c: StreamConfig): number {
  return Math.ceil(rows / c.rows) * c.wg;
}

/** Sums every element of w (cols a multiple of 4) into out [streamThreads]. */
export function streamF32(rec: Recorder, w: Matrix, out: Tensor<"f32">, c: StreamConfig): void {
  if (w.cols % 4 !== 0) {
    throw new Error(`streamF32(${w.label}): cols ${w.cols} not a multiple of 4`);
  }
  const key = `stream_f32_wg${c.wg}_r${c.rows}`;
  const kernel = cached(key, () => f32Source.replaceAll("{{ROWS}}", String(c.rows)), c.wg);
  for (const chunk of w.chunks) {
    const rows = chunk.tensor.shape[0];
    rec.dispatch(kernel, {
      params: { layout: "uu", values: [w.cols / 4, rows] },
      buffers: [chunk.tensor.binding, out.binding],
      workgroups: grid1d(rec.gpu, rows, c.rows),
    });
  }
}

/** Dequantizes and sums every block of w into out [streamThreads]. */
export function streamQuant(
  rec: Recorder,
  w: QuantMatrix,
  out: Tensor<"f32">,
  c: StreamConfig,
): void {
  const l = w.layout;
  const key = `stream_${l.format}_b${l.block}_wg${c.wg}_r${c.rows}`;
  const kernel = cached(
    key,
    () => quant + "\n" + quantTemplate(quantSource, l).replaceAll("{{ROWS}}", String(c.rows)),
    c.wg,
  );
  for (const chunk of w.chunks) {
    rec.dispatch(kernel, {
      params: {
        layout: "uuuu",
        values: [l.blocksPerRow, chunk.rows, l.wordsPerRow, l.scalesPerRow],
      },
      buffers: [chunk.words.binding, chunk.scales.binding, out.binding],
      workgroups: grid1d(rec.gpu, chunk.rows, c.rows),
    });
  }
}
