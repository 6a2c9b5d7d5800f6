// One device vs two for the 8B-shaped synthetic model (Llama-3.1-8B widths, 2
// layers, random q4 weights): decode and prefill tokens/s through the same
// Pipeline the engine uses, and the residual-stream bytes moved between the
// devices per token (one hidden vector per token and boundary is the floor).

import { Gpu } from "../engine/gpu/gpu.ts";
import { Tensor } from "../engine/ops/tensor.ts";
import type { LlamaConfig } from "../engine/formats/config.ts";
import { KvCache } from "../engine/model/kv_cache.ts";
import { LlamaGraph } from "../engine/model/llama.ts";
import { Pipeline } from "../engine/model/pipeline.ts";
import { disposeWeights, type StageRange, type StageWeights } from "../engine/model/weights.ts";
import type { MatrixFormat } from "../engine/quant/format.ts";
import { LLAMA_8B_2L } from "./decode.ts";
import { type BenchContext, randomMatrix } from "./harness.ts";
import type { BenchResult } from "./result.ts";

/** Random weights of one stage; norms are ones. Seeds depend on the tensor, not the stage. */
function syntheticStage(
  gpu: Gpu,
  c: LlamaConfig,
  format: MatrixFormat,
  r: StageRange,
): StageWeights {
  const h = c.hiddenSize, q = c.numAttentionHeads * c.headDim, kv = c.numKeyValueHeads * c.headDim;
  const made: { dispose(): void }[] = [];
  const m = (label: string, rows: number, cols: number, seed: number) => {
    const w = randomMatrix(gpu, label, rows, cols, format, seed);
    made.push(w);
    return w;
  };
  const ones = (label: string) => {
    const t = Tensor.from(gpu, label, new Float32Array(h).fill(1), [h], "f32");
    made.push(t);
    return t;
  };
  try {
    const layers = [];
    for (let l = r.first; l < r.end; l++) {
      const s = 10 + l * 10;
      layers.push({
        inputNorm: ones(`L${l}.inputNorm`),
        q: m(`L${l}.q`, q, h, s),
        k: m(`L${l}.k`, kv, h, s + 1),
        v: m(`L${l}.v`, kv, h, s + 2),
        o: m(`L${l}.o`, h, q, s + 3),
        postNorm: ones(`L${l}.postNorm`),
        gate: m(`L${l}.gate`, c.intermediateSize, h, s + 4),
        up: m(`L${l}.up`, c.intermediateSize, h, s + 5),
        down: m(`L${l}.down`, h, c.intermediateSize, s + 6),
      });
    }
    return {
      firstLayer: r.first,
      embed: r.embed ? m("embed", c.vocabSize, h, 1) : null,
      layers,
      norm: r.head ? ones("norm") : null,
      lmHead: r.head ? m("lmHead", c.vocabSize, h, 2) : null,
    };
  } catch (e) {
    for (const t of made) t.dispose();
    throw e;
  }
}

interface Measured {
  prefill: number;
  decode: number;
  bytesPerToken: number;
}

async function measure(
  devices: Gpu[],
  format: MatrixFormat,
  prompt: number,
  steps: number,
): Promise<Measured> {
  const c = LLAMA_8B_2L, L = c.numHiddenLayers, n = devices.length;
  const ranges: StageRange[] = devices.map((_, d) => ({
    first: Math.floor((d * L) / n),
    end: Math.floor(((d + 1) * L) / n),
    embed: d === 0,
    head: d === n - 1,
  }));
  const context = prompt + steps + 2;
  const weights = ranges.map((r, d) => syntheticStage(devices[d], c, format, r));
  const pipeline = new Pipeline(
    weights.map((w, d) => new LlamaGraph(devices[d], c, w, prompt, context)),
  );
  const kv = new KvCache((l) => pipeline.stageOfLayer(l).gpu, c, context);
  try {
    const ids = Uint32Array.from({ length: prompt }, (_, i) => 1 + (i * 7919) % 100000);
    await pipeline.run(ids.subarray(0, 2), kv, { allLogits: false }); // builds every pipeline
    kv.rewind(0);
    const before = pipeline.transferredBytes;
    let t0 = performance.now();
    await pipeline.run(ids, kv, { allLogits: false });
    const prefill = prompt / ((performance.now() - t0) / 1000);
    const mid = pipeline.transferredBytes;
    t0 = performance.now();
    for (let i = 0; i < steps; i++) {
      await pipeline.run(Uint32Array.of(5 + i), kv, { allLogits: false });
    }
    const decode = steps / ((performance.now() - t0) / 1000);
    void before;
    return { prefill, decode, bytesPerToken: (pipeline.transferredBytes - mid) / steps };
  } finally {
    kv.dispose();
    pipeline.dispose();
    for (const w of weights) disposeWeights(w);
  }
}

export async function benchDevices(
  ctx: BenchContext,
  format: MatrixFormat = "q4",
): Promise<BenchResult[]> {
  const second = await Gpu.create({ name: "gpu1" });
  const prompt = 16, steps = 6;
  try {
    ctx.log(`  devices: 1 device, ${format}`);
    const one = await measure([ctx.gpu], format, prompt, steps);
    ctx.log(`  devices: 2 devices, ${format}`);
    const two = await measure([ctx.gpu, second], format, prompt, steps);
    const row = (devices: number, m: Measured): BenchResult => ({
      name: "devices",
      shape: `llama-3.1-8b widths, 2 layers, ${devices} device${devices > 1 ? "s" : ""}`,
      format,
      adapter: ctx.gpu.summary.description,
      figures: {
        prefillTokensPerSecond: m.prefill,
        decodeTokensPerSecond: m.decode,
        bytesMovedPerToken: m.bytesPerToken,
      },
      ratios: {
        decodeVsOneDevice: m.decode / one.decode,
        prefillVsOneDevice: m.prefill / one.prefill,
      },
    });
    return [row(1, one), row(2, two)];
  } finally {
    second.destroy();
  }
}
