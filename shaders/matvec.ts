// Decode projections: out [N] = w [N, K] @ x [K] for one token, one dispatch
// per row chunk of w. Bandwidth-bound: the kernel should read w at the
// adapter's streaming rate.

import type { Gpu } from "../engine/gpu/gpu.ts";
import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams, fill, type Kernel } from "../engine/gpu/kernel.ts";
import type { Matrix } from "../engine/gpu/matrix.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import { grid1d } from "./grid.ts";
import { linearShapes, matmulReference } from "./matmul.ts";
import template from "./matvec.wgsl" with { type: "text" };

export interface MatvecConfig {
  /** Threads per workgroup, striding over K. */
  wg: number;
  /** Output rows per workgroup (accumulators per thread). */
  rows: number;
}

// Measured at 4096 x 4096 on llvmpipe (streaming read ~3.3 GB/s): wg8/r8 reads
// w at ~3.3 GB/s, wg32/r4 at ~2.5 GB/s, wg64 ~2 GB/s. A software adapter runs a
// workgroup on one CPU thread, 8 lanes wide, so fewer lanes per row and more rows
// per loop win there; a GPU wants at least a full warp per workgroup.
const SOFTWARE: MatvecConfig = { wg: 8, rows: 8 };
const HARDWARE: MatvecConfig = { wg: 32, rows: 4 };

export function matvecConfig(gpu: Gpu): MatvecConfig {
  return gpu.isFallbackAdapter ? SOFTWARE : HARDWARE;
}

const params = defineParams({
  kv: "u32", // V elements per row: K / width(V)
  rows: "u32", // rows in this chunk
  colOffset: "u32", // chunk.rowStart: element of out that row 0 writes
});
const kernels = new Map<string, Kernel<typeof params.fields>>();

/** The variant for rows of K values: vec4 loads when K % 4 == 0 (~1.5x on llvmpipe). */
export function matvecKernel(K: number, config: MatvecConfig): Kernel<typeof params.fields> {
  const vec4 = K % 4 === 0;
  const key = `matvec_${vec4 ? "vec4" : "f32"}_wg${config.wg}_r${config.rows}`;
  let kernel = kernels.get(key);
  if (!kernel) {
    const source = fill(key, template, {
      V: vec4 ? "vec4f" : "f32",
      HSUM: vec4 ? "dot(v, vec4f(1.0))" : "v",
      ROWS: String(config.rows),
    });
    kernel = defineKernel({ key, params, parts: [source], constants: { WG: config.wg } });
    kernels.set(key, kernel);
  }
  return kernel;
}

/** out [N] or [1, N] = w [N, K] @ x, x: [K] or [1, K]. Any K, N. */
export function matvec(
  rec: Recorder,
  x: Tensor<"f32">,
  w: Matrix,
  out: Tensor<"f32">,
  config: MatvecConfig = matvecConfig(rec.gpu),
): void {
  const [T, K] = linearShapes("matvec", x, w, out);
  if (T !== 1) throw new Error(`matvec(${w.label}): x [${x.shape}] holds ${T} tokens, want 1`);
  const kernel = matvecKernel(K, config);
  const width = K % 4 === 0 ? 4 : 1;
  for (const chunk of w.chunks) {
    const rows = chunk.tensor.shape[0];
    rec.dispatch(kernel, {
      params: { kv: K / width, rows, colOffset: chunk.rowStart },
      buffers: [x.binding, chunk.tensor.binding, out.binding],
      workgroups: grid1d(rec.gpu, rows, config.rows),
    });
  }
}

/** out [N] = w [N, K] @ x [K], accumulated in f64. */
export function matvecReference(x: Float32Array, w: Float32Array, K: number, N: number) {
  return matmulReference(x, w, 1, K, N);
}
