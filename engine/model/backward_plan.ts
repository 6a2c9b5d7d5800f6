// The backward pass through the whole Llama model for one metric, m = log p(y)
// at the last prompt position, with respect to activations (weights frozen):
// run.c-style, the forward's maths read backwards. First the head, at the last
// position only (the other rows of g start at 0):
//
//   g[T-1] = norm'(x_final[T-1]) . lm_head'(onehot(y) - softmax(logits[T-1]))
//
// then per layer, from the top:
//
//   recompute from the layer's input x (the only activation kept per layer):
//     xn = norm(x); q, k = rope(q(xn)), rope(k(xn)); v = v(xn); att = attn(q, k, v)
//     mid = x + o(att); gate, up = gate(norm(mid)), up(norm(mid))
//   g = dm/d(layer output)                          -> grad of model.layers.N and .mlp
//   g += norm'(mid) . (gate' . swiglu'(down' g) + up' . swiglu'(down' g))
//                                                   -> grad of .self_attn (= dm/d mid)
//   g += norm'(x) . (q' rope'(dq) + k' rope'(dk) + v' dv),  (dq, dk, dv) = attn'(o' g)
//
// where w' is the transposed product (linear_backward). After layer 0, g is the
// gradient of model.embed_tokens' output. Keeping only each layer's input and
// recomputing the rest (activation checkpointing per layer) keeps (layers + 1)
// x hidden floats per token; everything else is scratch for one layer.

import type { Gpu } from "../gpu/gpu.ts";
import type { Recorder } from "../gpu/recorder.ts";
import { Tensor } from "../ops/tensor.ts";
import type { LlamaConfig } from "../formats/config.ts";
import { UsageError } from "../errors.ts";
import { addInPlace } from "../../shaders/add.ts";
import { attention } from "../../shaders/attention.ts";
import { attentionBackward } from "../../shaders/attention_backward.ts";
import { linear } from "../../shaders/linear.ts";
import { linearBackward } from "../../shaders/linear_backward.ts";
import { logprobBackward } from "../../shaders/logprob_backward.ts";
import { rmsnorm } from "../../shaders/rmsnorm.ts";
import { rmsnormBackward } from "../../shaders/rmsnorm_backward.ts";
import { rope } from "../../shaders/rope.ts";
import { conjugateRopeTable, ropeBackward } from "../../shaders/rope_backward.ts";
import { swigluBackward } from "../../shaders/swiglu_backward.ts";
import { LlamaModules } from "./modules.ts";
import { ropeInvFreq, ropeTable } from "./rope.ts";
import type { LlamaWeights } from "./weights.ts";

/** What the backward pass reads from the forward pass over the same prompt. */
export interface BackwardInputs {
  /**
   * [layers + 1] of [T, hidden]: the output of model.embed_tokens, then of
   * every model.layers.N (entry N is layer N's input, entry N + 1 its output).
   */
  residuals: readonly Tensor<"f32">[];
  /** [1, vocab] the logits at the metric's position (`logitsAt` makes them for any row). */
  lastLogits: Tensor<"f32">;
  /** The metric's token id: m = log p(target | prompt) at `position`. */
  target?: number;
  /**
   * Instead of a target: dm/d logits [1, vocab] of another metric of the
   * position's logits (a logit difference: +1 and -1).
   */
  dLogits?: Tensor<"f32">;
  /**
   * The prompt position the metric reads (default the last, T - 1); rows after
   * it get zero gradient.
   */
  position?: number;
}

/** Bytes a backward pass over T tokens holds, by role. */
export interface BackwardBytes {
  /** Activations kept from the forward (the residual stream at every layer boundary + last logits). */
  kept: number;
  /** The part of `kept` that grows per token: (layers + 1) * hidden * 4. */
  keptPerToken: number;
  /** One layer's recomputed activations and gradients, the stats, the RoPE tables. */
  scratch: number;
  /** The gradients handed out: 3 per layer + the embedding, [T, hidden] each, and the metric. */
  outputs: number;
}

/** Scratch for one layer's recompute and backward over T tokens, allocated once per plan. */
class BackwardScratch {
  readonly all: Tensor[] = [];
  readonly xn: Tensor<"f32">; // [T, hidden] normed input of attention, then of the MLP
  readonly q: Tensor<"f32">; // [T, heads * headDim] after RoPE
  readonly k: Tensor<"f32">; // [T, kvHeads * headDim] after RoPE
  readonly v: Tensor<"f32">; // [T, kvHeads * headDim]
  readonly att: Tensor<"f32">; // [T, heads * headDim] attention output
  readonly proj: Tensor<"f32">; // [T, hidden] o_proj output
  readonly mid: Tensor<"f32">; // [T, hidden] the residual after attention
  readonly gate: Tensor<"f32">; // [T, intermediate]
  readonly up: Tensor<"f32">; // [T, intermediate]
  readonly g: Tensor<"f32">; // [T, hidden] the residual stream's gradient, flowing down
  readonly dxn: Tensor<"f32">; // [T, hidden] gradient of a norm's output
  readonly dAct: Tensor<"f32">; // [T, intermediate]
  readonly dGate: Tensor<"f32">; // [T, intermediate]
  readonly dUp: Tensor<"f32">; // [T, intermediate]
  readonly dAtt: Tensor<"f32">; // [T, heads * headDim]
  readonly dq: Tensor<"f32">; // [T, heads * headDim]
  readonly dk: Tensor<"f32">; // [T, kvHeads * headDim]
  readonly dv: Tensor<"f32">; // [T, kvHeads * headDim]
  readonly stats: Tensor<"f32">; // [T, heads, 2] (logsumexp, D) of attention backward
  readonly dLogits: Tensor<"f32">; // [1, vocab]
  readonly lastX: Tensor<"f32">; // [1, hidden] the final residual at the last position
  readonly lastG: Tensor<"f32">; // [1, hidden] its gradient
  readonly dNormed: Tensor<"f32">; // [1, hidden]
  readonly ropeTable: Tensor<"f32">; // [T, headDim / 2, 2] (cos, sin)
  readonly ropeConjugate: Tensor<"f32">; // [T, headDim / 2, 2] (cos, -sin)

  constructor(gpu: Gpu, c: LlamaConfig, T: number) {
    const f32 = (name: string, shape: number[], data?: Float32Array) => {
      const t = data
        ? Tensor.from(gpu, `Backward.${name}`, data, shape, "f32")
        : Tensor.empty(gpu, `Backward.${name}`, shape, "f32");
      this.all.push(t);
      return t;
    };
    const h = c.hiddenSize, qDim = c.numAttentionHeads * c.headDim;
    const kvDim = c.numKeyValueHeads * c.headDim, inter = c.intermediateSize;
    try {
      this.xn = f32("xn", [T, h]);
      this.q = f32("q", [T, qDim]);
      this.k = f32("k", [T, kvDim]);
      this.v = f32("v", [T, kvDim]);
      this.att = f32("att", [T, qDim]);
      this.proj = f32("proj", [T, h]);
      this.mid = f32("mid", [T, h]);
      this.gate = f32("gate", [T, inter]);
      this.up = f32("up", [T, inter]);
      this.g = f32("g", [T, h]);
      this.dxn = f32("dxn", [T, h]);
      this.dAct = f32("dAct", [T, inter]);
      this.dGate = f32("dGate", [T, inter]);
      this.dUp = f32("dUp", [T, inter]);
      this.dAtt = f32("dAtt", [T, qDim]);
      this.dq = f32("dq", [T, qDim]);
      this.dk = f32("dk", [T, kvDim]);
      this.dv = f32("dv", [T, kvDim]);
      this.stats = f32("stats", [T, c.numAttentionHeads, 2]);
      this.dLogits = f32("dLogits", [1, c.vocabSize]);
      this.lastX = f32("lastX", [1, h]);
      this.lastG = f32("lastG", [1, h]);
      this.dNormed = f32("dNormed", [1, h]);
      const freq = ropeInvFreq(c.headDim, c.ropeTheta, c.ropeScaling, c.ropeFreqFactors);
      const table = ropeTable(freq, T);
      this.ropeTable = f32("ropeTable", [T, freq.length, 2], table);
      this.ropeConjugate = f32("ropeConjugate", [T, freq.length, 2], conjugateRopeTable(table));
    } catch (e) {
      this.dispose();
      throw e;
    }
  }

  get bytes(): number {
    return this.all.reduce((n, t) => n + t.byteLength, 0);
  }

  dispose(): void {
    for (const t of this.all) t.dispose();
    this.all.length = 0;
  }
}

/** The gradients one backward pass writes, by module name, [T, hidden] each. */
export type GradientTensors = Map<string, Tensor<"f32">>;

/**
 * A backward pass over prompts of exactly T tokens on one device: scratch is
 * allocated once, `record` may run many times (one metric each).
 */
export class BackwardPlan {
  readonly gpu: Gpu;
  readonly config: LlamaConfig;
  readonly weights: LlamaWeights;
  readonly T: number;
  readonly modules: LlamaModules;
  readonly #scratch: BackwardScratch;

  constructor(gpu: Gpu, config: LlamaConfig, weights: LlamaWeights, T: number) {
    if (!Number.isInteger(T) || T < 1) {
      throw new UsageError(`backward: a prompt of ${T} tokens; want at least 1`);
    }
    this.gpu = gpu;
    this.config = config;
    this.weights = weights;
    this.T = T;
    this.modules = LlamaModules.of(config);
    this.#scratch = new BackwardScratch(gpu, config, T);
  }

  /** The module names `record` writes, in execution order (embedding first). */
  get gradientNames(): string[] {
    const tree = this.modules;
    return [
      tree.embed_tokens.name,
      ...tree.layers.flatMap((m) => [m.self_attn.name, m.mlp.name, m.name]),
    ];
  }

  get bytes(): BackwardBytes {
    const c = this.config, T = this.T;
    const keptPerToken = (c.numHiddenLayers + 1) * c.hiddenSize * 4;
    return {
      kept: keptPerToken * T + c.vocabSize * 4,
      keptPerToken,
      scratch: this.#scratch.bytes,
      outputs: this.gradientNames.length * T * c.hiddenSize * 4 + 4,
    };
  }

  /**
   * Records the backward pass: `grads` (one [T, hidden] tensor per name of
   * gradientNames) and, for a target, `metric` [1] (log p(target)) are written.
   */
  record(
    rec: Recorder,
    inputs: BackwardInputs,
    grads: GradientTensors,
    metric: Tensor<"f32"> | null,
  ): void {
    const c = this.config, w = this.weights, s = this.#scratch, T = this.T;
    const h = c.hiddenSize, eps = c.rmsNormEps, L = c.numHiddenLayers;
    const heads = c.numAttentionHeads, kvHeads = c.numKeyValueHeads, headDim = c.headDim;
    this.#check(inputs, grads, metric);
    const row = h * 4, p = inputs.position ?? T - 1;
    const copyOut = (name: string) =>
      rec.copy(s.g.buffer, s.g.offset, grads.get(name)!.buffer, grads.get(name)!.offset, T * row);

    // ---- the metric and the final norm + lm_head, at the metric's position only ----
    let dLogits = inputs.dLogits;
    if (!dLogits) {
      logprobBackward(rec, inputs.lastLogits, inputs.target!, s.dLogits, metric!);
      dLogits = s.dLogits;
    }
    linearBackward(rec, dLogits, w.lmHead, s.dNormed);
    const top = inputs.residuals[L];
    rec.copy(top.buffer, top.offset + p * row, s.lastX.buffer, s.lastX.offset, row);
    rmsnormBackward(rec, s.lastX, w.norm, s.dNormed, s.lastG, eps);
    rec.clear(s.g.buffer, s.g.offset, T * row);
    rec.copy(s.lastG.buffer, s.lastG.offset, s.g.buffer, s.g.offset + p * row, row);

    for (let l = L - 1; l >= 0; l--) {
      const lw = w.layers[l], m = this.modules.layers[l], x = inputs.residuals[l];
      // ---- recompute the layer's forward from its input ----
      rmsnorm(rec, x, lw.inputNorm, s.xn, eps);
      linear(rec, s.xn, lw.q, s.q);
      linear(rec, s.xn, lw.k, s.k);
      linear(rec, s.xn, lw.v, s.v);
      rope(rec, s.q.reshape([T, heads, headDim]), s.ropeTable, 0);
      rope(rec, s.k.reshape([T, kvHeads, headDim]), s.ropeTable, 0);
      const shape = { pastLength: 0, nHeads: heads, nKvHeads: kvHeads, headDim };
      attention(rec, s.q.reshape([T, heads, headDim]), s.k, s.v, s.att, shape);
      linear(rec, s.att, lw.o, s.proj);
      rec.copy(x.buffer, x.offset, s.mid.buffer, s.mid.offset, T * row);
      addInPlace(rec, s.mid, s.proj);
      rmsnorm(rec, s.mid, lw.postNorm, s.xn, eps);
      linear(rec, s.xn, lw.gate, s.gate);
      linear(rec, s.xn, lw.up, s.up);

      // ---- MLP backward: g is dm/d(layer output) = dm/d(mlp output) ----
      copyOut(m.name);
      copyOut(m.mlp.name);
      linearBackward(rec, s.g, lw.down, s.dAct);
      swigluBackward(rec, s.gate, s.up, s.dAct, s.dGate, s.dUp);
      linearBackward(rec, s.dGate, lw.gate, s.dxn);
      linearBackward(rec, s.dUp, lw.up, s.dxn, true);
      rmsnormBackward(rec, s.mid, lw.postNorm, s.dxn, s.g, eps, true);

      // ---- attention backward: g is now dm/d mid = dm/d(self_attn output) ----
      copyOut(m.self_attn.name);
      linearBackward(rec, s.g, lw.o, s.dAtt);
      attentionBackward(rec, {
        q: s.q.reshape([T, heads, headDim]),
        k: s.k.reshape([T, kvHeads, headDim]),
        v: s.v.reshape([T, kvHeads, headDim]),
        dOut: s.dAtt.reshape([T, heads, headDim]),
        dq: s.dq.reshape([T, heads, headDim]),
        dk: s.dk.reshape([T, kvHeads, headDim]),
        dv: s.dv.reshape([T, kvHeads, headDim]),
        stats: s.stats,
      }, { nHeads: heads, nKvHeads: kvHeads, headDim });
      ropeBackward(rec, s.dq.reshape([T, heads, headDim]), s.ropeConjugate, 0);
      ropeBackward(rec, s.dk.reshape([T, kvHeads, headDim]), s.ropeConjugate, 0);
      linearBackward(rec, s.dq, lw.q, s.dxn);
      linearBackward(rec, s.dk, lw.k, s.dxn, true);
      linearBackward(rec, s.dv, lw.v, s.dxn, true);
      rmsnormBackward(rec, x, lw.inputNorm, s.dxn, s.g, eps, true);
    }
    copyOut(this.modules.embed_tokens.name);
  }

  /**
   * Records the logits [1, vocab] of prompt position `position` from the
   * final residual stream `top` [T, hidden] (final norm + lm_head of one row),
   * for a metric at a position other than the last.
   */
  recordLogitsAt(rec: Recorder, top: Tensor<"f32">, position: number, out: Tensor<"f32">): void {
    const c = this.config, s = this.#scratch, row = c.hiddenSize * 4;
    this.#checkPosition(position);
    if (out.size !== c.vocabSize || out.gpu !== this.gpu || top.size !== this.T * c.hiddenSize) {
      throw new Error(
        `backward: logitsAt wants top [${this.T}, ${c.hiddenSize}] and out [1, ${c.vocabSize}]; ` +
          `got [${top.shape}] and [${out.shape}]`,
      );
    }
    rec.copy(top.buffer, top.offset + position * row, s.lastX.buffer, s.lastX.offset, row);
    rmsnorm(rec, s.lastX, this.weights.norm, s.dNormed, c.rmsNormEps);
    linear(rec, s.dNormed, this.weights.lmHead, out);
  }

  #checkPosition(p: number): void {
    if (!Number.isInteger(p) || p < 0 || p >= this.T) {
      throw new UsageError(
        `backward: metric position ${p} is outside the prompt's positions [0, ${this.T})`,
      );
    }
  }

  #check(inputs: BackwardInputs, grads: GradientTensors, metric: Tensor<"f32"> | null): void {
    const c = this.config, T = this.T, h = c.hiddenSize;
    if (inputs.position !== undefined) this.#checkPosition(inputs.position);
    const fits = (t: Tensor, rows: number, cols: number) =>
      t.dtype === "f32" && t.size === rows * cols && t.shape[t.shape.length - 1] === cols &&
      t.gpu === this.gpu;
    if (inputs.residuals.length !== c.numHiddenLayers + 1) {
      throw new Error(
        `backward: ${inputs.residuals.length} residuals; want ${c.numHiddenLayers + 1} ` +
          `(model.embed_tokens and every model.layers.N output)`,
      );
    }
    inputs.residuals.forEach((r, i) => {
      if (!fits(r, T, h)) {
        throw new Error(
          `backward: residual ${i} is [${r.shape}]; want [${T}, ${h}] on this device`,
        );
      }
    });
    if ((inputs.target === undefined) === (inputs.dLogits === undefined)) {
      throw new Error("backward: give either a target (log p) or dLogits, not both or neither");
    }
    if (inputs.dLogits && !fits(inputs.dLogits, 1, c.vocabSize)) {
      throw new Error(`backward: dLogits [${inputs.dLogits.shape}]; want [1, ${c.vocabSize}]`);
    }
    if (inputs.target !== undefined && (!metric || metric.size !== 1)) {
      throw new Error("backward: a target's metric needs a [1] tensor to be written");
    }
    if (!fits(inputs.lastLogits, 1, c.vocabSize)) {
      throw new Error(
        `backward: lastLogits [${inputs.lastLogits.shape}]; want [1, ${c.vocabSize}]`,
      );
    }
    for (const name of this.gradientNames) {
      const g = grads.get(name);
      if (!g || !fits(g, T, h)) {
        throw new Error(
          `backward: gradient ${name} ${g ? `[${g.shape}]` : "missing"}; want [${T}, ${h}]`,
        );
      }
    }
  }

  dispose(): void {
    this.#scratch.dispose();
  }
}
