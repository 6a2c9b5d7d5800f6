// Prefill projections from f32 weights on software adapters: a thread owns
// ROWS rows and TT tokens and walks K (matmul_rows.wgsl). The tiled matmul
// (matmul.ts) stays the GPU path; linear.ts chooses (ARCHITECTURE.md, "Kernel
// choices").

import type { Gpu } from "../engine/gpu/gpu.ts";
import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, fill, indent, type Kernel } from "../engine/gpu/kernel.ts";
import type { Matrix } from "../engine/gpu/matrix.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import { linearShapes, matmulParams } from "./matmul.ts";
import template from "./matmul_rows.wgsl" with { type: "text" };

export interface MatmulRowsConfig {
  /** Threads per workgroup. */
  wg: number;
  /** Rows of w per thread. */
  rows: number;
  /** Tokens per thread. */
  tokens: number;
  /**
   * Accumulate `acc += dot(w, x)` in scalars instead of `fma` into vec4s
   * (vec4 rows only): a quarter of the accumulator registers.
   */
  dot?: boolean;
}

/** The first tuning (8 x 8 vec4 accumulators): 12.6-18.8 GFLOP/s at 4096x4096, T = 128. */
export const MATMUL_ROWS_F32: MatmulRowsConfig = { wg: 8, rows: 8, tokens: 8 };

/** Square tiles (rows = tokens per thread) the selection picks from, largest first. */
export const ROWS_TILES = [32, 16, 8] as const;

/**
 * The largest f32 tile this adapter gets: 32, except on SwiftShader
 * (Chromium's software adapter), whose shader compiler took 78 s over the
 * 32 x 32 kernel (about 5,300 lines of WGSL) at the first prompt of 32 tokens,
 * against 1.4 s on llvmpipe; the 16 x 16 one compiles there in under a second.
 */
export function largestRowsTile(gpu: Pick<Gpu, "isSwiftShader">): 16 | 32 {
  return gpu.isSwiftShader ? 16 : 32;
}

/**
 * The tile for T tokens and N rows: the largest square tile (at most
 * `largest`) that T and N fill, so short prompts and narrow matrices do not
 * compute padding; scalar dot accumulators. Measured on llvmpipe at
 * 4096x4096, T = 128, against its 60.7 GFLOP/s multiply-add ceiling
 * (bench/compute_ceiling.ts): f32 8 x 8 vec4 fma 18.8, 16 x 16 dot 27.4,
 * 32 x 32 dot 33-34 GFLOP/s; q8 20.5 / 30.7 / 40.5; q4 17.7 / 25.8 / 21.6
 * (q4's nibble unpacking per row and token outgrows the registers at 32).
 * Quantized tiles stop at 16 and rows whose K is not a multiple of 4 (scalar
 * loads: odd fixture shapes only) at 8, because the unrolled WGSL grows as
 * rows x tokens x block: q8 at 32 x 32 is 600 KB of source and compiles for
 * minutes on a loaded machine. Non-square tiles (8 x 16, 32 x 16, ...)
 * measured between their neighbours; 24 and 48 compile for minutes too.
 */
export function rowsTile(T: number, N: number, largest = 32): MatmulRowsConfig {
  const wg = 8;
  if (largest < 8) throw new Error(`rowsTile: largest tile ${largest} is below 8`);
  for (const s of ROWS_TILES) {
    if (s <= largest && s <= T && s * wg <= N) return { wg, rows: s, tokens: s, dot: true };
  }
  return { wg, rows: 8, tokens: 8, dot: true };
}

const kernels = new Map<string, Kernel<typeof matmulParams.fields>>();

/**
 * The f32 rows kernel's grid for `rows` rows of w and T tokens: token tiles
 * along x, so that consecutive workgroups (run side by side by llvmpipe's
 * threads) share their rows of w; measured at 16384x4096, T = 64 on a loaded
 * llvmpipe: 0.52 of the interleaved compute ceiling against 0.47 rows-first.
 */
export function rowsGrid(c: MatmulRowsConfig, rows: number, T: number): [number, number] {
  return [Math.ceil(T / c.tokens), Math.ceil(rows / (c.rows * c.wg))];
}

/**
 * WGSL that stores a thread's ROWS x TT accumulators acc{r}_{j} (as
 * `value(acc)`) to out [T, outStride], skipping rows past the chunk and tokens
 * past T. Shared with matmul_quant_rows.ts.
 */
export function storeTile(c: MatmulRowsConfig, value: (acc: string) => string): string[] {
  const toks = [...Array(c.tokens).keys()];
  return [...Array(c.rows).keys()].flatMap((r) => [
    `if (row0 + ${r}u * WG + lid < p.rows) {`,
    ...toks.flatMap((j) => [
      `  if (t0 + ${j}u < p.T) {`,
      `    out[(t0 + ${j}u) * p.outStride + p.colOffset + row0 + ${r}u * WG + lid] = ${
        value(`acc${r}_${j}`)
      };`,
      "  }",
    ]),
    "}",
  ]);
}

export function matmulRowsKernel(
  vec4: boolean,
  c: MatmulRowsConfig,
): Kernel<typeof matmulParams.fields> {
  const dot = vec4 && c.dot === true;
  const key = `matmul_rows_f32_${vec4 ? "vec4" : "f32"}_wg${c.wg}_r${c.rows}_t${c.tokens}` +
    (dot ? "_dot" : "");
  let kernel = kernels.get(key);
  if (!kernel) {
    const rows = [...Array(c.rows).keys()], toks = [...Array(c.tokens).keys()];
    const zero = vec4 && !dot ? "vec4f(0.0)" : "0.0";
    const acc = [
      ...toks.map((j) => `let xo${j} = min(t0 + ${j}u, p.T - 1u) * n;`),
      ...rows.map((r) => `let wo${r} = min(row0 + ${r}u * WG + lid, last) * n;`),
      ...rows.flatMap((r) => toks.map((j) => `var acc${r}_${j} = ${zero};`)),
    ];
    const step = [
      ...toks.map((j) => `let x${j} = x[xo${j} + i];`),
      ...rows.flatMap((r) => [
        `let w${r} = w[wo${r} + i];`,
        ...toks.map((j) =>
          dot
            ? `acc${r}_${j} += dot(w${r}, x${j});`
            : `acc${r}_${j} = fma(w${r}, x${j}, acc${r}_${j});`
        ),
      ]),
    ];
    const store = storeTile(c, (acc) => vec4 && !dot ? `dot(${acc}, vec4f(1.0))` : acc);
    const source = fill(key, template, {
      ROWS: String(c.rows),
      TT: String(c.tokens),
      X: vec4 ? "vec4f" : "f32",
      WIDTH: vec4 ? "4" : "1",
      ACC: indent(acc, 2),
      STEP: indent(step, 4),
      STORE: indent(store, 2),
    });
    kernel = defineKernel({ key, params: matmulParams, parts: [source], constants: { WG: c.wg } });
    kernels.set(key, kernel);
  }
  return kernel;
}

/** out [T, N] = x [T, K] @ w^T, w: [N, K] in row chunks. Any T, K, N. */
export function matmulRows(
  rec: Recorder,
  x: Tensor<"f32">,
  w: Matrix,
  out: Tensor<"f32">,
  config?: MatmulRowsConfig,
): void {
  const [T, K, N] = linearShapes("matmulRows", x, w, out);
  config ??= rowsTile(T, N, K % 4 === 0 ? largestRowsTile(rec.gpu) : 8);
  const kernel = matmulRowsKernel(K % 4 === 0, config);
  for (const chunk of w.chunks) {
    const rows = chunk.tensor.shape[0];
    rec.dispatch(kernel, {
      params: { T, K, rows, outStride: N, colOffset: chunk.rowStart },
      buffers: [x.binding, chunk.tensor.binding, out.binding],
      workgroups: rowsGrid(config, rows, T),
    });
  }
}
