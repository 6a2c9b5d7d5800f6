// Compute ceilings (bench "ceiling"): the multiply-add throughput of f32 vec4
// chains, and, where WGSL offers dot4I8Packed, of the packed 4x8-bit integer
// dot product, with no memory traffic. Matmul benchmarks divide their
// GFLOP/s by these, as matvecs divide their GB/s by the streaming kernels.

import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams } from "../engine/gpu/kernel.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import { grid1d } from "./grid.ts";
import common from "./common.wgsl" with { type: "text" };
import fmaSource from "./compute_peak.wgsl" with { type: "text" };
import dot4Source from "./compute_peak_dot4.wgsl" with { type: "text" };

const WG = 64;
/** Independent chains per thread (CHAINS in both .wgsl files). */
export const PEAK_CHAINS = 8;
/** Flops per thread per iteration: CHAINS vec4 multiply-adds. */
export const FMA_FLOPS_PER_STEP = PEAK_CHAINS * 4 * 2;
/** Integer ops per thread per iteration: CHAINS dot4I8Packed (4 multiplies + 4 adds). */
export const DOT4_OPS_PER_STEP = PEAK_CHAINS * 8;

export const computePeakKernel = defineKernel({
  key: `compute_peak_fma_wg${WG}`,
  params: defineParams({ threads: "u32", iterations: "u32", mul: "f32", add: "f32" }),
  parts: [common, fmaSource],
  constants: { WG },
});

export const computePeakDot4Kernel = defineKernel({
  key: `compute_peak_dot4_wg${WG}`,
  params: defineParams({ threads: "u32", iterations: "u32", packed: "u32", add: "i32" }),
  parts: [common, dot4Source],
  constants: { WG },
});

/** What one peak dispatch runs: `out` has one element per thread. */
export interface PeakRun {
  iterations: number;
  /** f32 chains: a = a * mul + add (keep |mul| < 1 so the values stay finite). */
  mul?: number;
  add?: number;
  /** dot4 chains: the packed int8x4 operand. */
  packed?: number;
}

function checkOut(where: string, out: Tensor<"f32"> | Tensor<"i32">, run: PeakRun): void {
  if (!Number.isInteger(run.iterations) || run.iterations < 0) {
    throw new Error(`${where}: iterations must be a non-negative integer, got ${run.iterations}`);
  }
  if (out.size === 0) throw new Error(`${where}: out has no elements`);
}

/** out[i] = the sum of thread i's f32 chains after `iterations` multiply-adds. */
export function computePeak(rec: Recorder, out: Tensor<"f32">, run: PeakRun): void {
  checkOut("computePeak", out, run);
  rec.dispatch(computePeakKernel, {
    params: {
      threads: out.size,
      iterations: run.iterations,
      mul: run.mul ?? 0.999,
      add: run.add ?? 0.001,
    },
    buffers: [out.binding],
    workgroups: grid1d(rec.gpu, out.size, WG),
  });
}

/** out[i] = the sum of thread i's dot4I8Packed chains (needs gpu.hasPacked4x8). */
export function computePeakDot4(rec: Recorder, out: Tensor<"i32">, run: PeakRun): void {
  checkOut("computePeakDot4", out, run);
  if (!rec.gpu.hasPacked4x8) {
    throw new Error("computePeakDot4: this runtime has no packed_4x8_integer_dot_product");
  }
  rec.dispatch(computePeakDot4Kernel, {
    params: {
      threads: out.size,
      iterations: run.iterations,
      packed: run.packed ?? 0x01ff02fe,
      add: run.add ?? 3,
    },
    buffers: [out.binding],
    workgroups: grid1d(rec.gpu, out.size, WG),
  });
}

// ---- Plain-TS references (f32 rounding emulated with Math.fround) ----------

/** computePeak's output for `threads` threads. */
export function computePeakReference(threads: number, run: PeakRun): Float32Array {
  const f = Math.fround, m = f(run.mul ?? 0.999), c = f(run.add ?? 0.001);
  const out = new Float32Array(threads);
  for (let i = 0; i < threads; i++) {
    const x = f((i % 64) * 0.015625);
    const lanes: number[] = [];
    for (let j = 0; j < PEAK_CHAINS; j++) {
      for (let l = 0; l < 4; l++) {
        let a = f(f(x + l * 0.25) + f(j * 0.125));
        for (let k = 0; k < run.iterations; k++) a = f(f(a * m) + c);
        lanes.push(a);
      }
    }
    // s = sum over chains (vec4), then dot with ones.
    const s = [0, 0, 0, 0];
    for (let j = 0; j < PEAK_CHAINS; j++) {
      for (let l = 0; l < 4; l++) s[l] = f(s[l] + lanes[j * 4 + l]);
    }
    out[i] = f(f(f(s[0] + s[1]) + s[2]) + s[3]);
  }
  return out;
}

/** WGSL's dot4I8Packed: the four signed bytes of a times those of b, summed. */
export function dot4I8PackedReference(a: number, b: number): number {
  let s = 0;
  for (let k = 0; k < 4; k++) s += ((a << (24 - 8 * k)) >> 24) * ((b << (24 - 8 * k)) >> 24);
  return s;
}

/** computePeakDot4's output for `threads` threads. */
export function computePeakDot4Reference(threads: number, run: PeakRun): Int32Array {
  const w = run.packed ?? 0x01ff02fe, c = run.add ?? 3;
  const out = new Int32Array(threads);
  for (let i = 0; i < threads; i++) {
    let s = 0;
    for (let j = 0; j < PEAK_CHAINS; j++) {
      let a = i * PEAK_CHAINS + j;
      for (let k = 0; k < run.iterations; k++) a = (dot4I8PackedReference(a, w) + c) | 0;
      s = (s + a) | 0;
    }
    out[i] = s;
  }
  return out;
}
