// The Llama forward pass, recorded as kernel dispatches: one chunk of up to
// `maxChunk` tokens at a time, continuing a KV cache. Like llama2.c's run.c in
// shape; module outputs can be observed through taps named as in HF / nnsight.
//
//   x = embed(tokens)
//   for each layer:  x += o(attn(rope(q(norm(x))), rope(k(norm(x))), v(norm(x))))
//                    x += down(silu(gate(norm(x))) * up(norm(x)))
//   logits = lm_head(norm(x))

import type { Gpu } from "../gpu/gpu.ts";
import type { Recorder } from "../gpu/recorder.ts";
import { Tensor } from "../ops/tensor.ts";
import type { LlamaConfig } from "../formats/config.ts";
import { addInPlace } from "../../shaders/add.ts";
import { attention, writeKv } from "../../shaders/attention.ts";
import { embedding } from "../../shaders/embedding.ts";
import { linear } from "../../shaders/linear.ts";
import { rmsnorm } from "../../shaders/rmsnorm.ts";
import { rope, ropeAt } from "../../shaders/rope.ts";
import { swiglu } from "../../shaders/swiglu.ts";
import type { KvCache } from "./kv_cache.ts";
import { ropeInvFreq, ropeTable } from "./rope.ts";
import { asStage, type LlamaWeights, type StageWeights } from "./weights.ts";
import { LlamaModules } from "./modules.ts";
import { BusyError } from "../errors.ts";

/**
 * Observes a module's output x [tokens, width] for this chunk and may replace
 * it by returning a tensor of the same shape (copied into the stream). x is the
 * live activation buffer: valid during the call only (clone() to keep it).
 */
export type Tap = (
  x: Tensor<"f32">,
  ctx: TapContext,
) => void | Tensor<"f32"> | Promise<void | Tensor<"f32">>;

/** What a tap (an intervention or a derived module) gets beside the activation. */
export interface TapContext {
  /** The pass's recorder (low level: kernels record into it). */
  rec: Recorder;
  /** Module name, e.g. "model.layers.2". */
  name: string;
  /** Absolute position of row 0 of `x`. */
  positionStart: number;
  /**
   * In a pass over several prompts (`engine.forward([a, b])`): the index of
   * the prompt whose rows `x` holds; positionStart is then that prompt's own.
   */
  prompt?: number;
}

/** Activation buffers for one chunk, allocated once and reused by every pass. */
class Scratch {
  readonly tokens: Tensor<"u32">; // [chunk]
  readonly x: Tensor<"f32">; // [chunk, hidden] the residual stream
  readonly normed: Tensor<"f32">; // [chunk, hidden]
  readonly q: Tensor<"f32">; // [chunk, heads * headDim]
  readonly k: Tensor<"f32">; // [chunk, kvHeads * headDim]
  readonly v: Tensor<"f32">; // [chunk, kvHeads * headDim]
  readonly attn: Tensor<"f32">; // [chunk, heads * headDim]
  readonly proj: Tensor<"f32">; // [chunk, hidden] attention or MLP output
  readonly gate: Tensor<"f32">; // [chunk, intermediate]
  readonly up: Tensor<"f32">; // [chunk, intermediate]
  readonly act: Tensor<"f32">; // [chunk, intermediate]
  readonly lastX: Tensor<"f32">; // [1, hidden] the last position's residual
  readonly lastNormed: Tensor<"f32">; // [1, hidden]
  readonly logits: Tensor<"f32">; // [chunk, vocab] (row 0 only, unless all positions are asked for)
  readonly ropeTable: Tensor<"f32">; // [contextLength, headDim / 2, 2] (cos, sin)
  readonly all: Tensor[];
  /** Batched prompts only, made at the first batched chunk: [chunk] u32 each. */
  segments: { positions: Tensor<"u32">; firstKey: Tensor<"u32"> } | null = null;
  readonly #gpu: Gpu;
  readonly #chunk: number;

  constructor(gpu: Gpu, c: LlamaConfig, chunk: number, contextLength: number, head: boolean) {
    this.#gpu = gpu;
    this.#chunk = chunk;
    const made: Tensor[] = [];
    const f32 = (name: string, shape: number[]) => {
      const t = Tensor.empty(gpu, `Scratch.${name}`, shape, "f32");
      made.push(t);
      return t;
    };
    try {
      const qDim = c.numAttentionHeads * c.headDim, kvDim = c.numKeyValueHeads * c.headDim;
      this.tokens = Tensor.empty(gpu, "Scratch.tokens", [chunk], "u32");
      made.push(this.tokens);
      this.x = f32("x", [chunk, c.hiddenSize]);
      this.normed = f32("normed", [chunk, c.hiddenSize]);
      this.q = f32("q", [chunk, qDim]);
      this.k = f32("k", [chunk, kvDim]);
      this.v = f32("v", [chunk, kvDim]);
      this.attn = f32("attn", [chunk, qDim]);
      this.proj = f32("proj", [chunk, c.hiddenSize]);
      this.gate = f32("gate", [chunk, c.intermediateSize]);
      this.up = f32("up", [chunk, c.intermediateSize]);
      this.act = f32("act", [chunk, c.intermediateSize]);
      this.lastX = f32("lastX", [1, c.hiddenSize]);
      this.lastNormed = f32("lastNormed", [1, c.hiddenSize]);
      // Only the device holding lm_head needs room for logits.
      this.logits = f32("logits", head ? [chunk, c.vocabSize] : [1, 1]);
      const freq = ropeInvFreq(c.headDim, c.ropeTheta, c.ropeScaling, c.ropeFreqFactors);
      this.ropeTable = Tensor.from(
        gpu,
        "Scratch.ropeTable",
        ropeTable(freq, contextLength),
        [contextLength, freq.length, 2],
        "f32",
      );
      made.push(this.ropeTable);
    } catch (e) {
      for (const t of made) t.dispose();
      throw e;
    }
    this.all = made;
  }

  /** The per-row position and first-key buffers of batched chunks (made once, on first use). */
  segmentBuffers(): { positions: Tensor<"u32">; firstKey: Tensor<"u32"> } {
    if (!this.segments) {
      const positions = Tensor.empty(this.#gpu, "Scratch.positions", [this.#chunk], "u32");
      try {
        const firstKey = Tensor.empty(this.#gpu, "Scratch.firstKey", [this.#chunk], "u32");
        this.segments = { positions, firstKey };
        // Counted (memoryByDevice) and freed with the rest from now on.
        this.all.push(positions, firstKey);
      } catch (e) {
        positions.dispose();
        throw e;
      }
    }
    return this.segments;
  }

  dispose(): void {
    for (const t of this.all) t.dispose();
    this.segments = null;
  }
}

/**
 * Several prompts in one chunk (engine/batch.ts): their rows are concatenated
 * along T and their keys along the KV cache, so row t of the chunk sits at
 * RoPE position `positions[t]` (its position in its own prompt) and attends to
 * cache rows `firstKey[t]` (its prompt's first row) up to its own.
 */
export interface ChunkSegments {
  /** [n] position of each row within its prompt. */
  positions: Uint32Array;
  /** [n] cache row of each row's prompt's first token. */
  firstKey: Uint32Array;
}

export interface ChunkRequest {
  tokens: Uint32Array; // [n] ids of this chunk, already validated against the vocab
  /**
   * The ids are already in `scratch.tokens` (written there by the previous
   * step's sampler), so `tokens` only gives the count: generation then never
   * waits for a token to reach the CPU before recording the next step.
   */
  tokensOnGpu?: boolean;
  cache: KvCache; // positions [0, cache.length) are filled; this chunk continues it
  /** Compute logits for every position of the chunk (else only the last). */
  allLogits: boolean;
  taps?: ReadonlyMap<string, Tap>;
  /** Batched prompts: per-row positions and first keys (absent: one prompt from `cache.length`). */
  segments?: ChunkSegments;
}

export class LlamaGraph {
  readonly gpu: Gpu;
  readonly config: LlamaConfig;
  readonly weights: StageWeights;
  readonly maxChunk: number;
  readonly scratch: Scratch;
  /** Module names (the taps' keys), per layer. */
  readonly modules: LlamaModules;
  /** True while a tap (an intervention, a trace function's turn) runs. */
  tapping = false;

  /**
   * `weights` may be a whole model or one device's stage of it (layers
   * [firstLayer, ...), with or without the embedding and the head). A stage
   * without the embedding reads its input from `scratch.x`, where the caller
   * wrote the previous device's residual stream. `contextLength`: the
   * positions RoPE's table covers (at least the KV caches').
   */
  constructor(
    gpu: Gpu,
    config: LlamaConfig,
    weights: LlamaWeights | StageWeights,
    maxChunk: number,
    contextLength: number,
  ) {
    this.gpu = gpu;
    this.config = config;
    this.weights = asStage(weights);
    if (!this.weights.norm !== !this.weights.lmHead) {
      throw new Error("LlamaGraph: a stage holds both the final norm and lm_head, or neither");
    }
    this.maxChunk = maxChunk;
    this.modules = LlamaModules.of(config);
    this.scratch = new Scratch(gpu, config, maxChunk, contextLength, this.hasHead);
  }

  get hasEmbedding(): boolean {
    return this.weights.embed !== null;
  }

  get hasHead(): boolean {
    return this.weights.lmHead !== null;
  }

  /** Layers [first, end) of this stage. */
  get layerRange(): [number, number] {
    return [this.weights.firstLayer, this.weights.firstLayer + this.weights.layers.length];
  }

  /**
   * Records one chunk. Afterwards the logits are in `scratch.logits`: rows
   * [0, n) with `allLogits`, else row 0 holds the last position's.
   */
  async record(rec: Recorder, req: ChunkRequest): Promise<void> {
    const c = this.config, w = this.weights, s = this.scratch, tree = this.modules;
    const n = req.tokens.length, past = req.cache.length;
    if (n < 1 || n > this.maxChunk) {
      throw new Error(`chunk of ${n} tokens outside [1, ${this.maxChunk}]`);
    }
    if (past + n > req.cache.contextLength) {
      throw new Error(
        `positions up to ${past + n} exceed the context length ${req.cache.contextLength}`,
      );
    }
    if (!req.tokensOnGpu) this.gpu.write(s.tokens.buffer, req.tokens);
    const seg = req.segments ? this.#writeSegments(req.segments, n, past) : null;
    const rows = (t: Tensor<"f32">) => t.rows(0, n);
    const taps = req.taps;
    const apply = async (name: string, x: Tensor<"f32">, positionStart = past) => {
      const r = await this.#tap(rec, taps!.get(name)!, x, { rec, name, positionStart });
      if (r && r !== x) {
        if (r.size !== x.size || r.dtype !== "f32") {
          throw new Error(`${name}: the intervention returned [${r.shape}], expected [${x.shape}]`);
        }
        rec.copy(r.buffer, r.offset, x.buffer, x.offset, x.byteLength);
      }
    };
    const { numAttentionHeads: heads, numKeyValueHeads: kvHeads, headDim } = c;

    const x = rows(s.x), normed = rows(s.normed), proj = rows(s.proj);
    const q = rows(s.q), k = rows(s.k), v = rows(s.v), attn = rows(s.attn);
    const gate = rows(s.gate), up = rows(s.up), act = rows(s.act);

    if (w.embed) {
      embedding(rec, s.tokens.rows(0, n), w.embed, x);
      const embed = tree.embed_tokens.name;
      if (taps?.has(embed)) await apply(embed, x);
    }
    for (let i = 0; i < w.layers.length; i++) {
      const l = w.firstLayer + i, lw = w.layers[i], m = tree.layers[l];
      if (taps?.has(m.input.name)) await apply(m.input.name, x);
      rmsnorm(rec, x, lw.inputNorm, normed, c.rmsNormEps);
      if (taps?.has(m.input_layernorm.name)) await apply(m.input_layernorm.name, normed);
      linear(rec, normed, lw.q, q);
      linear(rec, normed, lw.k, k);
      linear(rec, normed, lw.v, v);
      if (seg) {
        ropeAt(rec, q.reshape([n, heads, headDim]), s.ropeTable, seg.positions, seg.maxPosition);
        ropeAt(rec, k.reshape([n, kvHeads, headDim]), s.ropeTable, seg.positions, seg.maxPosition);
      } else {
        rope(rec, q.reshape([n, heads, headDim]), s.ropeTable, past);
        rope(rec, k.reshape([n, kvHeads, headDim]), s.ropeTable, past);
      }
      writeKv(rec, k, req.cache.keys[l], past);
      writeKv(rec, v, req.cache.values[l], past);
      attention(
        rec,
        q.reshape([n, heads, headDim]),
        req.cache.keys[l],
        req.cache.values[l],
        attn.reshape([n, heads, headDim]),
        {
          pastLength: past,
          nHeads: heads,
          nKvHeads: kvHeads,
          headDim,
        },
        seg?.firstKey,
      );
      linear(rec, attn, lw.o, proj);
      if (taps?.has(m.self_attn.name)) await apply(m.self_attn.name, proj);
      addInPlace(rec, x, proj);
      rmsnorm(rec, x, lw.postNorm, normed, c.rmsNormEps);
      const postNorm = m.post_attention_layernorm.name;
      if (taps?.has(postNorm)) await apply(postNorm, normed);
      linear(rec, normed, lw.gate, gate);
      linear(rec, normed, lw.up, up);
      swiglu(rec, gate, up, act);
      linear(rec, act, lw.down, proj);
      if (taps?.has(m.mlp.name)) await apply(m.mlp.name, proj);
      addInPlace(rec, x, proj);
      if (taps?.has(m.name)) await apply(m.name, x);
    }

    if (!w.norm || !w.lmHead) return;
    const rowBytes = c.hiddenSize * 4;
    const norm = tree.norm.name, head = tree.lm_head.name;
    if (req.allLogits || taps?.has(norm)) {
      rmsnorm(rec, x, w.norm, normed, c.rmsNormEps);
      if (taps?.has(norm)) await apply(norm, normed);
      if (!req.allLogits) {
        rec.copy(s.normed.buffer, (n - 1) * rowBytes, s.lastNormed.buffer, 0, rowBytes);
      }
    } else {
      // Only the last position's logits are needed: norm one row.
      rec.copy(s.x.buffer, (n - 1) * rowBytes, s.lastX.buffer, 0, rowBytes);
      rmsnorm(rec, s.lastX, w.norm, s.lastNormed, c.rmsNormEps);
    }
    const logits = req.allLogits ? s.logits.rows(0, n) : s.logits.rows(0, 1);
    linear(rec, req.allLogits ? normed : s.lastNormed, w.lmHead, logits);
    if (taps?.has(head)) await apply(head, logits, req.allLogits ? past : past + n - 1);
  }

  /** Checks a chunk's segments and writes them to the device; returns the buffers' views. */
  #writeSegments(seg: ChunkSegments, n: number, past: number) {
    if (seg.positions.length !== n || seg.firstKey.length !== n) {
      throw new Error(`segments of ${seg.positions.length} rows for a chunk of ${n}`);
    }
    let maxPosition = 0;
    for (let t = 0; t < n; t++) {
      // A row may only see rows of the cache at or before its own.
      if (seg.firstKey[t] > past + t) {
        throw new Error(`segments: row ${t} starts its keys at ${seg.firstKey[t]}, after itself`);
      }
      maxPosition = Math.max(maxPosition, seg.positions[t]);
    }
    const b = this.scratch.segmentBuffers();
    this.gpu.write(b.positions.buffer, seg.positions);
    this.gpu.write(b.firstKey.buffer, seg.firstKey);
    return { positions: b.positions.rows(0, n), firstKey: b.firstKey.rows(0, n), maxPosition };
  }

  /**
   * Runs one tap with `rec` as the device's active recorder, so that Tensor
   * ops made in it join this pass. The device has one such slot: another
   * pass's tap suspended on it (a second engine on the same device) is refused
   * rather than have its ops land in the wrong pass.
   */
  async #tap(rec: Recorder, tap: Tap, x: Tensor<"f32">, ctx: TapContext) {
    const gpu = this.gpu;
    if (gpu.activeRecorder) {
      throw new BusyError(
        `${ctx.name}: another pass on ${gpu.name} is inside an intervention; passes with ` +
          `interventions on one device cannot interleave (await one call before starting the next)`,
      );
    }
    gpu.activeRecorder = rec;
    this.tapping = true;
    try {
      return await tap(x, ctx);
    } finally {
      gpu.activeRecorder = null;
      this.tapping = false;
    }
  }

  dispose(): void {
    this.scratch.dispose();
  }
}
