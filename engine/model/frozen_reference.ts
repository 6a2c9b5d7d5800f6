// The frozen Llama model in plain-TS float64, the reference attribution graphs
// are tested against (sae/attribution_graph_reference.ts): one real forward
// records what the frozen model holds constant (every attention probability,
// every RMSNorm's 1/rms, every SiLU(gate)), then the frozen model runs
// *forward* from injected contributions. It is linear, so one forward per
// source node gives that node's direct effect on every target at once: the
// opposite direction from the GPU's per-target backward
// (engine/model/frozen_backward.ts), and explicit P instead of recomputed
// probabilities, so the two share no code.

import { LlamaModules } from "./modules.ts";
import { ropeInvFreq } from "./rope.ts";
import type { HostModel } from "./backward_reference.ts";

/** What one real f64 forward fixes for the frozen model, and its module outputs. */
export interface FrozenRun {
  model: HostModel;
  tokens: number[];
  /** Per layer: 1 / rms of the layer input [T], of mid [T]; P [heads, T, T]; silu(gate) [T, inter]. */
  layers: { rIn: Float64Array; rPost: Float64Array; P: Float64Array; silu: Float64Array }[];
  /** 1 / rms of the final residual at the last position. */
  rFinal: number;
  /** Every embed_tokens, self_attn, mlp and layer output [T, hidden], as the real model made it. */
  outputs: Map<string, Float64Array>;
  /** The last position's logits. */
  logits: Float64Array;
}

function inverseRms(x: Float64Array, h: number, eps: number): Float64Array {
  const T = x.length / h, r = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    let ss = 0;
    for (let i = 0; i < h; i++) ss += x[t * h + i] ** 2;
    r[t] = 1 / Math.sqrt(ss / h + eps);
  }
  return r;
}

function scaleRows(x: Float64Array, w: ArrayLike<number>, r: Float64Array, h: number) {
  return x.map((v, i) => v * w[i % h] * r[Math.floor(i / h)]);
}

/** x [T, k] @ w [n, k]^T in f64. */
function matmul(x: Float64Array, w: ArrayLike<number>, k: number, n: number): Float64Array {
  const T = x.length / k, out = new Float64Array(T * n);
  for (let t = 0; t < T; t++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = 0; i < k; i++) s += x[t * k + i] * w[j * k + i];
      out[t * n + j] = s;
    }
  }
  return out;
}

/** HF rotate-half at positions 0..T-1 in place. */
function rotate(x: Float64Array, heads: number, d: number, invFreq: Float32Array): void {
  const half = d / 2, T = x.length / (heads * d);
  for (let t = 0; t < T; t++) {
    for (let hd = 0; hd < heads; hd++) {
      const b = (t * heads + hd) * d;
      for (let i = 0; i < half; i++) {
        const c = Math.cos(t * invFreq[i]), s = Math.sin(t * invFreq[i]);
        const x1 = x[b + i], x2 = x[b + i + half];
        x[b + i] = x1 * c - x2 * s;
        x[b + i + half] = x2 * c + x1 * s;
      }
    }
  }
}

/** out [T, heads * d] = P v per head, P [heads, T, T], v [T, kvHeads * d]. */
function applyP(P: Float64Array, v: Float64Array, T: number, heads: number, kv: number, d: number) {
  const out = new Float64Array(T * heads * d), group = heads / kv;
  for (let hd = 0; hd < heads; hd++) {
    const g = Math.floor(hd / group);
    for (let t = 0; t < T; t++) {
      for (let j = 0; j <= t; j++) {
        const p = P[(hd * T + t) * T + j];
        for (let i = 0; i < d; i++) out[(t * heads + hd) * d + i] += p * v[(j * kv + g) * d + i];
      }
    }
  }
  return out;
}

/** The real f64 forward over `tokens`, keeping what the frozen model needs. */
export function frozenRun(m: HostModel, tokens: number[]): FrozenRun {
  const c = m.config, h = c.hiddenSize, T = tokens.length, d = c.headDim;
  const nq = c.numAttentionHeads, nkv = c.numKeyValueHeads, inter = c.intermediateSize;
  const eps = c.rmsNormEps, tree = LlamaModules.of(c);
  const invFreq = Float32Array.from(ropeInvFreq(d, c.ropeTheta, c.ropeScaling, c.ropeFreqFactors));
  const outputs = new Map<string, Float64Array>();
  let x = new Float64Array(T * h);
  tokens.forEach((tok, t) => {
    for (let i = 0; i < h; i++) x[t * h + i] = m.embed[tok * h + i];
  });
  outputs.set(tree.embed_tokens.name, x);
  const layers: FrozenRun["layers"] = [];
  m.layers.forEach((w, l) => {
    const rIn = inverseRms(x, h, eps), xn = scaleRows(x, w.inputNorm, rIn, h);
    const q = matmul(xn, w.q, h, nq * d), k = matmul(xn, w.k, h, nkv * d);
    rotate(q, nq, d, invFreq);
    rotate(k, nkv, d, invFreq);
    const P = new Float64Array(nq * T * T), group = nq / nkv;
    for (let hd = 0; hd < nq; hd++) {
      for (let t = 0; t < T; t++) {
        const s = new Float64Array(t + 1);
        let max = -Infinity, sum = 0;
        for (let j = 0; j <= t; j++) {
          let dot = 0;
          for (let i = 0; i < d; i++) {
            dot += q[(t * nq + hd) * d + i] * k[(j * nkv + Math.floor(hd / group)) * d + i];
          }
          max = Math.max(max, s[j] = dot / Math.sqrt(d));
        }
        for (let j = 0; j <= t; j++) sum += s[j] = Math.exp(s[j] - max);
        for (let j = 0; j <= t; j++) P[(hd * T + t) * T + j] = s[j] / sum;
      }
    }
    const o = matmul(applyP(P, matmul(xn, w.v, h, nkv * d), T, nq, nkv, d), w.o, nq * d, h);
    const mod = tree.layers[l];
    outputs.set(mod.self_attn.name, o);
    const mid = x.map((v, i) => v + o[i]);
    const rPost = inverseRms(mid, h, eps), mn = scaleRows(mid, w.postNorm, rPost, h);
    const gate = matmul(mn, w.gate, h, inter), up = matmul(mn, w.up, h, inter);
    const silu = gate.map((g) => g / (1 + Math.exp(-g)));
    const down = matmul(silu.map((s, i) => s * up[i]), w.down, inter, h);
    outputs.set(mod.mlp.name, down);
    x = mid.map((v, i) => v + down[i]);
    outputs.set(mod.name, x);
    layers.push({ rIn, rPost, P, silu });
  });
  const rFinal = inverseRms(x.slice((T - 1) * h), h, eps)[0];
  const last = scaleRows(x.slice((T - 1) * h), m.norm, Float64Array.of(rFinal), h);
  return {
    model: m,
    tokens,
    layers,
    rFinal,
    outputs,
    logits: matmul(last, m.lmHead, h, c.vocabSize),
  };
}

/** What a frozen forward computed at every module (before a site replaced it), and the last logits. */
export interface FrozenForward {
  at: Map<string, Float64Array>;
  logits: Float64Array;
}

/**
 * The frozen model from contributions injected at module outputs ([T, hidden]
 * each, zero elsewhere; the embedding too). A module in `sites` has its
 * computed output replaced by what is injected there (its nodes), so nothing
 * flows through it; every other module's output gets the injection added.
 */
export function frozenForward(
  run: FrozenRun,
  inject: ReadonlyMap<string, Float64Array>,
  sites: ReadonlySet<string>,
): FrozenForward {
  const m = run.model, c = m.config, h = c.hiddenSize, T = run.tokens.length, d = c.headDim;
  const nq = c.numAttentionHeads, nkv = c.numKeyValueHeads, inter = c.intermediateSize;
  const tree = LlamaModules.of(c), at = new Map<string, Float64Array>();
  const point = (name: string, computed: Float64Array): Float64Array => {
    at.set(name, computed);
    const v = sites.has(name) ? new Float64Array(computed.length) : computed.slice();
    const add = inject.get(name);
    if (add) { for (let i = 0; i < v.length; i++) v[i] += add[i]; }
    return v;
  };
  let x = point(tree.embed_tokens.name, new Float64Array(T * h));
  m.layers.forEach((w, l) => {
    const f = run.layers[l], mod = tree.layers[l];
    const xn = scaleRows(x, w.inputNorm, f.rIn, h);
    const att = applyP(f.P, matmul(xn, w.v, h, nkv * d), T, nq, nkv, d);
    const o = point(mod.self_attn.name, matmul(att, w.o, nq * d, h));
    const mid = x.map((v, i) => v + o[i]);
    const up = matmul(scaleRows(mid, w.postNorm, f.rPost, h), w.up, h, inter);
    const down = point(mod.mlp.name, matmul(up.map((u, i) => u * f.silu[i]), w.down, inter, h));
    x = point(mod.name, mid.map((v, i) => v + down[i]));
  });
  const last = scaleRows(x.slice((T - 1) * h), m.norm, Float64Array.of(run.rFinal), h);
  return { at, logits: matmul(last, m.lmHead, h, c.vocabSize) };
}
