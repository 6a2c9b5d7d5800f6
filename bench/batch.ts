// Batched prompts (engine/batch.ts): the per-token time of one forward over 8
// prompts of different lengths against 8 separate forwards of the same
// prompts, on the fixture models. The two alternate within each round so that
// drift in machine load hits both alike; each figure is the median over rounds.

import { Engine } from "../engine/engine.ts";
import type { BenchResult } from "./result.ts";
import type { BenchContext } from "./harness.ts";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** 8 prompts of 9..30 tokens (BOS first), ids from a fixed LCG. */
function benchPrompts(vocab: number): number[][] {
  let s = 12345;
  const next = () => (s = (s * 1103515245 + 12345) % 2 ** 31) % vocab;
  return [9, 30, 17, 24, 12, 28, 20, 16].map((n) => [1, ...Array.from({ length: n - 1 }, next)]);
}

export async function benchBatch(ctx: BenchContext, rounds = 5): Promise<BenchResult[]> {
  const out: BenchResult[] = [];
  for (const model of ["stories260K", "llama3-tiny"]) {
    const engine = await Engine.load(`${ctx.fixtures}models/${model}`, { gpu: ctx.gpu });
    try {
      const prompts = benchPrompts(engine.config.vocabSize);
      const tokens = prompts.reduce((n, p) => n + p.length, 0);
      const separate: number[] = [], batched: number[] = [];
      // Round -1 warms up pipelines.
      for (let r = -1; r < rounds; r++) {
        let t0 = performance.now();
        for (const p of prompts) (await engine.forward(p)).dispose();
        if (r >= 0) separate.push((performance.now() - t0) / tokens);
        t0 = performance.now();
        for (const res of await engine.forward(prompts)) res.dispose();
        if (r >= 0) batched.push((performance.now() - t0) / tokens);
      }
      const sep = median(separate), bat = median(batched);
      ctx.log(
        `batch ${model}: ${tokens} tokens, separate ${sep.toFixed(3)} ms/token, batched ${
          bat.toFixed(3)
        }`,
      );
      out.push({
        name: "batch",
        shape: `${model} 8 prompts, ${tokens} tokens`,
        format: "f32",
        adapter: ctx.gpu.summary.description,
        figures: { separateMsPerToken: sep, batchedMsPerToken: bat },
        ratios: { speedup: sep / bat },
      });
    } finally {
      engine.dispose();
    }
  }
  return out;
}
