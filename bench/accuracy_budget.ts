// The measurements behind the budgeted mix "q4kb" (ARCHITECTURE.md,
// "Quantization: the budgeted mix"), printed as tables:
//   1. per fixture model and weight tensor, the mean KL over the calibration
//      text (32 tokens of the model's own text, seed 2) with only that tensor
//      quantized, for each format of its menu, and the plan the greedy
//      allocation makes at 4.9 stored bits per weight;
//   2. on llama3-tied-f16, where q8's KL comes from: per tensor, q8 (blocks of
//      16, max|w| scales) alone on the reference prompt, and the whole model at
//      q8 with max|w| and with searched scales.
// Run: deno run -A bench/accuracy_budget.ts [model ...]

import { Gpu } from "../engine/gpu/gpu.ts";
import { loadLlamaConfig } from "../engine/formats/config.ts";
import { openSafetensors } from "../engine/formats/safetensors.ts";
import { openSource } from "../engine/formats/source.ts";
import { KvCache } from "../engine/model/kv_cache.ts";
import { LlamaGraph } from "../engine/model/llama.ts";
import { Pipeline } from "../engine/model/pipeline.ts";
import { disposeWeights, loadWeights } from "../engine/model/weights.ts";
import {
  measureBudgetOptions,
  measureTensorVariants,
  sampleCalibrationTokens,
} from "../engine/model/budget_measure.ts";
import { allocate, choiceName } from "../engine/quant/budget.ts";
import { dequantizeRows, quantizeRows, quantLayout } from "../engine/quant/format.ts";
import { quantizeRowsSearched } from "../engine/quant/search_quant.ts";
import { meanKl } from "../engine/quant/kl.ts";

const FIXTURES = new URL("../tests/fixtures/models/", import.meta.url).pathname;

function q8(cols: number, searched: boolean) {
  const l = quantLayout("q8", cols, 16);
  return (w: Float32Array) =>
    dequantizeRows(searched ? quantizeRowsSearched(w, l) : quantizeRows(w, l), l);
}

async function open(folder: string) {
  const files = await openSource(folder);
  return { config: await loadLlamaConfig(files), ckpt: await openSafetensors(files), files };
}

/** Table 1: per tensor and format, KL with only that tensor quantized; the 4.9-bit plan. */
async function menuTable(gpu: Gpu, model: string) {
  const folder = `${FIXTURES}${model}`;
  const { config, ckpt } = await open(folder);
  const weights = await loadWeights(gpu, config, ckpt, folder, { format: "f32" });
  ckpt.close();
  try {
    const t0 = performance.now();
    const tokens = await sampleCalibrationTokens(gpu, config, weights, 32, 2);
    const t1 = performance.now();
    const table = await measureBudgetOptions(gpu, config, weights, tokens, null);
    const t2 = performance.now();
    console.log(
      `\n${model}: sampling ${(t1 - t0).toFixed(0)} ms, measuring ${(t2 - t1).toFixed(0)} ms`,
    );
    for (const t of table) {
      const cells = t.options.map((o) =>
        `${choiceName(o.choice)} ${(o.bytes * 8 / t.params).toFixed(2)}b ${o.kl.toExponential(2)}`
      );
      console.log(`  ${t.name.padEnd(40)} ${cells.join(" | ")}`);
    }
    for (const bits of [4.9]) {
      const a = allocate(table, bits);
      const count = new Map<string, number>();
      for (const c of a.plan.values()) {
        count.set(choiceName(c), (count.get(choiceName(c)) ?? 0) + 1);
      }
      console.log(
        `  plan at ${bits} bits: ${a.bits.toFixed(3)} stored bits, predicted KL ` +
          `${a.predictedKl.toExponential(3)}${a.overBudget ? " (over budget)" : ""}; ` +
          [...count].map(([k, v]) => `${k} x${v}`).join(", "),
      );
      for (const [name, c] of a.plan) console.log(`    ${name}: ${choiceName(c)}`);
    }
  } finally {
    disposeWeights(weights);
  }
}

/** Table 2: llama3-tied-f16 at q8, per tensor and whole, max|w| vs searched scales. */
async function tiedQ8(gpu: Gpu) {
  const model = "llama3-tied-f16", folder = `${FIXTURES}${model}`;
  const { config, ckpt, files } = await open(folder);
  const ref = await openSafetensors(files, "reference.safetensors");
  const tokens = Uint32Array.from(await ref.readTensor("tokens"));
  const want = await ref.readF32("logits");
  ref.close();
  const weights = await loadWeights(gpu, config, ckpt, folder, { format: "f32" });
  try {
    const rows = await measureTensorVariants(gpu, config, weights, tokens, (_n, _r, cols) => [
      { label: "max", values: q8(cols, false) },
      { label: "searched", values: q8(cols, true) },
    ]);
    console.log(`\n${model}: q8 (blocks of 16) with one tensor quantized, reference prompt`);
    let sumMax = 0, sumSearched = 0;
    for (const r of rows) {
      sumMax += r.kl.get("max")!;
      sumSearched += r.kl.get("searched")!;
      console.log(
        `  ${r.name.padEnd(40)} max|w| ${r.kl.get("max")!.toExponential(2)}  searched ${
          r.kl.get("searched")!.toExponential(2)
        }`,
      );
    }
    console.log(
      `  sum: max|w| ${sumMax.toExponential(3)}, searched ${sumSearched.toExponential(3)}`,
    );
  } finally {
    disposeWeights(weights);
  }
  // The whole model at q8, fake-quantized on load (rows are independent in q8).
  for (const searched of [false, true]) {
    const w = await loadWeights(gpu, config, ckpt, folder, {
      format: "f32",
      perturbRows: (_n, _r, slab, cols) => slab.set(q8(cols, searched)(slab)),
    });
    const graph = new LlamaGraph(gpu, config, w, tokens.length, tokens.length);
    const cache = new KvCache(gpu, config, tokens.length);
    try {
      await new Pipeline([graph]).run(tokens, cache, { allLogits: true });
      const got = await graph.scratch.logits.rows(0, tokens.length).toArray();
      console.log(
        `  whole model q8/16, ${searched ? "searched" : "max|w|"} scales: mean KL ${
          meanKl(got, want, config.vocabSize).toExponential(3)
        }`,
      );
    } finally {
      cache.dispose();
      graph.dispose();
      disposeWeights(w);
    }
  }
  ckpt.close();
}

if (import.meta.main) {
  const gpu = await Gpu.create();
  const models = Deno.args.length
    ? Deno.args
    : ["stories260K", "llama3-tiny", "tinystories-656k", "llama3-tied-f16"];
  for (const m of models) {
    if (m !== "llama3-tied-f16" || Deno.args.length === 0) await menuTable(gpu, m);
  }
  if (models.includes("llama3-tied-f16")) await tiedQ8(gpu);
  gpu.destroy();
}
