// The adapter's compute ceilings, measured once per run: f32 multiply-add
// GFLOP/s (shaders/compute_peak.wgsl) and, where WGSL has dot4I8Packed, the
// packed 4x8-bit dot product's integer GOP/s. Matmul results are divided by
// them (vsComputeCeiling), as matvecs are by the streaming kernels.

import { Tensor } from "../engine/gpu/tensor.ts";
import type { Recorder } from "../engine/gpu/recorder.ts";
import {
  computePeak,
  computePeakDot4,
  DOT4_OPS_PER_STEP,
  FMA_FLOPS_PER_STEP,
} from "../shaders/compute_peak.ts";
import { type BenchContext, timePerCall } from "./harness.ts";
import type { BenchResult } from "./result.ts";

/** Threads per peak dispatch: many workgroups, so every core or SM is busy. */
const THREADS = 64 * 1024;
/** Seconds one timed dispatch should take (short trials, like the stream ceilings). */
const TARGET_SECONDS = 0.15;

export interface ComputeCeilings {
  /** f32 multiply-add throughput, GFLOP/s. */
  fmaGflops: number;
  /** dot4I8Packed throughput, integer GOP/s (null where WGSL lacks it). */
  dot4Gops: number | null;
}

/**
 * Times `record(iterations)` once short to size it, then at the iteration
 * count that takes about TARGET_SECONDS; returns ops per second.
 */
async function peak(
  ctx: BenchContext,
  opsPerStep: number,
  record: (rec: Recorder, iterations: number) => void,
): Promise<number> {
  let iterations = 64;
  for (;;) {
    const s = await timePerCall(ctx.gpu, (rec) => record(rec, iterations), 1, 1);
    if (s >= TARGET_SECONDS / 4 || iterations >= 1 << 20) {
      iterations = Math.max(iterations, Math.round(iterations * TARGET_SECONDS / s));
      break;
    }
    iterations *= 4;
  }
  const s = await timePerCall(ctx.gpu, (rec) => record(rec, iterations), 1, 3);
  return THREADS * iterations * opsPerStep / s;
}

/** The run's compute ceilings, measured on first use and kept for the run. */
export async function computeCeilings(ctx: BenchContext): Promise<ComputeCeilings> {
  if (ctx.computeCeilings) return ctx.computeCeilings;
  const gpu = ctx.gpu;
  const f32 = Tensor.empty(gpu, "ceiling.fma", [THREADS], "f32");
  let fmaGflops: number, dot4Gops: number | null = null;
  try {
    fmaGflops = await peak(ctx, FMA_FLOPS_PER_STEP, (rec, iterations) =>
      computePeak(rec, f32, { iterations })) / 1e9;
  } finally {
    f32.dispose();
  }
  if (gpu.hasPacked4x8) {
    const i32 = Tensor.empty(gpu, "ceiling.dot4", [THREADS], "i32");
    try {
      dot4Gops = await peak(ctx, DOT4_OPS_PER_STEP, (rec, iterations) =>
        computePeakDot4(rec, i32, { iterations })) / 1e9;
    } finally {
      i32.dispose();
    }
  }
  ctx.log(
    `  compute ceiling: ${fmaGflops.toFixed(1)} GFLOP/s f32 multiply-add` +
      (dot4Gops === null ? "" : `, ${dot4Gops.toFixed(1)} GOP/s dot4I8Packed`),
  );
  return ctx.computeCeilings = { fmaGflops, dot4Gops };
}

/**
 * The f32 multiply-add peak as a record function sized to about
 * TARGET_SECONDS per call, and the flops one call does: timed interleaved with
 * a kernel (timeInterleaved), their ratio is immune to load that comes and goes
 * between measurements, as vsCeiling is for matvecs. `dispose` frees its buffer.
 */
export async function fmaPeakProbe(ctx: BenchContext): Promise<{
  record: (rec: Recorder) => void;
  flops: number;
  dispose: () => void;
}> {
  const f32 = Tensor.empty(ctx.gpu, "ceiling.fma.probe", [THREADS], "f32");
  let iterations = 64;
  for (;;) {
    const s = await timePerCall(ctx.gpu, (rec) => computePeak(rec, f32, { iterations }), 1, 1);
    if (s >= TARGET_SECONDS / 4 || iterations >= 1 << 20) {
      iterations = Math.max(iterations, Math.round(iterations * TARGET_SECONDS / s));
      break;
    }
    iterations *= 4;
  }
  return {
    record: (rec) => computePeak(rec, f32, { iterations }),
    flops: THREADS * iterations * FMA_FLOPS_PER_STEP,
    dispose: () => f32.dispose(),
  };
}

/** Bench entries "compute-ceiling": one per kind the adapter offers. */
export async function benchComputeCeilings(ctx: BenchContext): Promise<BenchResult[]> {
  const c = await computeCeilings(ctx);
  const adapter = ctx.gpu.summary.description;
  const out: BenchResult[] = [{
    name: "compute-ceiling",
    shape: `${THREADS} threads`,
    format: "f32-fma",
    adapter,
    figures: { gflopPerSecond: c.fmaGflops },
    ratios: {},
  }];
  if (c.dot4Gops !== null) {
    out.push({
      name: "compute-ceiling",
      shape: `${THREADS} threads`,
      format: "dot4I8Packed",
      adapter,
      figures: { gopPerSecond: c.dot4Gops },
      ratios: { vsF32Fma: c.dot4Gops / c.fmaGflops },
    });
  }
  return out;
}
