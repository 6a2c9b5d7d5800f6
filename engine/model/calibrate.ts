// Importance calibration (llama.cpp's imatrix idea): run the model in f32 on
// the GPU over calibration text and collect, for every linear, E[x^2] of each
// input column over the tokens seen. A quantizer weighting each weight's error
// by its column's E[x^2] minimizes the expected error of the linear's output
// rather than of the weights.
//
// The statistics are gathered by taps on the graph (engine/model/llama.ts),
// recording one column_sumsq dispatch per linear input per chunk into f32
// accumulators on the device; nothing is read back until the end. Two inputs
// are not module outputs: o_proj's (the attention output) and down_proj's
// (silu(gate) * up). The taps of `self_attn` and `mlp` run right after those
// projections, while the graph's scratch still holds their inputs, and read
// them there (LlamaGraph.record's order, which this relies on).
//
//   q, k, v  <- input_layernorm output     o    <- scratch.attn at self_attn
//   gate, up <- post_attention_layernorm   down <- scratch.act at mlp
//   lm_head  <- model.norm output

import type { Gpu } from "../gpu/gpu.ts";
import { Tensor } from "../ops/tensor.ts";
import type { LlamaConfig } from "../formats/config.ts";
import { columnSumSquares } from "../../shaders/column_sumsq.ts";
import { KvCache } from "./kv_cache.ts";
import { LlamaGraph, type Tap } from "./llama.ts";
import { LlamaModules, TOP_TENSORS } from "./modules.ts";
import { Pipeline } from "./pipeline.ts";
import type { LlamaWeights } from "./weights.ts";

/** Weight tensor name -> E[x^2] per input column [cols] (k/v share q's, up gate's). */
export type Importance = Map<string, Float32Array>;

/** What to run the model over. */
export interface CalibrationInput {
  /**
   * Token sequences to feed (each from an empty cache); when absent, one
   * sequence of `sampleTokens` positions is sampled from BOS at temperature 1
   * by the model itself.
   */
  sequences?: readonly Uint32Array[];
  /** Positions to sample when no sequences are given. */
  sampleTokens: number;
  /** Seed of the sampler's PRNG. */
  seed: number;
}

/** mulberry32: a small seeded PRNG, so a calibration is reproducible. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A token drawn from softmax(logits) (temperature 1), in f64. */
export function sampleToken(logits: Float32Array, random: () => number): number {
  let max = -Infinity;
  for (const v of logits) max = Math.max(max, v);
  let sum = 0;
  for (const v of logits) sum += Math.exp(v - max);
  let u = random() * sum;
  for (let i = 0; i < logits.length; i++) {
    u -= Math.exp(logits[i] - max);
    if (u <= 0) return i;
  }
  return logits.length - 1;
}

/**
 * E[x^2] per input column of every linear of `weights` (a whole model in f32
 * on `gpu`) over the calibration input; also the number of tokens fed.
 */
export async function collectImportance(
  gpu: Gpu,
  c: LlamaConfig,
  weights: LlamaWeights,
  input: CalibrationInput,
): Promise<{ importance: Importance; tokens: number }> {
  const longest = input.sequences
    ? Math.max(1, ...input.sequences.map((s) => s.length))
    : input.sampleTokens;
  if (!Number.isInteger(longest) || longest < 1 || longest > c.maxPositionEmbeddings) {
    throw new Error(
      `importance calibration: ${longest} positions outside [1, ${c.maxPositionEmbeddings}] ` +
        `(max_position_embeddings)`,
    );
  }
  const maxChunk = Math.min(128, longest);
  const tree = LlamaModules.of(c);
  const made: Tensor[] = [];
  const acc = (name: string, n: number) => {
    const t = Tensor.from(gpu, `calibrate.${name}`, new Float32Array(n), [n], "f32");
    made.push(t);
    return t;
  };
  const graph = new LlamaGraph(gpu, c, weights, maxChunk, longest);
  const pipeline = new Pipeline([graph]);
  const cache = new KvCache(gpu, c, longest);
  try {
    const qDim = c.numAttentionHeads * c.headDim;
    const sums = tree.layers.map((m) => ({
      m,
      qkv: acc(`${m.name}.qkv`, c.hiddenSize),
      o: acc(`${m.name}.o`, qDim),
      gateUp: acc(`${m.name}.gate_up`, c.hiddenSize),
      down: acc(`${m.name}.down`, c.intermediateSize),
    }));
    const head = acc("lm_head", c.hiddenSize);
    const taps = new Map<string, Tap>();
    const rows = (t: Tensor<"f32">, x: Tensor<"f32">) => t.rows(0, x.shape[0]);
    for (const s of sums) {
      taps.set(s.m.input_layernorm.name, (x, ctx) => columnSumSquares(ctx.rec, x, s.qkv));
      taps.set(s.m.self_attn.name, (x, ctx) => {
        columnSumSquares(ctx.rec, rows(graph.scratch.attn, x), s.o);
      });
      taps.set(s.m.post_attention_layernorm.name, (x, ctx) => {
        columnSumSquares(ctx.rec, x, s.gateUp);
      });
      taps.set(s.m.mlp.name, (x, ctx) => {
        columnSumSquares(ctx.rec, rows(graph.scratch.act, x), s.down);
      });
    }
    taps.set(tree.norm.name, (x, ctx) => columnSumSquares(ctx.rec, x, head));

    let fed = 0;
    if (input.sequences) {
      for (const seq of input.sequences) {
        if (seq.length === 0) continue;
        cache.rewind(0);
        await pipeline.run(seq, cache, { allLogits: false, taps });
        fed += seq.length;
      }
    } else {
      // The model's own text: each sampled token is fed back (one position a step).
      const random = seededRandom(input.seed);
      let token = c.bosTokenIds[0] ?? 1;
      for (let t = 0; t < input.sampleTokens; t++) {
        await pipeline.run(Uint32Array.of(token), cache, { allLogits: false, taps });
        fed++;
        const logits = await graph.scratch.logits.rows(0, 1).toArray();
        token = sampleToken(logits, random);
      }
    }
    if (fed === 0) throw new Error("importance calibration: the calibration text has no tokens");

    const importance: Importance = new Map();
    const mean = async (t: Tensor<"f32">) => (await t.toArray()).map((v) => v / fed);
    for (const s of sums) {
      const n = s.m.tensors, qkv = await mean(s.qkv), gateUp = await mean(s.gateUp);
      for (const name of [n.q, n.k, n.v]) importance.set(name, qkv);
      importance.set(n.o, await mean(s.o));
      for (const name of [n.gate, n.up]) importance.set(name, gateUp);
      importance.set(n.down, await mean(s.down));
    }
    importance.set(c.tieWordEmbeddings ? TOP_TENSORS.embed : TOP_TENSORS.lmHead, await mean(head));
    return { importance, tokens: fed };
  } finally {
    cache.dispose();
    pipeline.dispose();
    for (const t of made) t.dispose();
  }
}
