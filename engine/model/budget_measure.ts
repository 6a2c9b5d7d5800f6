// The measurement behind the budgeted mix (engine/quant/budget.ts): on an f32
// copy of the model, each weight tensor in turn is replaced by its
// quantize-dequantize round trip in the cheapest format of its menu, the model
// runs over calibration tokens, and the mean KL(quantized || f32) of the
// logits is that option's cost; the menu's other formats are predicted from it
// by their weight errors (measureBudgetOptions). One forward pass per tensor;
// the tensor's f32 values are restored after it. measureTensorVariants
// measures any set of variants (bench/accuracy_budget.ts).
// The calibration tokens are the model's own text, sampled from BOS with a
// seeded PRNG, so the plan is not fitted to any text the tests score.

import type { Gpu } from "../gpu/gpu.ts";
import { Matrix } from "../gpu/matrix.ts";
import type { LlamaConfig } from "../formats/config.ts";
import {
  budgetMenu,
  type BudgetTensor,
  choiceName,
  roundTrip,
  storedRowBytes,
} from "../quant/budget.ts";
import { meanKl } from "../quant/kl.ts";
import { readWeightMatrix } from "../quant/matrix.ts";
import { type Importance, sampleToken, seededRandom } from "./calibrate.ts";
import { KvCache } from "./kv_cache.ts";
import { LlamaGraph, type Tap } from "./llama.ts";
import { Tensor } from "../ops/tensor.ts";
import { LlamaModules, TOP_TENSORS } from "./modules.ts";
import { Pipeline } from "./pipeline.ts";
import type { LlamaWeights } from "./weights.ts";

/** The model's own text: `count` tokens sampled from BOS at temperature 1 (f32 weights). */
export async function sampleCalibrationTokens(
  gpu: Gpu,
  c: LlamaConfig,
  weights: LlamaWeights,
  count: number,
  seed: number,
): Promise<Uint32Array> {
  const graph = new LlamaGraph(gpu, c, weights, 1, count);
  const pipeline = new Pipeline([graph]);
  const cache = new KvCache(gpu, c, count);
  try {
    const random = seededRandom(seed);
    const out = new Uint32Array(count);
    out[0] = c.bosTokenIds[0] ?? 1;
    for (let t = 0; t + 1 < count; t++) {
      await pipeline.run(out.subarray(t, t + 1), cache, { allLogits: false });
      out[t + 1] = sampleToken(await graph.scratch.logits.rows(0, 1).toArray(), random);
    }
    return out;
  } finally {
    cache.dispose();
    pipeline.dispose();
  }
}

/** Every weight matrix of the model by tensor name, each once (a tied head is the embedding). */
function namedMatrices(c: LlamaConfig, w: LlamaWeights): [string, Matrix][] {
  const out: [string, Matrix][] = [[TOP_TENSORS.embed, w.embed as Matrix]];
  LlamaModules.of(c).layers.forEach(({ tensors: t }, i) => {
    const l = w.layers[i];
    out.push(
      [t.q, l.q as Matrix],
      [t.k, l.k as Matrix],
      [t.v, l.v as Matrix],
      [t.o, l.o as Matrix],
      [t.gate, l.gate as Matrix],
      [t.up, l.up as Matrix],
      [t.down, l.down as Matrix],
    );
  });
  if (w.lmHead !== w.embed) out.push([TOP_TENSORS.lmHead, w.lmHead as Matrix]);
  for (const [name, m] of out) {
    if (!(m instanceof Matrix)) throw new Error(`budget measure: ${name} is not an f32 matrix`);
  }
  return out;
}

/** One variant of a tensor to measure: its f32 values from the original ones. */
export interface TensorVariant {
  label: string;
  values: (original: Float32Array, cols: number) => Float32Array;
}

/**
 * For each weight tensor of `weights` (the whole model in f32 on `gpu`), and
 * each of its variants: the mean KL(variant || f32) of the logits over
 * `tokens` (at most 128: one chunk), with only that tensor replaced. The
 * tensor's values are restored before the next one.
 */
export async function measureTensorVariants(
  gpu: Gpu,
  c: LlamaConfig,
  weights: LlamaWeights,
  tokens: Uint32Array,
  variantsOf: (name: string, rows: number, cols: number) => TensorVariant[],
  onTensor?: (done: number, total: number, name: string) => void,
): Promise<{ name: string; rows: number; cols: number; kl: Map<string, number> }[]> {
  const n = tokens.length;
  if (n < 1 || n > 128) throw new Error(`budget measure: ${n} tokens, expected 1 to 128`);
  const tree = LlamaModules.of(c), layers = c.numHiddenLayers;
  const made: { dispose(): void }[] = [];
  const cache = new KvCache(gpu, c, n);
  made.push(cache);
  // A tensor of layer l changes nothing before it: its pass starts at layer
  // l from the reference pass's input to that layer (a stage without the
  // embedding reads scratch.x, as on a second device), which skips the
  // layers before it. stages[l] runs layers l.. and the head; stages[0] the
  // whole model.
  const stages: { graph: LlamaGraph; pipeline: Pipeline }[] = [];
  const stage = (l: number) => {
    const graph = new LlamaGraph(
      gpu,
      c,
      l === 0 ? weights : {
        firstLayer: l,
        embed: null,
        layers: weights.layers.slice(l),
        norm: weights.norm,
        lmHead: weights.lmHead,
      },
      n,
      n,
    );
    const pipeline = new Pipeline([graph]);
    made.push(pipeline);
    return { graph, pipeline };
  };
  const inputs: Float32Array[] = [];
  const logits = async (l: number) => {
    const s = stages[l];
    if (l > 0) gpu.write(s.graph.scratch.x.buffer, inputs[l]);
    cache.rewind(0);
    await s.pipeline.run(tokens, cache, { allLogits: true });
    return await s.graph.scratch.logits.rows(0, n).toArray();
  };
  try {
    stages.push(stage(0));
    // The reference pass, keeping each layer's input (taps copy it out).
    const saved = tree.layers.map((m) => {
      const t = Tensor.from(gpu, `budget.${m.input.name}`, new Float32Array(n * c.hiddenSize), [
        n,
        c.hiddenSize,
      ], "f32");
      made.push(t);
      return t;
    });
    const taps = new Map<string, Tap>(tree.layers.map((m, l) => [m.input.name, (x, ctx) => {
      ctx.rec.copy(x.buffer, x.offset, saved[l].buffer, 0, n * c.hiddenSize * 4);
    }]));
    cache.rewind(0);
    await stages[0].pipeline.run(tokens, cache, { allLogits: true, taps });
    const reference = await stages[0].graph.scratch.logits.rows(0, n).toArray();
    for (let l = 0; l < layers; l++) inputs.push(await saved[l].toArray());
    for (let l = 1; l < layers; l++) stages.push(stage(l));
    const stageOf = (name: string) => {
      const l = LlamaModules.layerOfTensor(name);
      // The embedding needs the whole pass; an untied head only the last layer's.
      return l !== null ? l : name === TOP_TENSORS.embed ? 0 : layers - 1;
    };
    const matrices = namedMatrices(c, weights);
    const out: { name: string; rows: number; cols: number; kl: Map<string, number> }[] = [];
    for (const [name, m] of matrices) {
      const original = await readWeightMatrix(m);
      const kl = new Map<string, number>();
      try {
        for (const v of variantsOf(name, m.rows, m.cols)) {
          m.writeRows(0, v.values(original, m.cols));
          kl.set(v.label, meanKl(await logits(stageOf(name)), reference, c.vocabSize));
        }
      } finally {
        m.writeRows(0, original);
      }
      out.push({ name, rows: m.rows, cols: m.cols, kl });
      onTensor?.(out.length, matrices.length, name);
    }
    return out;
  } finally {
    for (const m of made.reverse()) m.dispose();
  }
}

/** sum over rows and columns of imp_k (a - b)^2 (imp_k = 1 without importance). */
function weightedError(a: Float32Array, b: Float32Array, cols: number, imp: Float32Array | null) {
  let e = 0;
  for (let i = 0; i < a.length; i++) e += (imp ? imp[i % cols] : 1) * (a[i] - b[i]) ** 2;
  return e;
}

/**
 * Each tensor's budget menu with stored bytes and KL. One forward pass per
 * tensor: the KL of its cheapest choice is measured (measureTensorVariants);
 * the others are predicted from it by the ratio of their (importance-
 * weighted) squared weight errors, since a small weight error e moves the KL
 * by a quadratic form in e. `importance` (per tensor) goes to every quantizer.
 */
export async function measureBudgetOptions(
  gpu: Gpu,
  c: LlamaConfig,
  weights: LlamaWeights,
  tokens: Uint32Array,
  importance: Importance | null,
  onTensor?: (done: number, total: number, name: string) => void,
): Promise<BudgetTensor[]> {
  const errors = new Map<string, number[]>();
  const measured = await measureTensorVariants(gpu, c, weights, tokens, (name, _rows, cols) => {
    const imp = importance?.get(name) ?? null, menu = budgetMenu(cols);
    return [{
      label: choiceName(menu[0]),
      values: (w: Float32Array) => {
        const trips = menu.map((choice) => roundTrip(choice, w, cols, imp));
        errors.set(name, trips.map((q) => weightedError(w, q, cols, imp)));
        return trips[0];
      },
    }];
  }, onTensor);
  return measured.map(({ name, rows, cols, kl }) => {
    const menu = budgetMenu(cols), e = errors.get(name)!;
    const klCheapest = kl.get(choiceName(menu[0]))!;
    return {
      name,
      params: rows * cols,
      options: menu.map((choice, i) => ({
        choice,
        bytes: rows * storedRowBytes(choice, cols),
        kl: e[0] > 0 ? klCheapest * e[i] / e[0] : 0,
      })),
    };
  });
}
