// Causal GQA attention backward with respect to q, k and v, for a prompt from
// position 0 (no KV-cache past): two dispatches, the query half then the key
// half. Memory beyond the inputs and gradients is the [T, nHeads, 2] stats;
// the [T, T] probabilities are recomputed, never stored.

import type { Recorder } from "../engine/gpu/recorder.ts";
import { overlaps } from "./backward_checks.ts";
import {
  ATTENTION_BACKWARD_MAX_HEAD_DIM,
  attentionBackwardQuery,
  type AttentionBackwardTensors,
} from "./attention_backward_query.ts";
import { attentionBackwardKey } from "./attention_backward_key.ts";

export type { AttentionBackwardTensors };

/** Bytes of the stats scratch for T queries of nHeads heads. */
export function attentionBackwardStatsBytes(T: number, nHeads: number): number {
  return T * nHeads * 2 * 4;
}

/** Records dq, dk, dv of out = softmax(q k^T / sqrt(headDim), causal) v (GQA). */
export function attentionBackward(
  rec: Recorder,
  t: AttentionBackwardTensors,
  shape: { nHeads: number; nKvHeads: number; headDim: number },
): void {
  const { nHeads, nKvHeads, headDim } = shape;
  const T = t.q.shape[0];
  const where = `attentionBackward(T=${T}, heads ${nHeads}/${nKvHeads}, headDim ${headDim})`;
  if (nKvHeads <= 0 || nHeads % nKvHeads !== 0) {
    throw new Error(`${where}: nHeads must be a multiple of nKvHeads`);
  }
  if (headDim > ATTENTION_BACKWARD_MAX_HEAD_DIM) {
    throw new Error(`${where}: headDim exceeds this kernel's ${ATTENTION_BACKWARD_MAX_HEAD_DIM}`);
  }
  const want: [keyof AttentionBackwardTensors, number][] = [
    ["q", nHeads * headDim],
    ["dOut", nHeads * headDim],
    ["dq", nHeads * headDim],
    ["k", nKvHeads * headDim],
    ["v", nKvHeads * headDim],
    ["dk", nKvHeads * headDim],
    ["dv", nKvHeads * headDim],
    ["stats", nHeads * 2],
  ];
  for (const [name, row] of want) {
    if (t[name].size !== T * row) {
      throw new Error(`${where}: ${name} [${t[name].shape}] must hold ${T} rows of ${row}`);
    }
  }
  const inputs = [t.q, t.k, t.v, t.dOut];
  for (const out of ["dq", "dk", "dv", "stats"] as const) {
    if (inputs.some((x) => overlaps(t[out], x))) {
      throw new Error(`${where}: ${out} overlaps an input`);
    }
  }
  if (T > rec.gpu.device.limits.maxComputeWorkgroupsPerDimension) {
    throw new Error(`${where}: more queries than workgroups per dimension; split the prompt`);
  }
  const params = { T, n_heads: nHeads, n_kv_heads: nKvHeads, head_dim: headDim };
  attentionBackwardQuery(rec, t, params);
  attentionBackwardKey(rec, t, params);
}

/** dq, dk, dv in f64 with the [T, T] probabilities formed explicitly (the plain way). */
export function attentionBackwardReference(
  q: ArrayLike<number>,
  k: ArrayLike<number>,
  v: ArrayLike<number>,
  dOut: ArrayLike<number>,
  T: number,
  { nHeads, nKvHeads, headDim }: { nHeads: number; nKvHeads: number; headDim: number },
): { dq: Float64Array; dk: Float64Array; dv: Float64Array } {
  const dq = new Float64Array(T * nHeads * headDim);
  const dk = new Float64Array(T * nKvHeads * headDim);
  const dv = new Float64Array(T * nKvHeads * headDim);
  const group = nHeads / nKvHeads, scale = 1 / Math.sqrt(headDim);
  const qi = (t: number, h: number) => (t * nHeads + h) * headDim;
  const ki = (t: number, g: number) => (t * nKvHeads + g) * headDim;
  for (let h = 0; h < nHeads; h++) {
    const g = Math.floor(h / group);
    for (let t = 0; t < T; t++) {
      const prob = new Float64Array(t + 1), dp = new Float64Array(t + 1);
      let max = -Infinity;
      for (let j = 0; j <= t; j++) {
        let s = 0;
        for (let d = 0; d < headDim; d++) s += q[qi(t, h) + d] * k[ki(j, g) + d];
        prob[j] = s * scale;
        max = Math.max(max, prob[j]);
      }
      let sum = 0;
      for (let j = 0; j <= t; j++) sum += prob[j] = Math.exp(prob[j] - max);
      let big = 0;
      for (let j = 0; j <= t; j++) {
        prob[j] /= sum;
        for (let d = 0; d < headDim; d++) dp[j] += dOut[qi(t, h) + d] * v[ki(j, g) + d];
        big += prob[j] * dp[j];
      }
      for (let j = 0; j <= t; j++) {
        const ds = prob[j] * (dp[j] - big);
        for (let d = 0; d < headDim; d++) {
          dq[qi(t, h) + d] += scale * ds * k[ki(j, g) + d];
          dk[ki(j, g) + d] += scale * ds * q[qi(t, h) + d];
          dv[ki(j, g) + d] += prob[j] * dOut[qi(t, h) + d];
        }
      }
    }
  }
  return { dq, dk, dv };
}
