// What every benchmark body gets, and the pieces they share: timing, random
// matrices made directly in their device format (never an f32 copy of a
// quantized model on the host), and the per-format bandwidth ceilings,
// measured once per run. No Deno APIs here: the same bodies run in Deno
// (bench/main.ts) and in a browser page.

import type { Gpu } from "../engine/gpu/gpu.ts";
import { Matrix } from "../engine/gpu/matrix.ts";
import { Recorder } from "../engine/gpu/recorder.ts";
import { Tensor } from "../engine/gpu/tensor.ts";
import { type MatrixFormat, randomPackedRows, rowBytes } from "../engine/quant/format.ts";
import { QuantMatrix, type WeightMatrix } from "../engine/quant/matrix.ts";
import { streamF32, streamQuant, streamThreads } from "../shaders/stream.ts";
import { matvecConfig } from "../shaders/matvec.ts";
import { matvecQuantConfig } from "../shaders/matvec_quant.ts";
import type { BenchResult } from "./result.ts";

export interface BenchContext {
  gpu: Gpu;
  /** Where ../shared is (a folder path or a URL ending in "/"). */
  shared: string;
  log: (line: string) => void;
  /** GB/s of each format's streaming kernel, filled by ceilings(). */
  ceilings?: Record<MatrixFormat, number>;
}

export const FORMATS: MatrixFormat[] = ["f32", "q8", "q4"];

/** xorshift32: fast enough to fill a gigabyte of random codes. */
export function fastRandom(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

/** A random [rows, cols] matrix in `format`, filled slab by slab (host memory ~ one slab). */
export function randomMatrix(
  gpu: Gpu,
  label: string,
  rows: number,
  cols: number,
  format: MatrixFormat,
  seed: number,
): WeightMatrix {
  const random = fastRandom(seed);
  const slab = Math.max(1, Math.floor((32 << 20) / (cols * 4)));
  if (format === "f32") {
    const m = Matrix.create(gpu, label, rows, cols);
    for (let r = 0; r < rows; r += slab) {
      const n = Math.min(slab, rows - r);
      const data = new Float32Array(n * cols);
      for (let i = 0; i < data.length; i++) data[i] = (random() - 0.5) * 0.04;
      m.writeRows(r, data);
    }
    return m;
  }
  const m = QuantMatrix.create(gpu, label, rows, cols, format);
  for (let r = 0; r < rows; r += slab) {
    m.writePacked(r, randomPackedRows(m.layout, Math.min(slab, rows - r), random));
  }
  return m;
}

/** Bytes a kernel reads to use every weight of `m` once. */
export function matrixBytes(m: WeightMatrix): number {
  return m.format === "f32" ? m.byteLength : m.rows * rowBytes(m.layout);
}

/**
 * Best seconds per call of `record` over `trials`, with `reps` calls per
 * submission so that submit overhead does not count (one warm-up submission
 * builds pipelines). The best, not the median: on a shared 2-core machine
 * other processes only ever slow a trial down.
 */
export async function timePerCall(
  gpu: Gpu,
  record: (rec: Recorder) => void,
  reps: number,
  trials = 5,
  warmup = true,
): Promise<number> {
  const run = async (n: number) => {
    const rec = new Recorder(gpu, "bench");
    for (let i = 0; i < n; i++) record(rec);
    rec.submit();
    await gpu.device.queue.onSubmittedWorkDone();
    gpu.assertAlive();
  };
  if (warmup) await run(1);
  const times: number[] = [];
  for (let t = 0; t < trials; t++) {
    const t0 = performance.now();
    await run(reps);
    times.push((performance.now() - t0) / 1000 / reps);
  }
  return Math.min(...times);
}

/**
 * GB/s of each format's streaming kernel over a 14336 x 4096 matrix (the
 * largest 8B decode shape), with the tuning its matvec uses on this adapter;
 * measured once per run and kept in ctx.
 */
export async function ceilings(ctx: BenchContext): Promise<Record<MatrixFormat, number>> {
  if (ctx.ceilings) return ctx.ceilings;
  const gpu = ctx.gpu, rows = 14336;
  const result = {} as Record<MatrixFormat, number>;
  for (const format of FORMATS) {
    const c = format === "f32" ? matvecConfig(gpu) : matvecQuantConfig(gpu);
    const m = randomMatrix(gpu, `ceiling.${format}`, rows, 4096, format, 7);
    const out = Tensor.empty(gpu, "bench.streamOut", [streamThreads(rows, c)], "f32");
    try {
      const s = await timePerCall(gpu, (rec) => {
        if (m.format === "f32") streamF32(rec, m, out, c);
        else streamQuant(rec, m, out, c);
      }, 10);
      result[format] = matrixBytes(m) / s / 1e9;
    } finally {
      m.dispose();
      out.dispose();
    }
  }
  return ctx.ceilings = result;
}

export async function benchCeilings(ctx: BenchContext): Promise<BenchResult[]> {
  const c = await ceilings(ctx);
  return FORMATS.map((format) => ({
    name: "ceiling",
    shape: "14336x4096",
    format,
    adapter: ctx.gpu.summary.description,
    figures: { gbPerSecond: c[format] },
    ratios: { vsF32Stream: c[format] / c.f32 },
  }));
}
