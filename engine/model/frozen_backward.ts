// The backward pass of the *frozen* Llama model that attribution graphs use
// (sae/attribution_graph.ts, as circuit-tracer's local replacement model):
// the attention probabilities, every RMSNorm's 1/rms scale and every MLP's
// SiLU(gate) are held at their values on the prompt, so each layer is linear
// in its input and the map from any set of residual-stream contributions to a
// logit (or an SAE feature's pre-activation) is linear with no constant term:
//
//   attention   o = W_o (P (W_v (w1 . x / rms(x))))          P frozen
//   MLP         d = W_down (silu(gate) . W_up (w2 . m / rms(m)))   rms, silu(gate) frozen
//
// The gradient of that map reuses the ordinary backward kernels:
// rmsnorm_frozen (w . dy / rms(x)), swiglu_backward's d_up (d_act . silu(gate);
// its d_gate is not used), attention_backward's dv (P^T dO; its dq and dk are
// not used, they would carry the probabilities' own dependence on x) and
// linear_backward. `prepare` recomputes every layer once from the kept
// residual stream and keeps what the backward reads (q, k, v, mid, gate, up per
// layer); `record` then starts from a seed (the logits' gradient, or a
// gradient at a module's output) and walks down like
// engine/model/backward_plan.ts, as often as there are targets; at a *site* (a module whose
// output is replaced by graph nodes: SAE features + error) it writes the
// gradient there and does not pass through the module, because the nodes hold
// the site's output constant. What reaches model.embed_tokens is written last.

import type { Gpu } from "../gpu/gpu.ts";
import type { Recorder } from "../gpu/recorder.ts";
import { Tensor } from "../ops/tensor.ts";
import type { LlamaConfig } from "../formats/config.ts";
import { UsageError } from "../errors.ts";
import { BlockMatrix } from "../quant/block_matrix.ts";
import { addInPlace } from "../../shaders/add.ts";
import { attention } from "../../shaders/attention.ts";
import { attentionBackward } from "../../shaders/attention_backward.ts";
import { linear } from "../../shaders/linear.ts";
import { linearBackward } from "../../shaders/linear_backward.ts";
import { rmsnorm } from "../../shaders/rmsnorm.ts";
import { rmsnormFrozen } from "../../shaders/rmsnorm_frozen.ts";
import { rope } from "../../shaders/rope.ts";
import { swigluBackward } from "../../shaders/swiglu_backward.ts";
import { LlamaModules } from "./modules.ts";
import { ropeInvFreq, ropeTable } from "./rope.ts";
import type { LlamaWeights } from "./weights.ts";

/** Where a module sits in a layer: its output, its MLP's or its attention's. */
export interface SitePoint {
  /** The module name. */
  module: string;
  /** The decoder layer. */
  layer: number;
  /** "layer" (model.layers.N, the residual stream), "mlp" or "self_attn". */
  kind: "layer" | "mlp" | "self_attn";
}

/** Classifies a module name as a point the frozen backward can seed or stop at. */
export function sitePoint(config: LlamaConfig, module: string): SitePoint {
  const tree = LlamaModules.of(config);
  for (const m of tree.layers) {
    if (m.name === module) return { module, layer: m.layer, kind: "layer" };
    if (m.mlp.name === module) return { module, layer: m.layer, kind: "mlp" };
    if (m.self_attn.name === module) return { module, layer: m.layer, kind: "self_attn" };
  }
  throw new UsageError(
    `attribution graph: "${module}" is not a site; want model.layers.N, model.layers.N.mlp ` +
      `or model.layers.N.self_attn (N < ${config.numHiddenLayers})`,
  );
}

/** Where a frozen backward starts. */
export type FrozenSeed =
  /** d logit / d logits [1, vocab] at the last position (one-hot for one logit). */
  | { kind: "logits"; dLogits: Tensor<"f32"> }
  /** A gradient [T, hidden] at a module's output (a feature's encoder row at its position). */
  | { kind: "module"; module: string; g: Tensor<"f32"> };

/** Every layer's recomputed forward (what the frozen model holds) and the backward's scratch. */
class FrozenScratch {
  readonly all: Tensor<"f32">[] = [];
  readonly t: Record<string, Tensor<"f32">> = {};
  /** Per layer: q, k after RoPE, v (attention backward's P), mid and gate, up (swiglu backward). */
  readonly kept: Record<"q" | "k" | "v" | "mid" | "gate" | "up", Tensor<"f32">>[] = [];
  readonly ropeTable: Tensor<"f32">;

  constructor(gpu: Gpu, c: LlamaConfig, T: number) {
    const h = c.hiddenSize, qDim = c.numAttentionHeads * c.headDim;
    const kvDim = c.numKeyValueHeads * c.headDim, inter = c.intermediateSize;
    const mk = (name: string, shape: number[]) => {
      const t = Tensor.empty(gpu, `FrozenBackward.${name}`, shape, "f32");
      this.all.push(t);
      return t;
    };
    const shapes: Record<string, number[]> = {
      xn: [T, h],
      att: [T, qDim],
      proj: [T, h],
      g: [T, h],
      dxn: [T, h],
      dAct: [T, inter],
      dGate: [T, inter],
      dUp: [T, inter],
      dAtt: [T, qDim],
      dq: [T, qDim],
      dk: [T, kvDim],
      dv: [T, kvDim],
      stats: [T, c.numAttentionHeads, 2],
      lastX: [1, h],
      lastG: [1, h],
      dNormed: [1, h],
    };
    try {
      for (const [name, shape] of Object.entries(shapes)) this.t[name] = mk(name, shape);
      for (let l = 0; l < c.numHiddenLayers; l++) {
        this.kept.push({
          q: mk(`${l}.q`, [T, qDim]),
          k: mk(`${l}.k`, [T, kvDim]),
          v: mk(`${l}.v`, [T, kvDim]),
          mid: mk(`${l}.mid`, [T, h]),
          gate: mk(`${l}.gate`, [T, inter]),
          up: mk(`${l}.up`, [T, inter]),
        });
      }
      const freq = ropeInvFreq(c.headDim, c.ropeTheta, c.ropeScaling, c.ropeFreqFactors);
      this.ropeTable = Tensor.from(
        gpu,
        "FrozenBackward.ropeTable",
        ropeTable(freq, T),
        [T, freq.length, 2],
        "f32",
      );
      this.all.push(this.ropeTable);
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

/**
 * The frozen model's backward over prompts of exactly T tokens with the given
 * sites: scratch allocated once, `record` run once per seed.
 */
export class FrozenBackwardPlan {
  readonly config: LlamaConfig;
  readonly weights: LlamaWeights;
  readonly T: number;
  readonly sites: readonly SitePoint[];
  readonly #tree: LlamaModules;
  readonly #s: FrozenScratch;
  #prepared: readonly Tensor<"f32">[] | null = null;

  constructor(gpu: Gpu, config: LlamaConfig, weights: LlamaWeights, T: number, sites: string[]) {
    if (!Number.isInteger(T) || T < 1) {
      throw new UsageError(`attribution graph: a prompt of ${T} tokens; want at least 1`);
    }
    const matrices = [weights.lmHead];
    for (const l of weights.layers) matrices.push(l.v, l.o, l.up, l.down, l.q, l.k, l.gate);
    const block = matrices.find((m) => m instanceof BlockMatrix);
    if (block) {
      throw new UsageError(
        `attribution graph: ${block.label} is stored as ${block.format} (a GGML block format), ` +
          `which has no backward kernel yet; load the model with quant "f32", "q8" or "q4"`,
      );
    }
    this.config = config;
    this.weights = weights;
    this.T = T;
    this.sites = sites.map((m) => sitePoint(config, m));
    this.#tree = LlamaModules.of(config);
    this.#s = new FrozenScratch(gpu, config, T);
  }

  /** The module names `record` writes: every site, then model.embed_tokens. */
  get outputNames(): string[] {
    return [...this.sites.map((s) => s.module), this.#tree.embed_tokens.name];
  }

  #site(module: string): boolean {
    return this.sites.some((s) => s.module === module);
  }

  /** Bytes of the kept per-layer recompute and the scratch. */
  get bytes(): number {
    return this.#s.bytes;
  }

  /**
   * Records every layer's forward from its kept input (`residuals`: the
   * forward's model.embed_tokens and model.layers.N outputs, layers + 1 of
   * [T, hidden]): what the frozen model holds constant, computed once for all
   * the seeds `record` runs afterwards.
   */
  prepare(rec: Recorder, residuals: readonly Tensor<"f32">[]): void {
    const c = this.config, w = this.weights, s = this.#s.t, T = this.T;
    const h = c.hiddenSize, eps = c.rmsNormEps, L = c.numHiddenLayers;
    const heads = c.numAttentionHeads, kvHeads = c.numKeyValueHeads, headDim = c.headDim;
    if (residuals.length !== L + 1 || residuals.some((r) => r.size !== T * h)) {
      throw new Error(`frozen backward: want ${L + 1} residuals of [${T}, ${h}]`);
    }
    for (let l = 0; l < L; l++) {
      const lw = w.layers[l], x = residuals[l], k = this.#s.kept[l];
      rmsnorm(rec, x, lw.inputNorm, s.xn, eps);
      linear(rec, s.xn, lw.q, k.q);
      linear(rec, s.xn, lw.k, k.k);
      linear(rec, s.xn, lw.v, k.v);
      rope(rec, k.q.reshape([T, heads, headDim]), this.#s.ropeTable, 0);
      rope(rec, k.k.reshape([T, kvHeads, headDim]), this.#s.ropeTable, 0);
      const shape = { pastLength: 0, nHeads: heads, nKvHeads: kvHeads, headDim };
      attention(rec, k.q.reshape([T, heads, headDim]), k.k, k.v, s.att, shape);
      linear(rec, s.att, lw.o, s.proj);
      rec.copy(x.buffer, x.offset, k.mid.buffer, k.mid.offset, T * h * 4);
      addInPlace(rec, k.mid, s.proj);
      rmsnorm(rec, k.mid, lw.postNorm, s.xn, eps);
      linear(rec, s.xn, lw.gate, k.gate);
      linear(rec, s.xn, lw.up, k.up); // swiglu_backward reads it for d_gate, which is unused
    }
    this.#prepared = residuals;
  }

  /**
   * Records one frozen backward from `seed`: `out` (one [T, hidden] tensor per
   * outputNames entry) receives the gradient at every site below the seed
   * (zero for sites not reached) and at model.embed_tokens' output. `prepare`
   * must have been recorded first (in this submission or an earlier one).
   */
  record(rec: Recorder, seed: FrozenSeed, out: ReadonlyMap<string, Tensor<"f32">>): void {
    const c = this.config, w = this.weights, s = this.#s.t, T = this.T;
    const h = c.hiddenSize, eps = c.rmsNormEps, L = c.numHiddenLayers, row = h * 4;
    const heads = c.numAttentionHeads, kvHeads = c.numKeyValueHeads, headDim = c.headDim;
    const residuals = this.#prepared;
    if (!residuals) throw new Error("frozen backward: record() before prepare()");
    for (const name of this.outputNames) {
      const o = out.get(name);
      if (!o || o.size !== T * h) throw new Error(`frozen backward: output ${name} missing`);
      rec.clear(o.buffer, o.offset, T * row);
    }
    const copyOut = (name: string) =>
      rec.copy(s.g.buffer, s.g.offset, out.get(name)!.buffer, out.get(name)!.offset, T * row);

    let top: SitePoint | null = null;
    if (seed.kind === "logits") {
      linearBackward(rec, seed.dLogits, w.lmHead, s.dNormed);
      const x = residuals[L];
      rec.copy(x.buffer, x.offset + (T - 1) * row, s.lastX.buffer, s.lastX.offset, row);
      rmsnormFrozen(rec, s.lastX, w.norm, s.dNormed, s.lastG, eps);
      rec.clear(s.g.buffer, s.g.offset, T * row);
      rec.copy(s.lastG.buffer, s.lastG.offset, s.g.buffer, s.g.offset + (T - 1) * row, row);
    } else {
      top = sitePoint(c, seed.module);
      if (seed.g.size !== T * h) throw new Error(`frozen backward: seed must be [${T}, ${h}]`);
      rec.copy(seed.g.buffer, seed.g.offset, s.g.buffer, s.g.offset, T * row);
    }
    const start = top ? top.layer : L - 1;
    for (let l = start; l >= 0; l--) {
      const lw = w.layers[l], m = this.#tree.layers[l], x = residuals[l], k = this.#s.kept[l];
      const seeded = (kind: SitePoint["kind"]) => top?.layer === l && top.kind === kind;
      // ---- the layer's output (the residual stream) ----
      if (!seeded("layer") && !seeded("mlp") && !seeded("self_attn") && this.#site(m.name)) {
        copyOut(m.name); // replaced by its nodes: nothing below reaches the graph through it
        return; // model.embed_tokens' output stays 0
      }
      // ---- MLP: g is dm/d(mlp output); the branch adds to dm/d mid ----
      if (!seeded("self_attn")) {
        const passing = !seeded("mlp") && this.#site(m.mlp.name);
        if (passing) copyOut(m.mlp.name);
        else {
          linearBackward(rec, s.g, lw.down, s.dAct);
          swigluBackward(rec, k.gate, k.up, s.dAct, s.dGate, s.dUp); // dUp = dAct silu(gate)
          linearBackward(rec, s.dUp, lw.up, s.dxn);
          // Seeded at the MLP's output, the residual path does not carry the seed.
          rmsnormFrozen(rec, k.mid, lw.postNorm, s.dxn, s.g, eps, !seeded("mlp"));
        }
      }
      // ---- attention: g is dm/d mid; the branch adds to dm/d x ----
      const passing = !seeded("self_attn") && this.#site(m.self_attn.name);
      if (passing) copyOut(m.self_attn.name);
      else {
        linearBackward(rec, s.g, lw.o, s.dAtt);
        attentionBackward(rec, {
          q: k.q.reshape([T, heads, headDim]),
          k: k.k.reshape([T, kvHeads, headDim]),
          v: k.v.reshape([T, kvHeads, headDim]),
          dOut: s.dAtt.reshape([T, heads, headDim]),
          dq: s.dq.reshape([T, heads, headDim]),
          dk: s.dk.reshape([T, kvHeads, headDim]),
          dv: s.dv.reshape([T, kvHeads, headDim]),
          stats: s.stats,
        }, { nHeads: heads, nKvHeads: kvHeads, headDim }); // only dv = P^T dO is used
        linearBackward(rec, s.dv, lw.v, s.dxn);
        rmsnormFrozen(rec, x, lw.inputNorm, s.dxn, s.g, eps, !seeded("self_attn"));
      }
    }
    this.#finish(rec, out);
  }

  #finish(rec: Recorder, out: ReadonlyMap<string, Tensor<"f32">>): void {
    const s = this.#s.t, e = out.get(this.#tree.embed_tokens.name)!;
    const bytes = this.T * this.config.hiddenSize * 4;
    rec.copy(s.g.buffer, s.g.offset, e.buffer, e.offset, bytes);
  }

  dispose(): void {
    this.#s.dispose();
  }
}
