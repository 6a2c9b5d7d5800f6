// What hooks cost while generating: decode tokens/s with no hooks, with one
// layer cached every step, and with an add-vector intervention at one layer.
// Variants alternate within each round so that drift in machine load hits all
// of them alike; each figure is the median over rounds.

import { Engine } from "../engine/engine.ts";
import type { Gpu } from "../engine/gpu/gpu.ts";
import type { GenerateOptions } from "../engine/generate.ts";
import type { BenchResult } from "./result.ts";
import { Recorder } from "../engine/gpu/recorder.ts";
import { Tensor } from "../engine/ops/tensor.ts";
import { KvCache } from "../engine/model/kv_cache.ts";
import { LlamaGraph, type Tap } from "../engine/model/llama.ts";
import { disposeWeights } from "../engine/model/weights.ts";
import type { MatrixFormat } from "../engine/quant/format.ts";
import { LLAMA_8B_2L, syntheticWeights } from "./decode.ts";

export interface HooksBenchOptions {
  /** Model folder or URL (default: llama3-tiny from the fixtures). */
  model: string;
  gpu: Gpu;
  rounds?: number;
  newTokens?: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

export async function benchHooks(o: HooksBenchOptions): Promise<BenchResult[]> {
  const engine = await Engine.load(o.model, { gpu: o.gpu });
  const rounds = o.rounds ?? 5, newTokens = o.newTokens ?? 48;
  const layer = `model.layers.${Math.floor(engine.config.numHiddenLayers / 2)}`;
  const vector = engine.tensor(new Float32Array(engine.config.hiddenSize).fill(0.01), [
    engine.config.hiddenSize,
  ]);
  const variants: [string, GenerateOptions][] = [
    ["none", {}],
    ["cache", { cache: [layer] }],
    ["add", { interventions: { [layer]: (x) => x.addVector(vector) } }],
  ];
  const prompt = [1, 5, 6, 7, 8, 9, 10, 11];
  const times = new Map<string, number[]>(variants.map(([n]) => [n, []]));
  try {
    for (let r = -1; r < rounds; r++) {
      for (const [name, opts] of variants) {
        const t0 = performance.now();
        let n = 0, first = 0;
        for await (
          const _ of engine.generate(prompt, {
            ...opts,
            maxNewTokens: newTokens + 1,
            ignoreEos: true,
          })
        ) {
          if (n++ === 0) first = performance.now();
        }
        // Round -1 warms up pipelines; the first step (the prompt) is not decode.
        if (r >= 0) times.get(name)!.push(newTokens / ((performance.now() - first) / 1000));
        void t0;
      }
    }
  } finally {
    vector.dispose();
    engine.dispose();
  }
  const base = median(times.get("none")!);
  return variants.map(([name]) => {
    const tps = median(times.get(name)!);
    return {
      name: "hooks",
      shape: `${o.model.split("/").pop()} ${name === "none" ? "no hooks" : `${name} at ${layer}`}`,
      format: "f32",
      adapter: o.gpu.summary.description,
      figures: { decodeTokensPerSecond: tps },
      ratios: { vsNoHooks: tps / base },
    };
  });
}

/**
 * The same three variants on the 8B-shaped synthetic model (bench/decode.ts),
 * through the graph's taps exactly as the engine installs them: decode steps
 * of one token, each waited for, the variants interleaved over rounds.
 */
export async function benchHooks8b(
  gpu: Gpu,
  format: MatrixFormat = "q4",
  rounds = 3,
  steps = 4,
): Promise<BenchResult[]> {
  const c = LLAMA_8B_2L, layer = "model.layers.1", context = rounds * 3 * steps + 8;
  const weights = syntheticWeights(gpu, c, format);
  const graph = new LlamaGraph(gpu, c, weights, 1, context);
  const kv = new KvCache(gpu, c, context);
  const vector = Tensor.from(gpu, "bench.vector", new Float32Array(c.hiddenSize).fill(0.01), [
    c.hiddenSize,
  ], "f32");
  const dest = Tensor.empty(gpu, "bench.cache", [1, c.hiddenSize], "f32");
  const variants: [string, ReadonlyMap<string, Tap> | undefined][] = [
    ["none", undefined],
    [
      "cache",
      new Map([[
        layer,
        (x, ctx) => ctx.rec.copy(x.buffer, x.offset, dest.buffer, 0, x.byteLength),
      ]]),
    ],
    ["add", new Map([[layer, (x) => x.addVector(vector)]])],
  ];
  const times = new Map<string, number[]>(variants.map(([n]) => [n, []]));
  const step = async (taps: ReadonlyMap<string, Tap> | undefined) => {
    const rec = new Recorder(gpu, "bench.hooks");
    await graph.record(rec, { tokens: Uint32Array.of(7), cache: kv, allLogits: false, taps });
    rec.submit();
    kv.advance(1);
    await gpu.device.queue.onSubmittedWorkDone();
  };
  try {
    for (const [, taps] of variants) await step(taps); // builds every pipeline
    for (let r = 0; r < rounds; r++) {
      for (const [name, taps] of variants) {
        const t0 = performance.now();
        for (let i = 0; i < steps; i++) await step(taps);
        times.get(name)!.push(steps / ((performance.now() - t0) / 1000));
      }
    }
  } finally {
    for (const t of [vector, dest]) t.dispose();
    kv.dispose();
    graph.dispose();
    disposeWeights(weights);
  }
  const base = median(times.get("none")!);
  return variants.map(([name]) => ({
    name: "hooks",
    shape: `llama-3.1-8b widths, 2 layers ${name === "none" ? "no hooks" : `${name} at ${layer}`}`,
    format,
    adapter: gpu.summary.description,
    figures: { decodeTokensPerSecond: median(times.get(name)!) },
    ratios: { vsNoHooks: median(times.get(name)!) / base },
  }));
}
