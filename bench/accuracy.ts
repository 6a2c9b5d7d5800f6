// Accuracy of the weight formats on the fixture models: mean KL(quantized ||
// f32) of the logits over each reference prompt, for each format, block size
// and embedding/lm_head precision. The measurement behind the choices in
// ARCHITECTURE.md ("Quantization"). Runs in Deno and in a browser (no Deno
// APIs): the models come from any openSource() location.

import type { Gpu } from "../engine/gpu/gpu.ts";
import { loadLlamaConfig } from "../engine/formats/config.ts";
import { openSafetensors } from "../engine/formats/safetensors.ts";
import { openSource } from "../engine/formats/source.ts";
import { KvCache } from "../engine/model/kv_cache.ts";
import { LlamaGraph } from "../engine/model/llama.ts";
import { disposeWeights, loadWeights, weightBytes } from "../engine/model/weights.ts";
import type { MatrixFormat } from "../engine/quant/format.ts";
import { meanKl } from "../engine/quant/kl.ts";
import type { BenchResult } from "./result.ts";

export interface AccuracyCase {
  format: MatrixFormat;
  block: number;
  embedFormat: MatrixFormat;
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
];

/** Logits [T, vocab] of `tokens` through a graph built from `folder` in the given formats. */
async function logitsOf(
  gpu: Gpu,
  folder: string,
  tokens: Uint32Array,
  c: AccuracyCase,
): Promise<{ logits: Float32Array; bytes: number }> {
  const files = await openSource(folder);
  const config = await loadLlamaConfig(files);
  const ckpt = await openSafetensors(files);
  const weights = await loadWeights(gpu, config, ckpt, folder, c).finally(() => ckpt.close());
  const graph = new LlamaGraph(gpu, config, weights, tokens.length, tokens.length);
  const cache = new KvCache(gpu, config, tokens.length);
  try {
    await graph.runPrompt(tokens, cache, true, undefined);
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
  shared: string,
  models = ["stories260K", "llama3-tiny", "tinystories-656k"],
  cases = ACCURACY_CASES,
): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  for (const model of models) {
    const folder = `${shared}models/${model}`;
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
      const got = await logitsOf(gpu, folder, tokens, c);
      results.push({
        name: "accuracy",
        shape: model,
        format: `${c.format}_b${c.block}_embed-${c.embedFormat}`,
        adapter: gpu.summary.description,
        figures: { meanKl: meanKl(got.logits, want, vocab), weightBytes: got.bytes },
        ratios: { bytesVsF32: got.bytes / f32.bytes },
      });
    }
  }
  return results;
}
