// Decode tokens/s of a synthetic model with Llama-3.1-8B layer widths cut to
// 2 layers, random weights made directly in the packed format, and its
// bandwidth ratio: weight bytes read per token x tokens/s / the format's
// ceiling. Steady state: pipelines are built by a warm-up step, a round records
// and submits `steps` steps back to back and waits once (no readback: the
// steps feed nothing back to the host), and the best of `rounds` rounds
// counts. The ceiling (the format's best streaming kernel over a 14336 x 4096
// matrix) is timed between the rounds, so that both see the same machine load.

import type { Gpu } from "../engine/gpu/gpu.ts";
import { Recorder } from "../engine/gpu/recorder.ts";
import { Tensor } from "../engine/ops/tensor.ts";
import type { LlamaConfig } from "../engine/formats/config.ts";
import { KvCache } from "../engine/model/kv_cache.ts";
import { LlamaGraph } from "../engine/model/llama.ts";
import {
  disposeWeights,
  type LayerWeights,
  type LlamaWeights,
  weightBytes,
} from "../engine/model/weights.ts";
import type { MatrixFormat } from "../engine/quant/format.ts";
import type { WeightMatrix } from "../engine/quant/matrix.ts";
import {
  type BenchContext,
  bestStream,
  ceilings,
  matrixBytes,
  randomMatrix,
  streamOutLength,
  streamRecords,
  timePerCall,
} from "./harness.ts";
import type { BenchResult } from "./result.ts";

/** Llama-3.1-8B widths cut to 2 layers (untied lm_head, as the real model). */
export const LLAMA_8B_2L: LlamaConfig = {
  architecture: "LlamaForCausalLM",
  hiddenSize: 4096,
  intermediateSize: 14336,
  numHiddenLayers: 2,
  numAttentionHeads: 32,
  numKeyValueHeads: 8,
  headDim: 128,
  rmsNormEps: 1e-5,
  ropeTheta: 500000,
  ropeScaling: null,
  tieWordEmbeddings: false,
  vocabSize: 128256,
  maxPositionEmbeddings: 131072,
  bosTokenIds: [128000],
  eosTokenIds: [128001],
};

/** Random weights for `c` in `format`; norms are ones. */
export function syntheticWeights(gpu: Gpu, c: LlamaConfig, format: MatrixFormat): LlamaWeights {
  const made: { dispose(): void }[] = [];
  let seed = 1;
  const m = (label: string, rows: number, cols: number): WeightMatrix => {
    const w = randomMatrix(gpu, label, rows, cols, format, seed++);
    made.push(w);
    return w;
  };
  const ones = (label: string) => {
    const t = Tensor.from(
      gpu,
      label,
      new Float32Array(c.hiddenSize).fill(1),
      [c.hiddenSize],
      "f32",
    );
    made.push(t);
    return t;
  };
  try {
    const h = c.hiddenSize,
      q = c.numAttentionHeads * c.headDim,
      kv = c.numKeyValueHeads * c.headDim;
    const layers: LayerWeights[] = [];
    for (let l = 0; l < c.numHiddenLayers; l++) {
      layers.push({
        inputNorm: ones(`L${l}.inputNorm`),
        q: m(`L${l}.q`, q, h),
        k: m(`L${l}.k`, kv, h),
        v: m(`L${l}.v`, kv, h),
        o: m(`L${l}.o`, h, q),
        postNorm: ones(`L${l}.postNorm`),
        gate: m(`L${l}.gate`, c.intermediateSize, h),
        up: m(`L${l}.up`, c.intermediateSize, h),
        down: m(`L${l}.down`, h, c.intermediateSize),
      });
    }
    return {
      embed: m("embed", c.vocabSize, h),
      layers,
      norm: ones("norm"),
      lmHead: m("lmHead", c.vocabSize, h),
    };
  } catch (e) {
    for (const t of made) t.dispose();
    throw e;
  }
}

/** Weight bytes one decode step reads: every projection and lm_head once, one embedding row. */
export function bytesPerToken(w: LlamaWeights): number {
  let n = matrixBytes(w.lmHead) + matrixBytes(w.embed) / w.embed.rows;
  for (const l of w.layers) {
    for (const m of [l.q, l.k, l.v, l.o, l.gate, l.up, l.down]) n += matrixBytes(m);
  }
  return n;
}

export async function benchDecode(
  ctx: BenchContext,
  formats: MatrixFormat[] = ["q8", "q4"],
  steps = 4,
  rounds = 4,
): Promise<BenchResult[]> {
  const gpu = ctx.gpu, c = LLAMA_8B_2L, results: BenchResult[] = [];
  const runCeiling = await ceilings(ctx);
  const positions = 1 + steps * rounds;
  for (const format of formats) {
    ctx.log(`  decode ${format}: building the synthetic model`);
    const weights = syntheticWeights(gpu, c, format);
    const graph = new LlamaGraph(gpu, c, weights, 1, positions);
    const cache = new KvCache(gpu, c, positions);
    const probe = randomMatrix(gpu, "decode.ceiling", 14336, 4096, format, 7);
    const sink = Tensor.empty(
      gpu,
      "decode.streamOut",
      [streamOutLength(gpu, format, 14336)],
      "f32",
    );
    try {
      const streams = streamRecords(gpu, probe, sink);
      const record = async (id: number) => {
        const rec = new Recorder(gpu, "bench.decode");
        await graph.record(rec, { tokens: Uint32Array.of(id), cache, allLogits: false });
        rec.submit();
        cache.advance(1);
      };
      await record(1); // builds the pipelines
      await gpu.device.queue.onSubmittedWorkDone();
      for (const name in streams) await timePerCall(gpu, streams[name], 1, 1);
      let best = Infinity;
      const streamBest: Record<string, number> = {};
      for (let round = 0; round < rounds; round++) {
        const t0 = performance.now();
        for (let i = 0; i < steps; i++) await record(2 + (round * steps + i) * 7919 % 128000);
        await gpu.device.queue.onSubmittedWorkDone();
        best = Math.min(best, (performance.now() - t0) / 1000 / steps);
        gpu.assertAlive();
        for (const name in streams) {
          const s = await timePerCall(gpu, streams[name], 10, 1, false);
          streamBest[name] = Math.min(streamBest[name] ?? Infinity, s);
        }
      }
      const tps = 1 / best;
      const bytes = bytesPerToken(weights), gbs = bytes * tps / 1e9;
      const ceiling = bestStream(probe, streamBest);
      results.push({
        name: "decode",
        shape: "llama-3.1-8b widths, 2 layers",
        format,
        adapter: gpu.summary.description,
        figures: {
          tokensPerSecond: tps,
          weightBytes: weightBytes(weights),
          bytesPerToken: bytes,
          gbPerSecond: gbs,
          ceilingGbPerSecond: ceiling,
        },
        ratios: { vsCeiling: gbs / ceiling, vsRunCeiling: gbs / runCeiling[format] },
      });
    } finally {
      sink.dispose();
      probe.dispose();
      cache.dispose();
      graph.dispose();
      disposeWeights(weights);
    }
  }
  return results;
}
