// The key/value half of causal GQA attention backward (attention_backward.ts
// dispatches both halves; attention_backward_key.wgsl has the maths).

import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel } from "../engine/gpu/kernel.ts";
import {
  ATTENTION_BACKWARD_MAX_HEAD_DIM,
  ATTENTION_BACKWARD_WG,
  attentionBackwardParams,
  type AttentionBackwardTensors,
} from "./attention_backward_query.ts";
import source from "./attention_backward_key.wgsl" with { type: "text" };

export const attentionBackwardKeyKernel = defineKernel({
  key: `attention_backward_key_wg${ATTENTION_BACKWARD_WG}_d${ATTENTION_BACKWARD_MAX_HEAD_DIM}`,
  params: attentionBackwardParams,
  parts: [source],
  constants: { WG: ATTENTION_BACKWARD_WG, MAX_HEAD_DIM: ATTENTION_BACKWARD_MAX_HEAD_DIM },
});

/** Records the key half: dk and dv, from the stats the query half wrote. */
export function attentionBackwardKey(
  rec: Recorder,
  t: AttentionBackwardTensors,
  params: { T: number; n_heads: number; n_kv_heads: number; head_dim: number },
): void {
  rec.dispatch(attentionBackwardKeyKernel, {
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
      t.stats.binding,
      t.dk.binding,
      t.dv.binding,
    ],
    workgroups: [params.n_kv_heads, params.T],
  });
}
