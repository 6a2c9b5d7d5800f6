// What every benchmark body gets, and the pieces they share: timing, random
// matrices made directly in their device format (never an f32 copy of a
// quantized model on the host), and the per-format bandwidth ceilings,
// measured once per run. No Deno APIs here: the same bodies run in Deno
// (bench/main.ts) and in a browser page.

import type { Gpu } from "../engine/gpu/gpu.ts";
import { Matrix } from "../engine/gpu/matrix.ts";
import { Recorder } from "../engine/gpu/recorder.ts";
import { Tensor } from "../engine/ops/tensor.ts";
import {
  type MatrixFormat,
  type QuantFormat,
  randomPackedRows,
  rowBytes,
} from "../engine/quant/format.ts";
import { type PlainWeightMatrix, QuantMatrix, type WeightMatrix } from "../engine/quant/matrix.ts";
import {
  type BlockFormat,
  BlockMatrix,
  isBlockFormat,
  randomBlockRows,
} from "../engine/quant/block_matrix.ts";
import { matvecGgmlConfig, streamGgml } from "../shaders/matvec_ggml.ts";
import { type StreamConfig, streamF32, streamQuant, streamThreads } from "../shaders/stream.ts";
import { matvecConfig } from "../shaders/matvec.ts";
import { matvecQuantConfig } from "../shaders/matvec_quant.ts";
import type { BenchResult } from "./result.ts";

export interface BenchContext {
  gpu: Gpu;
  /** Where the fixtures folder (tests/fixtures/) is (a folder path or a URL ending in "/"). */
  fixtures: string;
  log: (line: string) => void;
  /** GB/s of each format's streaming kernel, filled by ceilings(). */
  ceilings?: Record<MatrixFormat, number>;
  /** The compute ceilings, filled by computeCeilings() (bench/compute_ceiling.ts). */
  computeCeilings?: { fmaGflops: number; dot4Gops: number | null };
  /** Iterations of the soak benchmarks (--soak-n=N; default 1000). */
  soakN?: number;
  /**
   * [rows, cols] of the matvec/matmul shapes to run (--shapes=4096x4096,...;
   * default all of bench/linear.ts' 8B and 70B shapes).
   */
  shapes?: [number, number][];
  /**
   * bench backward's prompt length, layers, rounds and formats
   * (--backward=T,LAYERS,ROUNDS,FORMAT+FORMAT; default 128,2,3,f32+q8+q4).
   */
  backward?: { tokens: number; layers: number; rounds: number; formats: MatrixFormat[] };
  /** The process's resident set size in bytes, where the runner can measure it. */
  rss?: () => number;
  /** The JS heap in use in bytes, where the runner can measure it. */
  heap?: () => number;
}

export const FORMATS: ("f32" | QuantFormat)[] = ["f32", "q8", "q4"];
/** The formats of the projection benchmarks (matvec, matmul) and ceilings: FORMATS and the K quants. */
export const LINEAR_FORMATS: MatrixFormat[] = [...FORMATS, "q4k", "q6k"];

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
  format: "f32" | QuantFormat,
  seed: number,
): PlainWeightMatrix;
export function randomMatrix(
  gpu: Gpu,
  label: string,
  rows: number,
  cols: number,
  format: MatrixFormat,
  seed: number,
): WeightMatrix;
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
  if (format === "q4k" || format === "q6k") {
    const b = BlockMatrix.create(gpu, label, rows, cols, format);
    for (let r = 0; r < rows; r += slab) {
      b.writeBlocks(r, randomBlockRows(b.layout, Math.min(slab, rows - r), random));
    }
    return b;
  }
  const m = QuantMatrix.create(gpu, label, rows, cols, format);
  for (let r = 0; r < rows; r += slab) {
    m.writePacked(r, randomPackedRows(m.layout, Math.min(slab, rows - r), random));
  }
  return m;
}

/** Bytes a kernel reads to use every weight of `m` once. */
export function matrixBytes(m: WeightMatrix): number {
  if (m instanceof BlockMatrix) return m.byteLength; // blocks as the kernels read them (padded)
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
 * Best seconds per call of each recording, trials interleaved (one trial of
 * each in turn, after one warm-up call each), so that every variant sees the
 * same load from other processes: ratios between them hold on a busy machine.
 */
export async function timeInterleaved(
  gpu: Gpu,
  records: Record<string, (rec: Recorder) => void>,
  reps: number,
  trials = 5,
): Promise<Record<string, number>> {
  const best: Record<string, number> = {};
  for (const name in records) await timePerCall(gpu, records[name], 1, 1);
  for (let t = 0; t < trials; t++) {
    for (const name in records) {
      const s = await timePerCall(gpu, records[name], reps, 1, false);
      best[name] = Math.min(best[name] ?? Infinity, s);
    }
  }
  return best;
}

/**
 * The streaming kernels a format's ceiling is the best of: the matvec's own
 * tuning and the other split/row counts, so that a matvec tuning cannot lower
 * its own ceiling by reading in a slow pattern.
 */
export function streamConfigs(gpu: Gpu, format: MatrixFormat | BlockFormat): StreamConfig[] {
  if (format === "f32") return [matvecConfig(gpu)];
  if (isBlockFormat(format)) {
    // matvec_ggml's own tuning and the other row counts and splits.
    const all: StreamConfig[] = [
      matvecGgmlConfig(gpu, format),
      { wg: 8, rows: 4, split: "rows" },
      { wg: 8, rows: 6, split: "rows" },
      { wg: 8, rows: 8, split: "rows" },
      { wg: 8, rows: 12, split: "rows" },
      { wg: 32, rows: 4, split: "k" },
    ];
    const key = (c: StreamConfig) => `${c.wg}x${c.rows}_${c.split ?? "k"}`;
    return all.filter((c, i) => all.findIndex((d) => key(d) === key(c)) === i);
  }
  // The matvec's own tunings (they depend on K: 4096 and 8192 cover both).
  const all: StreamConfig[] = [
    matvecQuantConfig(gpu, format, 4096),
    matvecQuantConfig(gpu, format, 8192),
    { wg: 8, rows: 8, split: "rows" },
    { wg: 8, rows: 12, split: "rows" },
    { wg: 8, rows: 16, split: "rows" },
    { wg: 8, rows: 16, split: "k" },
    { wg: 32, rows: 4, split: "k" },
  ];
  const key = (c: StreamConfig) => `${c.wg}x${c.rows}_${c.split ?? "k"}`;
  return all.filter((c, i) => all.findIndex((d) => key(d) === key(c)) === i);
}

/** Streams of `m` by name ("stream wg8_r8_rows"), into `out` (size streamOutLength). */
export function streamRecords(
  gpu: Gpu,
  m: WeightMatrix,
  out: Tensor<"f32">,
): Record<string, (rec: Recorder) => void> {
  const records: Record<string, (rec: Recorder) => void> = {};
  for (const c of streamConfigs(gpu, m.format)) {
    records[`stream wg${c.wg}_r${c.rows}_${c.split ?? "k"}`] = (rec) => {
      if (m instanceof BlockMatrix) streamGgml(rec, m, out, { ...c, split: c.split ?? "k" });
      else if (m.format === "f32") streamF32(rec, m, out, c);
      else streamQuant(rec, m, out, c);
    };
  }
  return records;
}

/** Partials the streams of streamRecords write for a matrix of `rows`. */
export function streamOutLength(gpu: Gpu, format: MatrixFormat, rows: number): number {
  if (format === "q4k" || format === "q6k") return rows; // streamGgml: one sum per row
  return Math.max(...streamConfigs(gpu, format).map((c) => streamThreads(rows, c)));
}

/** Best GB/s among stream recordings timed by timeInterleaved. */
export function bestStream(m: WeightMatrix, seconds: Record<string, number>): number {
  const s = Math.min(
    ...Object.keys(seconds).filter((n) => n.startsWith("stream")).map((n) => seconds[n]),
  );
  return matrixBytes(m) / s / 1e9;
}

/**
 * GB/s of each format's best streaming kernel over a 14336 x 4096 matrix (the
 * largest 8B decode shape); measured once per run and kept in ctx.
 */
export async function ceilings(ctx: BenchContext): Promise<Record<MatrixFormat, number>> {
  if (ctx.ceilings) return ctx.ceilings;
  const gpu = ctx.gpu, rows = 14336;
  const result = {} as Record<MatrixFormat, number>;
  for (const format of LINEAR_FORMATS) {
    const m = randomMatrix(gpu, `ceiling.${format}`, rows, 4096, format, 7);
    const out = Tensor.empty(gpu, "bench.streamOut", [streamOutLength(gpu, format, rows)], "f32");
    try {
      const s = await timeInterleaved(gpu, streamRecords(gpu, m, out), 10);
      result[format] = bestStream(m, s);
      ctx.log(
        `  ceiling ${format}: ` +
          Object.entries(s).map(([n, t]) => `${n} ${(matrixBytes(m) / t / 1e9).toFixed(2)}`)
            .join(", ") +
          " GB/s",
      );
    } finally {
      m.dispose();
      out.dispose();
    }
  }
  return ctx.ceilings = result;
}

export async function benchCeilings(ctx: BenchContext): Promise<BenchResult[]> {
  const c = await ceilings(ctx);
  return LINEAR_FORMATS.map((format) => ({
    name: "ceiling",
    shape: "14336x4096",
    format,
    adapter: ctx.gpu.summary.description,
    figures: { gbPerSecond: c[format] },
    ratios: { vsF32Stream: c[format] / c.f32 },
  }));
}
