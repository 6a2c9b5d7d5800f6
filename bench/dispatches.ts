// Dispatches per layer for prefill (128 tokens) and decode (1 token), per
// weight format: a LlamaGraph at small widths records one chunk and the
// Recorder's dispatch count is read, for 1 and 2 layers (the difference is
// one layer's). Nothing is submitted: it counts what the code records (at
// Llama widths a projection may add dispatches: f32 matrices over one binding
// split into row chunks, and quantized prefill on software adapters expands
// 2048-row slabs, two dispatches each: see shaders/matmul_quant_rows.ts).

import { Recorder } from "../engine/gpu/recorder.ts";
import { KvCache } from "../engine/model/kv_cache.ts";
import { LlamaGraph } from "../engine/model/llama.ts";
import type { LlamaConfig } from "../engine/formats/config.ts";
import { disposeWeights } from "../engine/model/weights.ts";
import { LLAMA_8B_2L, syntheticWeights } from "./decode.ts";
import { type BenchContext, FORMATS } from "./harness.ts";
import type { BenchResult } from "./result.ts";

const PREFILL = 128;
/** Wide enough that prefill takes the same kernels as at 8B (32 x 32 tiles need N >= 256). */
const SMALL: LlamaConfig = {
  ...LLAMA_8B_2L,
  hiddenSize: 512,
  intermediateSize: 1024,
  numAttentionHeads: 8,
  numKeyValueHeads: 4,
  headDim: 64,
  vocabSize: 1024,
};

async function count(ctx: BenchContext, format: (typeof FORMATS)[number], layers: number) {
  const c = { ...SMALL, numHiddenLayers: layers };
  const weights = syntheticWeights(ctx.gpu, c, format);
  const graph = new LlamaGraph(ctx.gpu, c, weights, PREFILL, PREFILL + 1);
  const cache = new KvCache(ctx.gpu, c, PREFILL + 1);
  try {
    const counts: number[] = [];
    for (const n of [PREFILL, 1]) {
      const rec = new Recorder(ctx.gpu, "bench.dispatches");
      try {
        const tokens = Uint32Array.from({ length: n }, (_, i) => i % c.vocabSize);
        await graph.record(rec, { tokens, cache, allLogits: false });
        counts.push(rec.dispatchCount);
      } finally {
        rec.abandon();
      }
    }
    return { prefill: counts[0], decode: counts[1] };
  } finally {
    cache.dispose();
    graph.dispose();
    disposeWeights(weights);
  }
}

export async function benchDispatches(ctx: BenchContext): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const format of FORMATS) {
    const one = await count(ctx, format, 1), two = await count(ctx, format, 2);
    results.push({
      name: "dispatches",
      shape: `llama, ${SMALL.hiddenSize} wide; prefill ${PREFILL} tokens, decode 1`,
      format,
      adapter: ctx.gpu.summary.description,
      figures: {
        prefillPerLayer: two.prefill - one.prefill,
        decodePerLayer: two.decode - one.decode,
        prefillOutsideLayers: 2 * one.prefill - two.prefill,
        decodeOutsideLayers: 2 * one.decode - two.decode,
      },
      ratios: {},
    });
    ctx.log(`  dispatches ${format}: prefill ${two.prefill}, decode ${two.decode} (2 layers)`);
  }
  return results;
}
