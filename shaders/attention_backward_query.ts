// The query half of causal GQA attention backward (attention_backward.ts
// dispatches both halves; attention_backward_query.wgsl has the maths).

import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams } from "../engine/gpu/kernel.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import source from "./attention_backward_query.wgsl" with { type: "text" };

export const ATTENTION_BACKWARD_WG = 64;
export const ATTENTION_BACKWARD_MAX_HEAD_DIM = 256;

/** Params of both halves. */
export const attentionBackwardParams = defineParams({
  T: "u32",
  n_heads: "u32",
  n_kv_heads: "u32",
  head_dim: "u32",
  kv_stride: "u32", // n_kv_heads * head_dim: floats from one k / v row to the next
  scale: "f32", // 1 / sqrt(head_dim)
});

export const attentionBackwardQueryKernel = defineKernel({
  key: `attention_backward_query_wg${ATTENTION_BACKWARD_WG}_d${ATTENTION_BACKWARD_MAX_HEAD_DIM}`,
  params: attentionBackwardParams,
  parts: [source],
  constants: { WG: ATTENTION_BACKWARD_WG, MAX_HEAD_DIM: ATTENTION_BACKWARD_MAX_HEAD_DIM },
});

/** The tensors of one attention backward: forward inputs, output gradient, results. */
export interface AttentionBackwardTensors {
  /** [T, nHeads, headDim] the forward's queries (after RoPE). */
  q: Tensor<"f32">;
  /** [T, nKvHeads, headDim] the forward's keys (after RoPE). */
  k: Tensor<"f32">;
  /** [T, nKvHeads, headDim] the forward's values. */
  v: Tensor<"f32">;
  /** [T, nHeads, headDim] gradient of the attention output. */
  dOut: Tensor<"f32">;
  /** [T, nHeads, headDim] written. */
  dq: Tensor<"f32">;
  /** [T, nKvHeads, headDim] written. */
  dk: Tensor<"f32">;
  /** [T, nKvHeads, headDim] written. */
  dv: Tensor<"f32">;
  /** [T, nHeads, 2] scratch: (logsumexp, D) per query and head, from the query half to the key half. */
  stats: Tensor<"f32">;
}

/** Records the query half: dq and stats. Shapes are checked by attentionBackward. */
export function attentionBackwardQuery(
  rec: Recorder,
  t: AttentionBackwardTensors,
  params: { T: number; n_heads: number; n_kv_heads: number; head_dim: number },
): void {
  rec.dispatch(attentionBackwardQueryKernel, {
    params: {
      ...params,
      kv_stride: params.n_kv_heads * params.head_dim,
      scale: 1 / Math.sqrt(params.head_dim),
    },
    buffers: [
      t.q.binding,
      t.k.binding,
      t.v.binding,
      t.dOut.binding,
      t.dq.binding,
      t.stats.binding,
    ],
    workgroups: [params.n_heads, params.T],
  });
}
