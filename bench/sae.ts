// SAEs at the Goodfire Llama-3.1-8B shape (d_in 4096 -> d_sae 65,536), random
// weights made on the GPU in their device format (no file):
//   encode / topk: one token (the matvec-style path: linear() + bias/ReLU) and
//     64 tokens (tiled f32, or the q8 matmul), as GB/s of W_enc read and the
//     ratio to that format's streaming ceiling (bench/harness.ts).
//   decode: tokens/s of the 8B-width synthetic model (bench/decode.ts) with
//     no tap, and with SAE steering of one feature at model.layers.0 through
//     sae/attach.ts steering() used as a graph tap (cheap form, and the full
//     decode(f') + error form), variants alternating within each round.
// No Deno APIs: runs in the browser runner as well.

import { Recorder } from "../engine/gpu/recorder.ts";
import { Tensor } from "../engine/ops/tensor.ts";
import { KvCache } from "../engine/model/kv_cache.ts";
import { LlamaGraph, type Tap } from "../engine/model/llama.ts";
import { disposeWeights } from "../engine/model/weights.ts";
import type { MatrixFormat } from "../engine/quant/format.ts";
import { steering } from "../sae/attach.ts";
import { Sae } from "../sae/sae.ts";
import type { SteerMethod } from "../sae/steer.ts";
import { topFeatures } from "../shaders/sae_topk.ts";
import { LLAMA_8B_2L, syntheticWeights } from "./decode.ts";
import {
  type BenchContext,
  ceilings,
  fastRandom,
  matrixBytes,
  randomMatrix,
  timeInterleaved,
  timePerCall,
} from "./harness.ts";
import type { BenchResult } from "./result.ts";
import { computeCeilings, fmaPeakProbe } from "./compute_ceiling.ts";

export const GOODFIRE_8B = { dIn: 4096, dSae: 65536 };
const TOP_K = 32;

/**
 * A random ReLU SAE made on the GPU. W_dec is the same matrix as W_enc (same
 * shape and format): it halves the memory and the set-up time, and the
 * benchmarks here read at most a few W_dec rows.
 */
export function randomSae(
  ctx: BenchContext,
  format: "f32" | "q8",
  dIn = GOODFIRE_8B.dIn,
  dSae = GOODFIRE_8B.dSae,
): Sae {
  const gpu = ctx.gpu, random = fastRandom(11);
  const w = randomMatrix(gpu, `bench.sae.W.${format}`, dSae, dIn, format, 5);
  const vector = (label: string, n: number, scale: number) =>
    Tensor.from(
      gpu,
      label,
      Float32Array.from({ length: n }, () => (random() - 0.5) * scale),
      [n],
      "f32",
    );
  return Sae.fromWeights(gpu, {
    wEnc: w,
    wDec: w,
    bEnc: vector("bench.sae.b_enc", dSae, 0.02),
    bDec: vector("bench.sae.b_dec", dIn, 0.02),
    threshold: null,
    center: false,
  }, { label: `bench.sae.${format}` });
}

/**
 * Seconds per call of `record`: one untimed call first when `warm`, then reps
 * sized to about 0.5 s per trial, best of 3 trials (2 when a call takes over a
 * second, 1 over 5 s: a 64-token encode at this shape is compute-bound on a
 * software adapter and takes tens of seconds).
 */
async function timeAdaptive(
  ctx: BenchContext,
  record: (rec: Recorder) => void,
  warm = true,
): Promise<number> {
  const gpu = ctx.gpu;
  const t0 = performance.now();
  const rec = new Recorder(gpu, "bench.sae.first");
  record(rec);
  rec.submit();
  await gpu.device.queue.onSubmittedWorkDone();
  gpu.assertAlive();
  const once = (performance.now() - t0) / 1000;
  if (!warm && once > 5) return once; // pipelines were built beforehand: this call counts
  const reps = Math.max(1, Math.min(8, Math.round(0.5 / once)));
  return await timePerCall(gpu, record, reps, once > 5 ? 1 : once > 1 ? 2 : 3, false);
}

/** Every kernel a format's encode and top-k use, built on a tiny SAE of that format. */
async function warmPipelines(ctx: BenchContext, format: "f32" | "q8", tokens: number[]) {
  const sae = randomSae(ctx, format, 64, 256);
  try {
    for (const T of tokens) {
      const x = Tensor.from(ctx.gpu, "bench.sae.warm.x", new Float32Array(T * 64), [T, 64], "f32");
      const f = Tensor.empty(ctx.gpu, "bench.sae.warm.f", [T, 256], "f32");
      const idx = Tensor.empty(ctx.gpu, "bench.sae.warm.idx", [T, TOP_K], "u32");
      const val = Tensor.empty(ctx.gpu, "bench.sae.warm.val", [T, TOP_K], "f32");
      const rec = new Recorder(ctx.gpu, "bench.sae.warm");
      rec.asActive(() => sae.encode(x, f));
      topFeatures(rec, f, TOP_K, idx, val);
      rec.submit();
      await ctx.gpu.device.queue.onSubmittedWorkDone();
      for (const t of [x, f, idx, val]) t.dispose();
    }
  } finally {
    sae.dispose();
  }
}

export async function benchSaeKernels(
  ctx: BenchContext,
  formats: ("f32" | "q8")[] = ["f32", "q8"],
  tokens: number[] = [1, 64],
): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  const ceiling = await ceilings(ctx);
  // Many-token encodes are compute-bound: also a fraction of the f32 multiply-add ceiling.
  const compute = tokens.some((T) => T > 1) ? await computeCeilings(ctx) : undefined;
  const { dIn, dSae } = GOODFIRE_8B;
  for (const format of formats) {
    const t0 = performance.now();
    await warmPipelines(ctx, format, tokens);
    const sae = randomSae(ctx, format);
    ctx.log(
      `  sae ${format}: random ${dSae}x${dIn} SAE made in ${
        ((performance.now() - t0) / 1000).toFixed(1)
      } s`,
    );
    const bytes = matrixBytes(sae.weights.wEnc);
    try {
      for (const T of tokens) {
        const x = Tensor.from(
          ctx.gpu,
          "bench.sae.x",
          Float32Array.from({ length: T * dIn }, (_, i) => Math.sin(i * 0.37)),
          [T, dIn],
          "f32",
        );
        const f = Tensor.empty(ctx.gpu, "bench.sae.f", [T, dSae], "f32");
        const idx = Tensor.empty(ctx.gpu, "bench.sae.idx", [T, TOP_K], "u32");
        const val = Tensor.empty(ctx.gpu, "bench.sae.val", [T, TOP_K], "f32");
        try {
          const record = (rec: Recorder) => rec.asActive(() => sae.encode(x, f));
          // Many tokens: two trials interleaved with the f32 peak (vsInterleavedCeiling).
          const probe = T > 1 ? await fmaPeakProbe(ctx) : null;
          let peakGflops: number | null = null, encode: number;
          try {
            if (probe) {
              const s = await timeInterleaved(
                ctx.gpu,
                { encode: record, peak: probe.record },
                1,
                2,
              );
              encode = s.encode;
              peakGflops = probe.flops / s.peak / 1e9;
            } else encode = await timeAdaptive(ctx, record, false);
          } finally {
            probe?.dispose();
          }
          const select = await timeAdaptive(ctx, (rec) => topFeatures(rec, f, TOP_K, idx, val));
          // Encode then select in one submission; the sum for slow (compute-bound) encodes.
          const topk = encode > 5 ? encode + select : await timeAdaptive(ctx, (rec) => {
            rec.asActive(() => sae.encode(x, f));
            topFeatures(rec, f, TOP_K, idx, val);
          });
          for (const [name, s] of [["encode", encode], ["topk", topk]] as const) {
            const gb = bytes / s / 1e9, gflops = 2 * T * dIn * dSae / s / 1e9;
            results.push({
              name: `sae.${name}`,
              shape: `${dIn}->${dSae}, ${T} token${T > 1 ? "s" : ""}${
                name === "topk" ? `, k ${TOP_K}` : ""
              }`,
              format,
              adapter: ctx.gpu.summary.description,
              figures: {
                ms: s * 1000,
                gbPerSecond: gb,
                gflopPerSecond: gflops,
                ...(name === "topk" ? { selectMs: select * 1000 } : {}),
                ...(peakGflops !== null ? { ceilingGflopPerSecond: peakGflops } : {}),
              },
              ratios: {
                vsCeiling: gb / ceiling[format],
                ...(peakGflops !== null
                  ? {
                    vsComputeCeiling: gflops / compute!.fmaGflops,
                    vsInterleavedCeiling: gflops / peakGflops,
                  }
                  : {}),
              },
            });
          }
          ctx.log(
            `  sae ${format} T=${T}: encode ${(encode * 1000).toFixed(1)} ms, ` +
              `top-${TOP_K} ${(topk * 1000).toFixed(1)} ms (select ${
                (select * 1000).toFixed(1)
              } ms)`,
          );
        } finally {
          for (const t of [x, f, idx, val]) t.dispose();
        }
      }
    } finally {
      sae.dispose();
    }
  }
  return results;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** An Intervention (what attach.ts hands the engine) as a graph Tap. */
function asTap(iv: ReturnType<typeof steering>): Tap {
  return async (x, ctx) => {
    const r = await iv(x, ctx);
    return Array.isArray(r) ? r[0] : r ?? undefined;
  };
}

export async function benchSaeDecode(
  ctx: BenchContext,
  opts: {
    model?: MatrixFormat;
    sae?: "f32" | "q8";
    steps?: number;
    rounds?: number;
    /**
     * Steering forms to time (default both). "full" re-encodes and decodes
     * densely every step (reads all of W_enc and, for the features that fire,
     * W_dec twice): the reference point the cheap form avoids.
     */
    methods?: SteerMethod[];
  } = {},
): Promise<BenchResult[]> {
  const gpu = ctx.gpu, c = LLAMA_8B_2L;
  const format = opts.model ?? "q8", saeFormat = opts.sae ?? "q8";
  const steps = opts.steps ?? 4, rounds = opts.rounds ?? 3;
  const layer = "model.layers.0";
  ctx.log(`  sae decode: building the ${format} synthetic model and a ${saeFormat} SAE`);
  const weights = syntheticWeights(gpu, c, format);
  const sae = randomSae(ctx, saeFormat);
  const graph = new LlamaGraph(gpu, c, weights, 1, steps + 2);
  const cache = new KvCache(gpu, c, steps + 2);
  const edits = [{ feature: 12345, add: 4 }];
  const variants: [string, Map<string, Tap> | undefined][] = [
    ["none", undefined],
    ...(opts.methods ?? ["cheap", "full"]).map((method): [string, Map<string, Tap>] => [
      method,
      new Map([[layer, asTap(steering(sae, edits, { method }))]]),
    ]),
  ];
  const tps = new Map<string, number[]>(variants.map(([n]) => [n, []]));
  try {
    const run = async (taps: Map<string, Tap> | undefined, n: number) => {
      cache.rewind(0);
      const t0 = performance.now();
      for (let i = 0; i < n; i++) {
        const rec = new Recorder(gpu, "bench.sae.decode");
        await graph.record(rec, {
          tokens: Uint32Array.of(2 + i * 7919 % 128000),
          cache,
          allLogits: false,
          taps,
        });
        rec.submit();
        cache.advance(1);
        await gpu.device.queue.onSubmittedWorkDone();
      }
      gpu.assertAlive();
      return n / ((performance.now() - t0) / 1000);
    };
    for (const [, taps] of variants) await run(taps, 1); // builds the pipelines
    for (let r = 0; r < rounds; r++) {
      for (const [name, taps] of variants) tps.get(name)!.push(await run(taps, steps));
      ctx.log(
        `  sae decode round ${r}: ${
          variants.map(([n]) => `${n} ${tps.get(n)!.at(-1)!.toFixed(3)}`).join(", ")
        } tokens/s`,
      );
    }
  } finally {
    cache.dispose();
    graph.dispose();
    disposeWeights(weights);
    sae.dispose();
  }
  const base = median(tps.get("none")!);
  return variants.map(([name]) => ({
    name: "sae.decode",
    shape: `llama-3.1-8b widths, 2 layers; ${
      name === "none" ? "no tap" : `${name} steering at ${layer}, ${saeFormat} SAE 4096->65536`
    }`,
    format,
    adapter: gpu.summary.description,
    figures: { tokensPerSecond: median(tps.get(name)!) },
    ratios: { vsNoSteering: median(tps.get(name)!) / base },
  }));
}
