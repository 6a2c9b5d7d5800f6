// Projections at Llama-3.1-8B and Llama-3.3-70B shapes, per weight format:
// decode matrix-vector (time, GB/s of weight bytes, ratio to the format's
// ceiling) and 128-token prefill matrix-matrix (GFLOP/s). The matvec is timed
// interleaved with the format's streaming kernels over the same matrix, and
// its ratio is to the best of them (vsCeiling) and to the run's 14336x4096
// ceiling (vsRunCeiling): on a shared machine only the first is immune to
// load that comes and goes between measurements. The matmul's GFLOP/s is
// divided by the run's f32 multiply-add ceiling (bench/compute_ceiling.ts,
// vsComputeCeiling) and by that ceiling timed interleaved with it, two trials
// each (vsInterleavedCeiling: the one to trust on a shared machine).

import { Tensor } from "../engine/ops/tensor.ts";
import { linear } from "../shaders/linear.ts";
import {
  type BenchContext,
  bestStream,
  ceilings,
  LINEAR_FORMATS,
  matrixBytes,
  randomMatrix,
  streamOutLength,
  streamRecords,
  timeInterleaved,
  timePerCall,
} from "./harness.ts";
import type { BenchResult } from "./result.ts";
import { computeCeilings, fmaPeakProbe } from "./compute_ceiling.ts";

/** [rows (out features), cols (in features)]. */
export const SHAPES_8B: [number, number][] = [[4096, 4096], [14336, 4096], [4096, 14336]];
export const SHAPES_70B: [number, number][] = [[8192, 8192], [28672, 8192]];
const PREFILL_TOKENS = 128;

async function benchLinear(ctx: BenchContext, tokens: number): Promise<BenchResult[]> {
  const gpu = ctx.gpu, results: BenchResult[] = [];
  const ceiling = tokens === 1 ? await ceilings(ctx) : undefined;
  const compute = tokens > 1 ? await computeCeilings(ctx) : undefined;
  const probe = tokens > 1 ? await fmaPeakProbe(ctx) : undefined;
  if (tokens > 1) {
    // A prefill call is seconds of work on a software adapter: build each
    // format's pipelines on a small matrix (256 rows: the 32 x 32 tile's), then
    // time each shape in two trials interleaved with the f32 peak.
    for (const format of LINEAR_FORMATS) {
      const w = randomMatrix(gpu, "warmup", 256, 64, format, 1);
      const x = Tensor.empty(gpu, "warmup.x", [tokens, 64], "f32");
      const out = Tensor.empty(gpu, "warmup.out", [tokens, 256], "f32");
      await timePerCall(gpu, (rec) => linear(rec, x, w, out), 1, 1);
      for (const t of [w, x, out]) t.dispose();
    }
  }
  for (const [rows, cols] of ctx.shapes ?? [...SHAPES_8B, ...SHAPES_70B]) {
    for (const format of LINEAR_FORMATS) {
      const w = randomMatrix(gpu, `bench.${format}`, rows, cols, format, rows + cols);
      const x = Tensor.empty(gpu, "bench.x", [tokens, cols], "f32");
      const out = Tensor.empty(gpu, "bench.out", [tokens, rows], "f32");
      const sink = tokens === 1
        ? Tensor.empty(gpu, "bench.streamOut", [streamOutLength(gpu, format, rows)], "f32")
        : null;
      try {
        const bytes = matrixBytes(w);
        // Enough calls per submission for ~0.2 s of work at the ceiling's pace
        // (short trials, so that interleaved variants see the same load).
        const reps = tokens === 1 ? Math.max(2, Math.round(0.6e9 / bytes)) : 1;
        const timed = tokens === 1
          ? await timeInterleaved(gpu, {
            matvec: (rec) => linear(rec, x, w, out),
            ...streamRecords(gpu, w, sink!),
          }, reps)
          : null;
        // Prefill: the matmul (pipeline built above) and the f32 peak, alternating.
        const prefill = tokens > 1
          ? await timeInterleaved(
            gpu,
            {
              matmul: (rec) => linear(rec, x, w, out),
              peak: probe!.record,
            },
            1,
            2,
          )
          : null;
        const s = timed ? timed.matvec : prefill!.matmul;
        const shape = `${rows}x${cols}`, adapter = gpu.summary.description;
        if (tokens === 1) {
          const gbs = bytes / s / 1e9, stream = bestStream(w, timed!);
          results.push({
            name: "matvec",
            shape,
            format,
            adapter,
            figures: { ms: s * 1e3, gbPerSecond: gbs, ceilingGbPerSecond: stream },
            ratios: { vsCeiling: gbs / stream, vsRunCeiling: gbs / ceiling![format] },
          });
        } else {
          const gflops = 2 * tokens * rows * cols / s / 1e9;
          results.push({
            name: "matmul",
            shape: `${shape}, T=${tokens}`,
            format,
            adapter,
            figures: {
              ms: s * 1e3,
              gflopPerSecond: gflops,
              ceilingGflopPerSecond: probe!.flops / prefill!.peak / 1e9,
            },
            ratios: {
              vsComputeCeiling: gflops / compute!.fmaGflops,
              vsInterleavedCeiling: gflops / (probe!.flops / prefill!.peak / 1e9),
            },
          });
        }
        ctx.log(
          `  ${tokens === 1 ? "matvec" : "matmul"} ${shape} ${format}: ${(s * 1e3).toFixed(1)} ms`,
        );
      } finally {
        for (const t of [w, x, out]) t.dispose();
        sink?.dispose();
      }
    }
  }
  probe?.dispose();
  return results;
}

export const benchMatvec = (ctx: BenchContext) => benchLinear(ctx, 1);
export const benchMatmul = (ctx: BenchContext) => benchLinear(ctx, PREFILL_TOKENS);
