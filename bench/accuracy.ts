// Accuracy of the weight formats on the fixture models: mean KL(quantized ||
// f32) of the logits over each reference prompt and the top-1 agreement with
// the reference's argmax, for each format, block size and embedding/lm_head
// precision; then for each user-facing format (Engine.load quant, q4km with and
// without importance), the same plus bits per weight and, on models with an
// SAE, feature-level fidelity (bench/fidelity.ts). The measurement behind the
// choices in ARCHITECTURE.md ("Quantization"). Runs in Deno and in a browser
// (no Deno APIs): the models come from any openSource() location.
//
// The "noise" cases model an ideal R-bit quantizer: for an iid Gaussian source
// no quantizer at R bits per weight has MSE below sigma^2 * 2^(-2R) (the
// rate-distortion bound), so f32 weights plus Gaussian noise of RMS 2^-R times
// each row's RMS approximate (optimistically) the best any R-bit scheme can do.

import type { Gpu } from "../engine/gpu/gpu.ts";
import { loadLlamaConfig } from "../engine/formats/config.ts";
import { openSafetensors } from "../engine/formats/safetensors.ts";
import { openSource } from "../engine/formats/source.ts";
import { KvCache } from "../engine/model/kv_cache.ts";
import { LlamaGraph } from "../engine/model/llama.ts";
import { Pipeline } from "../engine/model/pipeline.ts";
import {
  disposeWeights,
  loadWeights,
  type LoadWeightsOptions,
  weightBytes,
} from "../engine/model/weights.ts";
import type { MatrixFormat } from "../engine/quant/format.ts";
import { meanKl, top1Agreement } from "../engine/quant/kl.ts";
import type { BenchResult } from "./result.ts";
import { FORMAT_CASES, type FormatCase, formatResults } from "./accuracy_formats.ts";

export interface AccuracyCase {
  format: MatrixFormat;
  block: number;
  embedFormat: MatrixFormat;
  /**
   * Bits per weight of the ideal quantizer to model: every matrix (embedding
   * and lm_head included) gets seeded Gaussian noise of RMS 2^-noiseBits times
   * its row's RMS before upload. Use with format "f32".
   */
  noiseBits?: number;
}

export const ACCURACY_CASES: AccuracyCase[] = [
  { format: "q8", block: 16, embedFormat: "q8" },
  { format: "q8", block: 32, embedFormat: "q8" },
  { format: "q8", block: 64, embedFormat: "q8" },
  { format: "q8", block: 32, embedFormat: "f32" },
  { format: "q4", block: 16, embedFormat: "q4" },
  { format: "q4", block: 32, embedFormat: "q4" },
  { format: "q4", block: 64, embedFormat: "q4" },
  { format: "q4", block: 32, embedFormat: "q8" },
  { format: "q4", block: 32, embedFormat: "f32" },
  // The rate-distortion bound at 4 bits, and at 5.44 bits: the most a 0.17x-of-f32
  // byte budget allows (0.17 * 32).
  { format: "f32", block: 32, embedFormat: "f32", noiseBits: 4 },
  { format: "f32", block: 32, embedFormat: "f32", noiseBits: 5.44 },
];

/**
 * Seeds of the noise cases' PRNG, fixed so their KL is reproducible. One
 * seed's KL varies over 10x on tinystories-656k, so a noise case reports the
 * mean over these (and the min / max).
 */
const NOISE_SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

/** The results table's label of a case. */
function caseLabel(c: AccuracyCase): string {
  return c.noiseBits === undefined
    ? `${c.format}_b${c.block}_embed-${c.embedFormat}`
    : `${c.format}+noise${c.noiseBits.toFixed(2)}bit`;
}

/**
 * A loadWeights perturbRows hook adding Gaussian noise of RMS `rel` times each
 * row's RMS, from a seeded PRNG (mulberry32, Box-Muller): the same seed and
 * load order give the same noise.
 */
function gaussianRowNoise(
  rel: number,
  seed: number,
): NonNullable<LoadWeightsOptions["perturbRows"]> {
  let s = seed >>> 0;
  const uniform = () => { // mulberry32, in (0, 1]
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 1) / 4294967296;
  };
  const gauss = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  return (_name, _rowStart, rows, cols) => {
    for (let a = 0; a < rows.length; a += cols) {
      let sum = 0;
      for (let k = a; k < a + cols; k++) sum += rows[k] * rows[k];
      const sigma = rel * Math.sqrt(sum / cols);
      for (let k = a; k < a + cols; k++) rows[k] += sigma * gauss();
    }
  };
}

/**
 * Logits [T, vocab] of `tokens` through a graph built from `folder` in the
 * given formats (with a noise case, `seed`'s noise).
 */
async function logitsOf(
  gpu: Gpu,
  folder: string,
  tokens: Uint32Array,
  c: AccuracyCase,
  seed = NOISE_SEEDS[0],
): Promise<{ logits: Float32Array; bytes: number }> {
  const files = await openSource(folder);
  const config = await loadLlamaConfig(files);
  const ckpt = await openSafetensors(files);
  const perturbRows = c.noiseBits === undefined
    ? undefined
    : gaussianRowNoise(2 ** -c.noiseBits, seed);
  const weights = await loadWeights(gpu, config, ckpt, folder, { ...c, perturbRows })
    .finally(() => ckpt.close());
  const graph = new LlamaGraph(gpu, config, weights, tokens.length, tokens.length);
  const cache = new KvCache(gpu, config, tokens.length);
  try {
    await new Pipeline([graph]).run(tokens, cache, { allLogits: true });
    const logits = graph.scratch.logits.rows(0, tokens.length);
    return { logits: await logits.toArray(), bytes: weightBytes(weights) };
  } finally {
    cache.dispose();
    graph.dispose();
    disposeWeights(weights);
  }
}

export async function benchAccuracy(
  gpu: Gpu,
  fixtures: string,
  models = ["stories260K", "llama3-tiny", "tinystories-656k", "llama3-tied-f16"],
  cases = ACCURACY_CASES,
  formats: readonly FormatCase[] = FORMAT_CASES,
): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const model of models) {
    const folder = `${fixtures}models/${model}`;
    const refFiles = await openSource(folder);
    const ref = await openSafetensors(refFiles, "reference.safetensors");
    const tokens = Uint32Array.from(await ref.readTensor("tokens"));
    const want = await ref.readF32("logits");
    ref.close();
    const f32 = await logitsOf(gpu, folder, tokens, {
      format: "f32",
      block: 32,
      embedFormat: "f32",
    });
    const vocab = want.length / tokens.length;
    for (const c of cases) {
      const kls: number[] = [], top1: number[] = [];
      let bytes = 0;
      for (const seed of c.noiseBits === undefined ? [NOISE_SEEDS[0]] : NOISE_SEEDS) {
        const got = await logitsOf(gpu, folder, tokens, c, seed);
        kls.push(meanKl(got.logits, want, vocab));
        top1.push(top1Agreement(got.logits, want, vocab));
        bytes = got.bytes;
      }
      const figures: Record<string, number> = {
        meanKl: kls.reduce((a, b) => a + b) / kls.length,
        top1: top1.reduce((a, b) => a + b) / top1.length,
        weightBytes: bytes,
      };
      if (kls.length > 1) {
        Object.assign(figures, { minKl: Math.min(...kls), maxKl: Math.max(...kls) });
      }
      results.push({
        name: "accuracy",
        shape: model,
        format: caseLabel(c),
        adapter: gpu.summary.description,
        figures,
        ratios: { bytesVsF32: bytes / f32.bytes },
      });
    }
    results.push(...await formatResults(gpu, fixtures, model, tokens, want, formats));
  }
  return results;
}
