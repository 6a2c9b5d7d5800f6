// Backward time as a multiple of the forward (issue 16's goal: <= 3) on the
// synthetic model with Llama-3.1-8B widths cut to a few layers (bench/decode.ts,
// 128k vocabulary, random weights made directly in the format), for one
// prompt of T tokens: the forward is one LlamaGraph chunk (logits of the last
// position), the backward one BackwardPlan.record of log p at the last
// position (every layer recomputed from the kept residual stream, then its
// backward; engine/model/backward_plan.ts). A warm-up forward keeps the
// residual stream (copied out by taps, as the engine's cache does) and the
// logits, and builds the pipelines; then forward and backward are timed
// interleaved, each submitted alone and waited for, and the medians over the
// rounds count. Also the bytes the backward keeps per token and its scratch.

import { Recorder } from "../engine/gpu/recorder.ts";
import { Tensor } from "../engine/ops/tensor.ts";
import type { LlamaConfig } from "../engine/formats/config.ts";
import { KvCache } from "../engine/model/kv_cache.ts";
import { LlamaGraph, type Tap } from "../engine/model/llama.ts";
import { BackwardPlan } from "../engine/model/backward_plan.ts";
import { disposeWeights } from "../engine/model/weights.ts";
import type { MatrixFormat } from "../engine/quant/format.ts";
import type { BenchContext } from "./harness.ts";
import { LLAMA_8B_2L, syntheticWeights } from "./decode.ts";
import type { BenchResult } from "./result.ts";

/** What to run: the prompt length, layers of the 8B-width slice, rounds and formats. */
export interface BackwardBenchOptions {
  tokens?: number;
  layers?: number;
  rounds?: number;
  formats?: MatrixFormat[];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b), m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export async function benchBackward(
  ctx: BenchContext,
  options: BackwardBenchOptions = {},
): Promise<BenchResult[]> {
  const T = options.tokens ?? 128, rounds = options.rounds ?? 3;
  const c: LlamaConfig = { ...LLAMA_8B_2L, numHiddenLayers: options.layers ?? 2 };
  const gpu = ctx.gpu, results: BenchResult[] = [];
  const ids = Uint32Array.from({ length: T }, (_, i) => (i * 7919 + 11) % c.vocabSize);
  for (const format of options.formats ?? ["f32", "q8", "q4"]) {
    ctx.log(`  backward ${format}: building the synthetic model (${c.numHiddenLayers} layers)`);
    const weights = syntheticWeights(gpu, c, format);
    const made: { dispose(): void }[] = [];
    try {
      const graph = new LlamaGraph(gpu, c, weights, T, T);
      made.push(graph);
      const cache = new KvCache(gpu, c, T);
      made.push(cache);
      const plan = new BackwardPlan(gpu, c, weights, T);
      made.push(plan);
      const f32 = (label: string, shape: number[]) => {
        const t = Tensor.empty(gpu, label, shape, "f32");
        made.push(t);
        return t;
      };
      const residuals = Array.from(
        { length: c.numHiddenLayers + 1 },
        (_, i) => f32(`bench.backward.residual${i}`, [T, c.hiddenSize]),
      );
      const lastLogits = f32("bench.backward.logits", [1, c.vocabSize]);
      const metric = f32("bench.backward.metric", [1]);
      const grads = new Map(
        plan.gradientNames.map((n) => [n, f32(`bench.grad.${n}`, [T, c.hiddenSize])]),
      );
      const keep = new Map<string, Tap>(
        [plan.modules.embed_tokens.name, ...plan.modules.layers.map((m) => m.name)].map((
          name,
          i,
        ) => [name, (x, tc) => {
          tc.rec.copy(x.buffer, x.offset, residuals[i].buffer, residuals[i].offset, x.byteLength);
          return Promise.resolve(undefined);
        }]),
      );
      const forward = async (taps?: Map<string, Tap>) => {
        const rec = new Recorder(gpu, "bench.forward");
        await graph.record(rec, { tokens: ids, cache, allLogits: false, taps });
        if (taps) {
          rec.copy(graph.scratch.logits.buffer, 0, lastLogits.buffer, 0, c.vocabSize * 4);
        }
        rec.submit();
        await gpu.device.queue.onSubmittedWorkDone();
        gpu.assertAlive();
      };
      const backward = async () => {
        const rec = new Recorder(gpu, "bench.backward");
        plan.record(rec, { residuals, lastLogits, target: 1 }, grads, metric);
        rec.submit();
        await gpu.device.queue.onSubmittedWorkDone();
        gpu.assertAlive();
      };
      const time = async (fn: () => Promise<void>) => {
        const t0 = performance.now();
        await fn();
        return (performance.now() - t0) / 1000;
      };
      ctx.log(`  backward ${format}: warm-up (T = ${T})`);
      await forward(keep);
      await backward();
      const fwd: number[] = [], bwd: number[] = [];
      for (let r = 0; r < rounds; r++) {
        fwd.push(await time(() => forward()));
        bwd.push(await time(backward));
        ctx.log(
          `  backward ${format}: round ${r}: forward ${fwd[r].toFixed(2)} s, backward ${
            bwd[r].toFixed(2)
          } s`,
        );
      }
      const [f, b] = [median(fwd), median(bwd)], bytes = plan.bytes;
      results.push({
        name: "backward",
        shape: `llama-3.1-8b widths, ${c.numHiddenLayers} layers, T = ${T}`,
        format,
        adapter: gpu.summary.description,
        figures: {
          forwardMs: f * 1000,
          backwardMs: b * 1000,
          keptBytesPerToken: bytes.keptPerToken,
          scratchBytes: bytes.scratch,
          outputBytes: bytes.outputs,
        },
        ratios: { backwardOverForward: b / f },
      });
    } finally {
      for (const t of made.reverse()) t.dispose();
      disposeWeights(weights);
    }
  }
  return results;
}
