// Prompt attention at the Llama 8B head shape (32 query heads, 8 kv heads,
// head_dim 128), past 0: the one-query kernel (a workgroup per head and query)
// against the tiled one (shaders/attention_tiled.ts), interleaved so that
// machine load hits both alike. Short T place the window `attention` gives the
// tiled kernel (TILED_MIN_QUERIES..TILED_MAX_QUERIES); T = 128, 512, 1024 are prompt chunks. The figures are ms per call; the ratio is
// one-query / tiled (above 1: tiled is faster).

import { Recorder } from "../engine/gpu/recorder.ts";
import { Tensor } from "../engine/gpu/tensor.ts";
import { attention, type AttentionShape } from "../shaders/attention.ts";
import { type BenchContext, fastRandom, timeInterleaved } from "./harness.ts";
import type { BenchResult } from "./result.ts";

const SHAPE_8B: AttentionShape = { pastLength: 0, nHeads: 32, nKvHeads: 8, headDim: 128 };
/** Query counts timed: short ones for the threshold, then prompt chunks. */
export const ATTENTION_BENCH_T = [4, 8, 16, 32, 128, 512, 1024];

function randomTensor(ctx: BenchContext, label: string, shape: number[], seed: number) {
  const random = fastRandom(seed);
  const data = new Float32Array(shape.reduce((a, b) => a * b, 1)).map(() => random() - 0.5);
  return Tensor.from(ctx.gpu, label, data, shape, "f32");
}

export async function benchAttention(
  ctx: BenchContext,
  queryCounts = ATTENTION_BENCH_T,
): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  const { nHeads, nKvHeads, headDim } = SHAPE_8B;
  for (const T of queryCounts) {
    const q = randomTensor(ctx, "bench.attention.q", [T, nHeads, headDim], T);
    const k = randomTensor(ctx, "bench.attention.kCache", [T, nKvHeads, headDim], T + 1);
    const v = randomTensor(ctx, "bench.attention.vCache", [T, nKvHeads, headDim], T + 2);
    const o = Tensor.empty(ctx.gpu, "bench.attention.out", [T, nHeads, headDim], "f32");
    try {
      // Long prompts take seconds per call on software adapters: fewer trials there.
      const trials = T >= 512 ? 1 : 3;
      const reps = T >= 128 ? 1 : 4;
      // A first call of each kernel outside the timing: it builds the pipeline.
      const compile: Record<string, number> = {};
      for (const kernel of ["one-query", "tiled"] as const) {
        const t0 = performance.now();
        const rec = new Recorder(ctx.gpu, "bench.attention");
        attention(rec, q, k, v, o, SHAPE_8B, undefined, kernel);
        rec.submit();
        await ctx.gpu.device.queue.onSubmittedWorkDone();
        compile[kernel] = performance.now() - t0;
      }
      const s = await timeInterleaved(
        ctx.gpu,
        {
          oneQuery: (rec: Recorder) => attention(rec, q, k, v, o, SHAPE_8B, undefined, "one-query"),
          tiled: (rec: Recorder) => attention(rec, q, k, v, o, SHAPE_8B, undefined, "tiled"),
        },
        reps,
        trials,
      );
      const oneQueryMs = s.oneQuery * 1000, tiledMs = s.tiled * 1000;
      ctx.log(
        `attention T=${T}: one-query ${oneQueryMs.toFixed(2)} ms, tiled ${tiledMs.toFixed(2)} ms ` +
          `(x${(oneQueryMs / tiledMs).toFixed(2)}); first calls ${
            compile["one-query"].toFixed(0)
          }` +
          ` / ${compile.tiled.toFixed(0)} ms`,
      );
      out.push({
        name: "attention",
        shape: `T=${T} past 0, heads 32/8, head_dim 128`,
        format: "f32",
        adapter: ctx.gpu.summary.description,
        figures: {
          oneQueryMs,
          tiledMs,
          firstCallOneQueryMs: compile["one-query"],
          firstCallTiledMs: compile.tiled,
        },
        ratios: { speedup: oneQueryMs / tiledMs },
      });
    } finally {
      for (const t of [q, k, v, o]) t.dispose();
    }
  }
  return out;
}
