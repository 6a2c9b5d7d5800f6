// deno task bench scale: Goodfire's example at full size on the synthetic
// checkpoints (bench/synthetic.ts, built once into the cache): Llama-3.1-8B-
// Instruct with its layer-19 SAE on one device (q4, then q8), and
// Llama-3.3-70B widths cut to 4 layers with an 8192 -> 65,536 SAE on its last
// layer over two devices. Per run: load time, read GB/s and peak host memory
// beyond device bytes; device bytes by kind; time to first token, prefill and
// decode tokens/s against the format's streaming ceiling timed in the same run;
// the cost of the SAE cache and of cheap and full steering (medians over
// interleaved rounds); and, on one device,
// the full-width correctness checks against plain TS. Deno only (files, RSS).

import { blockReference, readFirstChunk, readLayer } from "../engine/model/reference.ts";
import { type MatrixFormat, quantLayout, rowBytes } from "../engine/quant/format.ts";
import { blockLayout } from "../engine/quant/block_matrix.ts";
import type { LlamaConfig } from "../engine/formats/config.ts";
import { Tensor } from "../engine/ops/tensor.ts";
import { rmsnormReference } from "../shaders/rmsnorm.ts";
import { loadExample, timedGenerate } from "../demo/goodfire_example.ts";
import { compareClose } from "../tests/util/compare.ts";
import {
  type BenchContext,
  bestStream,
  randomMatrix,
  streamOutLength,
  streamRecords,
  timeInterleaved,
} from "./harness.ts";
import type { BenchResult } from "./result.ts";
import { ensureSynthetic, type SyntheticSpec } from "./synthetic.ts";
import { SCALE_8B, SLICE_70B } from "./synthetic_config.ts";

const CHAT_IDS = [
  128000,
  128006,
  882,
  128007,
  271,
  9906,
  11,
  1268,
  527,
  499,
  30,
  128009,
  128006,
  78191,
  128007,
  271,
];

/** Interleaved timing rounds, and tokens per timed run (full steering is slower). */
const ROUNDS = 3, DECODE_STEPS = 10, FULL_STEPS = 5;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b), m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function matBytes(rows: number, cols: number, f: MatrixFormat): number {
  if (f === "q4k" || f === "q6k") return rows * blockLayout(f, cols).wordsPerRow * 4;
  return rows * (f === "f32" ? cols * 4 : rowBytes(quantLayout(f, cols)));
}

/** Weight bytes a decode step reads: every layer matrix, lm_head, one embedding row. */
function bytesPerToken(c: LlamaConfig, f: MatrixFormat): number {
  const h = c.hiddenSize, i = c.intermediateSize, q = c.numAttentionHeads * c.headDim;
  const kv = c.numKeyValueHeads * c.headDim;
  const layer = 2 * matBytes(q, h, f) + 2 * matBytes(kv, h, f) + 3 * matBytes(i, h, f);
  return c.numHiddenLayers * layer + matBytes(c.vocabSize, h, f) + matBytes(1, h, f);
}

async function ceiling(ctx: BenchContext, format: MatrixFormat): Promise<number> {
  const m = randomMatrix(ctx.gpu, `scale.ceiling.${format}`, 14336, 4096, format, 7);
  const out = Tensor.empty(
    ctx.gpu,
    "scale.streamOut",
    [streamOutLength(ctx.gpu, format, 14336)],
    "f32",
  );
  try {
    return bestStream(m, await timeInterleaved(ctx.gpu, streamRecords(ctx.gpu, m, out), 10, 3));
  } finally {
    m.dispose();
    out.dispose();
  }
}

async function checkpointBytes(dir: string): Promise<number> {
  let n = 0;
  for (const e of Deno.readDirSync(dir)) {
    if (e.name.endsWith(".safetensors")) n += (await Deno.stat(`${dir}/${e.name}`)).size;
  }
  return n;
}

interface Run {
  spec: SyntheticSpec;
  shape: string;
  format: "q4" | "q8";
  devices: number;
  checks: boolean;
}

async function scaleRun(ctx: BenchContext, r: Run): Promise<BenchResult[]> {
  const dir = await ensureSynthetic(r.spec, ctx.log);
  const layer = `model.layers.${r.spec.sae!.layer}`;
  const adapter = ctx.gpu.summary.description;
  const base = Deno.memoryUsage().rss;
  let peak = base;
  const sampler = setInterval(() => peak = Math.max(peak, Deno.memoryUsage().rss), 50);
  const t0 = performance.now();
  let ex;
  try {
    ex = await loadExample({
      model: dir,
      sae: `${dir}/sae/${r.spec.sae!.file}`,
      layer,
      quant: r.format,
      devices: r.devices,
    });
  } finally {
    clearInterval(sampler);
  }
  const loadSeconds = (performance.now() - t0) / 1000;
  const { engine, sae, att } = ex;
  const results: BenchResult[] = [];
  try {
    const c = engine.config, mem = engine.memory;
    const saeBytes = sae.weights.wEnc.byteLength + sae.weights.wDec.byteLength +
      sae.weights.bEnc.byteLength + sae.weights.bDec.byteLength;
    const embedHead = 2 * matBytes(c.vocabSize, c.hiddenSize, r.format);
    const device = mem.weights + mem.kvCache + mem.scratch + saeBytes;
    ctx.log(`  ${r.shape} ${r.format}: loaded in ${loadSeconds.toFixed(1)} s`);
    const ids = engine.tokenizer.encodeChat([{ role: "user", content: "Hello, how are you?" }]);
    const idsMatch = JSON.stringify(ids) === JSON.stringify(CHAT_IDS) ? 1 : 0;
    // Prefill: the prompt in one pass, logits read back.
    const tp = performance.now();
    const pre = await engine.forward(ids);
    await pre.logits.toArray();
    const prefill = ids.length / ((performance.now() - tp) / 1000);
    pre.dispose();
    // Each configuration runs once briefly first (its kernels compile then).
    // Then ROUNDS interleaved rounds, each plain / cached / cheap / full, and a
    // last plain run: a configuration's cost in a round is against the mean
    // of the plain runs just before and after it, and the reported cost is
    // the median over rounds, so that drift and other processes (which move
    // every run near in time alike) do not land on one configuration.
    const edits = [{ feature: 1, add: 8 }];
    const configs = {
      cached: { cache: [att.features] },
      cheap: { interventions: att.steer(edits) },
      full: { interventions: att.steer(edits, { method: "full" }) },
    };
    const steps = { cached: DECODE_STEPS, cheap: DECODE_STEPS, full: FULL_STEPS };
    await timedGenerate(engine, ids, 2, {});
    // The streaming ceiling, timed before and after the rounds; the higher counts.
    const ceilBefore = await ceiling(ctx, r.format);
    for (const o of Object.values(configs)) await timedGenerate(engine, ids, 2, o);
    const plainRuns = [await timedGenerate(engine, ids, DECODE_STEPS, {})];
    const costs: Record<keyof typeof configs, number[]> = { cached: [], cheap: [], full: [] };
    const rates: Record<keyof typeof configs, number[]> = { cached: [], cheap: [], full: [] };
    let steeredText = "";
    for (let round = 0; round < ROUNDS; round++) {
      for (const key of Object.keys(configs) as (keyof typeof configs)[]) {
        const run = await timedGenerate(engine, ids, steps[key], configs[key]);
        rates[key].push(run.decode);
        if (key === "cheap") steeredText = run.text;
      }
      plainRuns.push(await timedGenerate(engine, ids, DECODE_STEPS, {}));
      const around = (plainRuns[round].decode + plainRuns[round + 1].decode) / 2;
      for (const key of Object.keys(configs) as (keyof typeof configs)[]) {
        costs[key].push(around / rates[key][round] - 1);
      }
    }
    const plainRates = plainRuns.map((p) => p.decode);
    const plain = plainRuns[0];
    ctx.log(
      `  decode ${median(plainRates).toFixed(3)} tokens/s; text ${JSON.stringify(plain.text)}`,
    );
    ctx.log(`  steered: ${JSON.stringify(steeredText)}`);
    ctx.log(`  plain decode by round ${plainRates.map((v) => v.toFixed(3)).join(", ")} tokens/s`);
    for (const key of Object.keys(configs) as (keyof typeof configs)[]) {
      ctx.log(`  ${key} cost by round ${costs[key].map((v) => v.toFixed(3)).join(", ")}`);
    }
    const ceil = Math.max(ceilBefore, await ceiling(ctx, r.format));
    const baseline = median(plainRates);
    const bytes = bytesPerToken(c, r.format), gbs = bytes * baseline / 1e9;
    const checks: Record<string, number> = r.checks ? await fullWidthChecks(ex, ids, layer) : {};
    results.push({
      name: "scale load",
      shape: r.shape,
      format: r.format,
      adapter,
      figures: {
        loadSeconds,
        readGbPerSecond: await checkpointBytes(dir) / loadSeconds / 1e9,
        peakRssOverDevice: peak - base - device,
        peakRss: peak,
        layerWeights: mem.weights - embedHead,
        embedHead,
        kvCache: mem.kvCache,
        scratch: mem.scratch,
        sae: saeBytes,
      },
      ratios: {},
    }, {
      name: "scale decode",
      shape: r.shape,
      format: r.format,
      adapter,
      figures: {
        firstTokenSeconds: plain.firstToken,
        prefillTokensPerSecond: prefill,
        tokensPerSecond: baseline,
        plainSpreadRatio: Math.max(...plainRates) / Math.min(...plainRates),
        bytesPerToken: bytes,
        gbPerSecond: gbs,
        ceilingGbPerSecond: ceil,
      },
      ratios: {
        vsCeiling: gbs / ceil,
        saeCacheCost: median(costs.cached),
        cheapSteerCost: median(costs.cheap),
        fullSteerCost: median(costs.full),
      },
    }, {
      name: "scale checks",
      shape: r.shape,
      format: r.format,
      adapter,
      figures: { chatIdsMatch: idsMatch, ...checks },
      ratios: {},
    });
  } finally {
    ex.dispose();
    const left = ex.devices.reduce((n, g) => n + g.liveBuffers.count, 0);
    for (const g of ex.devices) g.destroy();
    results.push({
      name: "scale dispose",
      shape: r.shape,
      format: r.format,
      adapter,
      figures: { buffersLeft: left },
      ratios: {},
    });
  }
  return results;
}

/** Max relative errors (of max|reference|) at full width: block 0, last block, final norm, SAE. */
async function fullWidthChecks(
  ex: Awaited<ReturnType<typeof loadExample>>,
  ids: number[],
  layer: string,
): Promise<Record<string, number>> {
  const { engine, sae, att } = ex, c = engine.config, L = c.numHiddenLayers;
  const names = [
    "model.embed_tokens",
    "model.layers.0",
    `model.layers.${L - 2}`,
    `model.layers.${L - 1}`,
    "model.norm",
    layer,
    att.features,
  ];
  const r = await engine.forward(ids, { cache: names });
  const get = async (n: string) => await r.cache.get(n)!.toArray();
  try {
    const w = engine.weights;
    const rel = (got: Float32Array, want: Float32Array) => compareClose(got, want).maxRel;
    const block0 = rel(
      await get("model.layers.0"),
      blockReference(c, await readLayer(w.layers[0]), await get("model.embed_tokens")),
    );
    const lastIn = await get(`model.layers.${L - 2}`), lastOut = await get(`model.layers.${L - 1}`);
    const blockLast = rel(lastOut, blockReference(c, await readLayer(w.layers[L - 1]), lastIn));
    const norm = rel(
      await get("model.norm"),
      rmsnormReference(lastOut, await w.norm.toArray(), c.hiddenSize, c.rmsNormEps),
    );
    // The SAE: the first row chunk of W_enc (every feature in it, every token) in plain TS.
    const x = await get(layer),
      f = await get(att.features),
      bEnc = await sae.weights.bEnc.toArray();
    const { rows, data } = await readFirstChunk(sae.weights.wEnc);
    const T = ids.length, want = new Float32Array(T * rows), got = new Float32Array(T * rows);
    for (let t = 0; t < T; t++) {
      for (let j = 0; j < rows; j++) {
        let s = 0;
        for (let k = 0; k < sae.dIn; k++) s += data[j * sae.dIn + k] * x[t * sae.dIn + k];
        want[t * rows + j] = Math.max(0, s + bEnc[j]);
        got[t * rows + j] = f[t * sae.dSae + j];
      }
    }
    return {
      block0MaxRel: block0,
      lastBlockMaxRel: blockLast,
      finalNormMaxRel: norm,
      saeFeaturesMaxRel: rel(got, want),
      saeFeaturesChecked: T * rows,
    };
  } finally {
    r.dispose();
  }
}

/** The runs: `LOUPE_SCALE=q4,q8,70b` picks some (default all three). */
export async function benchScale(ctx: BenchContext): Promise<BenchResult[]> {
  const pick = (Deno.env.get("LOUPE_SCALE") ?? "q4,q8,70b").split(",");
  const out: BenchResult[] = [];
  for (const format of ["q4", "q8"] as const) {
    if (!pick.includes(format)) continue;
    out.push(
      ...await scaleRun(ctx, {
        spec: SCALE_8B,
        shape: "llama-3.1-8b-instruct, 32 layers",
        format,
        devices: 1,
        checks: true,
      }),
    );
  }
  if (pick.includes("70b")) {
    out.push(
      ...await scaleRun(ctx, {
        spec: SLICE_70B,
        shape: "llama-3.3-70b widths, 4 layers, 2 devices",
        format: "q4",
        devices: 2,
        checks: false,
      }),
    );
  }
  return out;
}
