// A plain-TS float64 forward of the whole Llama model, for checking gradients
// by central finite differences: every activation is f64 (the f32 kernel
// references round their outputs, which would swamp a difference quotient),
// and one element of any module output on the residual stream can be nudged.

import type { LlamaConfig } from "../formats/config.ts";
import { readWeightMatrix } from "../quant/matrix.ts";
import { type HostLayer, readLayer } from "./reference.ts";
import { LlamaModules } from "./modules.ts";
import { ropeInvFreq } from "./rope.ts";
import type { LlamaWeights } from "./weights.ts";

/** A one-device model's weights on the host, as the device format stands for them. */
export interface HostModel {
  config: LlamaConfig;
  embed: Float32Array; // [vocab, hidden]
  layers: HostLayer[];
  norm: Float32Array; // [hidden]
  lmHead: Float32Array; // [vocab, hidden]
}

export async function readHostModel(c: LlamaConfig, w: LlamaWeights): Promise<HostModel> {
  const layers: HostLayer[] = [];
  for (const l of w.layers) layers.push(await readLayer(l));
  const embed = await readWeightMatrix(w.embed);
  const lmHead = w.lmHead === w.embed ? embed : await readWeightMatrix(w.lmHead);
  return { config: c, embed, layers, norm: await w.norm.toArray(), lmHead };
}

/** Adds `delta` to element [position, index] of a module's output as it is made. */
export interface Nudge {
  /** model.embed_tokens, model.layers.N, model.layers.N.self_attn or model.layers.N.mlp. */
  module: string;
  position: number;
  index: number;
  delta: number;
}

function rmsnorm(x: Float64Array, w: ArrayLike<number>, h: number, eps: number): Float64Array {
  const out = new Float64Array(x.length);
  for (let b = 0; b < x.length; b += h) {
    let ss = 0;
    for (let i = 0; i < h; i++) ss += x[b + i] ** 2;
    const r = 1 / Math.sqrt(ss / h + eps);
    for (let i = 0; i < h; i++) out[b + i] = w[i] * x[b + i] * r;
  }
  return out;
}

/** x [T, k] @ w [n, k]^T. */
function linear(x: Float64Array, w: ArrayLike<number>, k: number, n: number): Float64Array {
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

/** HF rotate-half in place, at positions 0..T-1; angles from f32 inv_freq as ropeTable. */
function rope(x: Float64Array, heads: number, d: number, invFreq: Float32Array) {
  const half = d / 2, T = x.length / (heads * d);
  for (let t = 0; t < T; t++) {
    for (let h = 0; h < heads; h++) {
      const b = (t * heads + h) * d;
      for (let i = 0; i < half; i++) {
        const c = Math.cos(t * invFreq[i]), s = Math.sin(t * invFreq[i]);
        const x1 = x[b + i], x2 = x[b + i + half];
        x[b + i] = x1 * c - x2 * s;
        x[b + i + half] = x2 * c + x1 * s;
      }
    }
  }
}

function attention(q: Float64Array, k: Float64Array, v: Float64Array, c: LlamaConfig) {
  const nq = c.numAttentionHeads, nkv = c.numKeyValueHeads, d = c.headDim;
  const T = q.length / (nq * d), group = nq / nkv, scale = 1 / Math.sqrt(d);
  const out = new Float64Array(q.length);
  for (let t = 0; t < T; t++) {
    for (let h = 0; h < nq; h++) {
      const qb = (t * nq + h) * d, g = Math.floor(h / group);
      const s = new Float64Array(t + 1);
      let max = -Infinity;
      for (let j = 0; j <= t; j++) {
        let dot = 0;
        for (let i = 0; i < d; i++) dot += q[qb + i] * k[(j * nkv + g) * d + i];
        s[j] = dot * scale;
        max = Math.max(max, s[j]);
      }
      let sum = 0;
      for (let j = 0; j <= t; j++) sum += s[j] = Math.exp(s[j] - max);
      for (let j = 0; j <= t; j++) {
        for (let i = 0; i < d; i++) out[qb + i] += (s[j] / sum) * v[(j * nkv + g) * d + i];
      }
    }
  }
  return out;
}

/**
 * The last position's logits [vocab] in f64 for `tokens` from position 0,
 * with an optional nudge of one module output element.
 */
export function forwardF64(m: HostModel, tokens: ArrayLike<number>, nudge?: Nudge): Float64Array {
  const c = m.config, h = c.hiddenSize, T = tokens.length, d = c.headDim;
  const nq = c.numAttentionHeads, nkv = c.numKeyValueHeads, inter = c.intermediateSize;
  const tree = LlamaModules.of(c);
  const invFreq = Float32Array.from(ropeInvFreq(d, c.ropeTheta, c.ropeScaling, c.ropeFreqFactors));
  const apply = (name: string, x: Float64Array) => {
    if (nudge?.module === name) x[nudge.position * h + nudge.index] += nudge.delta;
  };
  let x = new Float64Array(T * h);
  for (let t = 0; t < T; t++) {
    for (let i = 0; i < h; i++) x[t * h + i] = m.embed[tokens[t] * h + i];
  }
  apply(tree.embed_tokens.name, x);
  m.layers.forEach((w, l) => {
    const mod = tree.layers[l];
    const xn = rmsnorm(x, w.inputNorm, h, c.rmsNormEps);
    const q = linear(xn, w.q, h, nq * d), k = linear(xn, w.k, h, nkv * d);
    rope(q, nq, d, invFreq);
    rope(k, nkv, d, invFreq);
    const o = linear(attention(q, k, linear(xn, w.v, h, nkv * d), c), w.o, nq * d, h);
    apply(mod.self_attn.name, o);
    const mid = x.map((v, i) => v + o[i]);
    const mn = rmsnorm(mid, w.postNorm, h, c.rmsNormEps);
    const gate = linear(mn, w.gate, h, inter), up = linear(mn, w.up, h, inter);
    const act = gate.map((g, i) => (g / (1 + Math.exp(-g))) * up[i]);
    const down = linear(act, w.down, inter, h);
    apply(mod.mlp.name, down);
    x = mid.map((v, i) => v + down[i]);
    apply(mod.name, x);
  });
  const last = rmsnorm(x.slice((T - 1) * h), m.norm, h, c.rmsNormEps);
  return linear(last, m.lmHead, h, c.vocabSize);
}

/** log p(y) from logits, without the cancellation of l_y - logsumexp(l) when p(y) is near 1. */
export function logProbF64(logits: ArrayLike<number>, y: number): number {
  let others = 0;
  for (let k = 0; k < logits.length; k++) if (k !== y) others += Math.exp(logits[k] - logits[y]);
  return -Math.log1p(others);
}
