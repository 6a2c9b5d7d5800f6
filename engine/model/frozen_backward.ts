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
// residual stream and keeps what the backward reads (x, q, k, v, mid, gate, up
// per layer), each row repeated B times; `record` then runs B targets at once
// and walks down like engine/model/backward_plan.ts. The B targets are
// interleaved (row t * B + b is target b's position t), so every row-wise
// kernel simply sees T * B rows, and attention sees B * heads heads: head
// b * heads + h reads KV group b * kvHeads + h / group, which is target b's own
// copy, so one attention backward gives B independent dv. Seeds (the logits'
// gradient for target 0, or gradients at a site's output) enter when the walk
// reaches their module; at a *site* (a module whose output is replaced by graph
// nodes: SAE features + error) the walk writes the gradient there and passes
// only the seeds placed at that site through the module, because the nodes hold
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

/** What one batched frozen backward starts from. */
export interface FrozenSeeds {
  /** d logit / d logits [1, vocab] at the last position, for target 0 (one-hot for one logit). */
  dLogits?: Tensor<"f32">;
  /**
   * Per site module: gradients [T * B, hidden] at its output (row t * B + b
   * for target b; a feature's encoder row at its position), zero elsewhere.
   */
  at: ReadonlyMap<string, Tensor<"f32">>;
  /** The highest layer holding a seed (the last layer with dLogits): where the walk starts. */
  from: number;
}

type Kept = Record<"x" | "q" | "k" | "v" | "mid" | "gate" | "up", Tensor<"f32">>;

/** Every layer's recomputed forward, rows repeated B times, and the backward's scratch. */
class FrozenScratch {
  readonly all: Tensor<"f32">[] = [];
  readonly t: Record<string, Tensor<"f32">> = {};
  readonly kept: Kept[] = [];
  /** One layer's forward, not repeated. */
  readonly once: Omit<Kept, "x">;
  readonly ropeTable: Tensor<"f32">;

  constructor(gpu: Gpu, c: LlamaConfig, T: number, B: number) {
    const h = c.hiddenSize, qDim = c.numAttentionHeads * c.headDim;
    const kvDim = c.numKeyValueHeads * c.headDim, inter = c.intermediateSize;
    const mk = (name: string, shape: number[]) => {
      const t = Tensor.empty(gpu, `FrozenBackward.${name}`, shape, "f32");
      this.all.push(t);
      return t;
    };
    const R = T * B;
    const shapes: Record<string, number[]> = {
      xn: [T, h],
      att: [T, qDim],
      proj: [T, h],
      g: [R, h],
      dxn: [R, h],
      dAct: [R, inter],
      dGate: [R, inter],
      dUp: [R, inter],
      dAtt: [R, qDim],
      dq: [R, qDim],
      dk: [R, kvDim],
      dv: [R, kvDim],
      stats: [T, B * c.numAttentionHeads, 2],
      lastX: [1, h],
      lastG: [1, h],
      dNormed: [1, h],
    };
    try {
      for (const [name, shape] of Object.entries(shapes)) this.t[name] = mk(name, shape);
      this.once = {
        q: mk("once.q", [T, qDim]),
        k: mk("once.k", [T, kvDim]),
        v: mk("once.v", [T, kvDim]),
        mid: mk("once.mid", [T, h]),
        gate: mk("once.gate", [T, inter]),
        up: mk("once.up", [T, inter]),
      };
      for (let l = 0; l < c.numHiddenLayers; l++) {
        this.kept.push({
          x: mk(`${l}.x`, [R, h]),
          q: mk(`${l}.q`, [R, qDim]),
          k: mk(`${l}.k`, [R, kvDim]),
          v: mk(`${l}.v`, [R, kvDim]),
          mid: mk(`${l}.mid`, [R, h]),
          gate: mk(`${l}.gate`, [R, inter]),
          up: mk(`${l}.up`, [R, inter]),
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
 * sites, B targets per `record`: scratch allocated once, `prepare` recorded
 * once, `record` once per batch of targets.
 */
export class FrozenBackwardPlan {
  readonly config: LlamaConfig;
  readonly weights: LlamaWeights;
  readonly T: number;
  /** Targets per record. */
  readonly B: number;
  readonly sites: readonly SitePoint[];
  readonly #tree: LlamaModules;
  readonly #s: FrozenScratch;
  #prepared: readonly Tensor<"f32">[] | null = null;

  constructor(
    gpu: Gpu,
    config: LlamaConfig,
    weights: LlamaWeights,
    T: number,
    sites: string[],
    B = 1,
  ) {
    if (!Number.isInteger(T) || T < 1) {
      throw new UsageError(`attribution graph: a prompt of ${T} tokens; want at least 1`);
    }
    if (!Number.isInteger(B) || B < 1) throw new UsageError(`attribution graph: batch ${B}`);
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
    this.B = B;
    this.sites = sites.map((m) => sitePoint(config, m));
    this.#tree = LlamaModules.of(config);
    this.#s = new FrozenScratch(gpu, config, T, B);
  }

  /** The module names `record` writes: every site, then model.embed_tokens. */
  get outputNames(): string[] {
    return [...this.sites.map((s) => s.module), this.#tree.embed_tokens.name];
  }

  /** Bytes of the kept per-layer recompute and the scratch. */
  get bytes(): number {
    return this.#s.bytes;
  }

  #site(module: string): boolean {
    return this.sites.some((s) => s.module === module);
  }

  /** Copies src's T rows into dst's T * B rows, each B times (row t * B + b = row t). */
  #repeat(rec: Recorder, src: Tensor<"f32">, dst: Tensor<"f32">): void {
    const row = src.byteLength / this.T;
    for (let t = 0; t < this.T; t++) {
      for (let b = 0; b < this.B; b++) {
        const to = dst.offset + (t * this.B + b) * row;
        rec.copy(src.buffer, src.offset + t * row, dst.buffer, to, row);
      }
    }
  }

  /**
   * Records every layer's forward from its kept input (`residuals`: the
   * forward's model.embed_tokens and model.layers.N outputs, layers + 1 of
   * [T, hidden]): what the frozen model holds constant, computed once for all
   * the batches `record` runs afterwards.
   */
  prepare(rec: Recorder, residuals: readonly Tensor<"f32">[]): void {
    const c = this.config, w = this.weights, s = this.#s.t, o = this.#s.once, T = this.T;
    const h = c.hiddenSize, eps = c.rmsNormEps, L = c.numHiddenLayers;
    const heads = c.numAttentionHeads, kvHeads = c.numKeyValueHeads, headDim = c.headDim;
    if (residuals.length !== L + 1 || residuals.some((r) => r.size !== T * h)) {
      throw new Error(`frozen backward: want ${L + 1} residuals of [${T}, ${h}]`);
    }
    for (let l = 0; l < L; l++) {
      const lw = w.layers[l], x = residuals[l], k = this.#s.kept[l];
      rmsnorm(rec, x, lw.inputNorm, s.xn, eps);
      linear(rec, s.xn, lw.q, o.q);
      linear(rec, s.xn, lw.k, o.k);
      linear(rec, s.xn, lw.v, o.v);
      rope(rec, o.q.reshape([T, heads, headDim]), this.#s.ropeTable, 0);
      rope(rec, o.k.reshape([T, kvHeads, headDim]), this.#s.ropeTable, 0);
      const shape = { pastLength: 0, nHeads: heads, nKvHeads: kvHeads, headDim };
      attention(rec, o.q.reshape([T, heads, headDim]), o.k, o.v, s.att, shape);
      linear(rec, s.att, lw.o, s.proj);
      rec.copy(x.buffer, x.offset, o.mid.buffer, o.mid.offset, T * h * 4);
      addInPlace(rec, o.mid, s.proj);
      rmsnorm(rec, o.mid, lw.postNorm, s.xn, eps);
      linear(rec, s.xn, lw.gate, o.gate);
      linear(rec, s.xn, lw.up, o.up); // swiglu_backward reads it for d_gate, which is unused
      this.#repeat(rec, x, k.x);
      for (const n of ["q", "k", "v", "mid", "gate", "up"] as const) this.#repeat(rec, o[n], k[n]);
    }
    this.#prepared = residuals;
  }

  /**
   * Records one batched frozen backward from `seeds`: `out` (one [T * B,
   * hidden] tensor per outputNames entry, rows interleaved as the seeds)
   * receives the gradient at every site below each target's seed (zero where
   * not reached) and at model.embed_tokens' output. `prepare` must have been
   * recorded first (in this submission or an earlier one).
   */
  record(rec: Recorder, seeds: FrozenSeeds, out: ReadonlyMap<string, Tensor<"f32">>): void {
    const c = this.config, w = this.weights, s = this.#s.t, T = this.T, B = this.B, R = T * B;
    const h = c.hiddenSize, eps = c.rmsNormEps, L = c.numHiddenLayers, row = h * 4;
    const heads = c.numAttentionHeads, kvHeads = c.numKeyValueHeads, headDim = c.headDim;
    const residuals = this.#prepared;
    if (!residuals) throw new Error("frozen backward: record() before prepare()");
    for (const name of this.outputNames) {
      const o = out.get(name);
      if (!o || o.size !== R * h) throw new Error(`frozen backward: output ${name} missing`);
      rec.clear(o.buffer, o.offset, R * row);
    }
    for (const [m, g] of seeds.at) {
      if (!this.#site(m) || g.size !== R * h) {
        throw new Error(`frozen backward: seed at ${m} must be a site's [${R}, ${h}]`);
      }
    }
    const copyOut = (name: string) =>
      rec.copy(s.g.buffer, s.g.offset, out.get(name)!.buffer, out.get(name)!.offset, R * row);
    rec.clear(s.g.buffer, s.g.offset, R * row);
    if (seeds.dLogits) {
      linearBackward(rec, seeds.dLogits, w.lmHead, s.dNormed);
      const x = residuals[L];
      rec.copy(x.buffer, x.offset + (T - 1) * row, s.lastX.buffer, s.lastX.offset, row);
      rmsnormFrozen(rec, s.lastX, w.norm, s.dNormed, s.lastG, eps);
      rec.copy(s.lastG.buffer, s.lastG.offset, s.g.buffer, s.g.offset + (T - 1) * B * row, row);
    }
    const shape = { nHeads: B * heads, nKvHeads: B * kvHeads, headDim };
    for (let l = Math.min(seeds.from, L - 1); l >= 0; l--) {
      const lw = w.layers[l], m = this.#tree.layers[l], k = this.#s.kept[l];
      // ---- the layer's output: a site there takes the gradient; its seeds go on ----
      if (this.#site(m.name)) {
        copyOut(m.name);
        const seed = seeds.at.get(m.name);
        if (seed) rec.copy(seed.buffer, seed.offset, s.g.buffer, s.g.offset, R * row);
        else rec.clear(s.g.buffer, s.g.offset, R * row);
      }
      // ---- MLP: into it flows g, or at a site only the seeds placed there ----
      let input: Tensor<"f32"> | undefined = s.g;
      if (this.#site(m.mlp.name)) {
        copyOut(m.mlp.name);
        input = seeds.at.get(m.mlp.name);
      }
      if (input) {
        linearBackward(rec, input, lw.down, s.dAct);
        swigluBackward(rec, k.gate, k.up, s.dAct, s.dGate, s.dUp); // dUp = dAct silu(gate)
        linearBackward(rec, s.dUp, lw.up, s.dxn);
        rmsnormFrozen(rec, k.mid, lw.postNorm, s.dxn, s.g, eps, true);
      }
      // ---- attention, likewise: g is now dm/d mid ----
      input = s.g;
      if (this.#site(m.self_attn.name)) {
        copyOut(m.self_attn.name);
        input = seeds.at.get(m.self_attn.name);
      }
      if (input) {
        linearBackward(rec, input, lw.o, s.dAtt);
        attentionBackward(rec, {
          q: k.q.reshape([T, B * heads, headDim]),
          k: k.k.reshape([T, B * kvHeads, headDim]),
          v: k.v.reshape([T, B * kvHeads, headDim]),
          dOut: s.dAtt.reshape([T, B * heads, headDim]),
          dq: s.dq.reshape([T, B * heads, headDim]),
          dk: s.dk.reshape([T, B * kvHeads, headDim]),
          dv: s.dv.reshape([T, B * kvHeads, headDim]),
          stats: s.stats,
        }, shape); // only dv = P^T dO is used
        linearBackward(rec, s.dv, lw.v, s.dxn);
        rmsnormFrozen(rec, k.x, lw.inputNorm, s.dxn, s.g, eps, true);
      }
    }
    const e = out.get(this.#tree.embed_tokens.name)!;
    rec.copy(s.g.buffer, s.g.offset, e.buffer, e.offset, R * row);
  }

  dispose(): void {
    this.#s.dispose();
  }
}
