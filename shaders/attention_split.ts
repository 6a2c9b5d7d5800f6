// Attention over a long key range, split (flash-decoding style): each (head,
// query) row's keys are cut into ranges of splitKeys(head_dim); one workgroup
// per (head, query, range) runs attention.wgsl over its range alone and stores
// the unnormalised partial (running max m, sum l, acc[head_dim]); then
// attention_combine.wgsl weighs the partials into the output. It exists
// because llvmpipe computes an invocation whose loops run too long silently
// wrong (ARCHITECTURE.md, "llvmpipe's loop cap"): no invocation here walks
// more than one range. It also gives long decode steps more workgroups.

import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams, fill, type Kernel } from "../engine/gpu/kernel.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import common from "./common.wgsl" with { type: "text" };
import source from "./attention.wgsl" with { type: "text" };
import combineSource from "./attention_combine.wgsl" with { type: "text" };
import {
  ATTENTION_FIELDS,
  ATTENTION_WG as WG,
  FIRST_KEY_BINDING,
  MAX_HEAD_DIM,
} from "./attention_common.ts";
import { grid1d } from "./grid.ts";

/**
 * Keys x max(head_dim, 128) per range: 4,096 keys at head_dim 128. The
 * one-query kernel was exact on llvmpipe up to 10,000 keys at 128 (6,000 at
 * 256) and wrong past them; a range of 4,096 keeps each invocation's loops
 * under half that.
 */
export const SPLIT_KEY_ELEMENTS = 4096 * 128;

/** Keys per range at `headDim`: a multiple of the kernel's tile of WG keys. */
export function splitKeys(headDim: number): number {
  return Math.max(WG, Math.floor(SPLIT_KEY_ELEMENTS / Math.max(headDim, 128) / WG) * WG);
}

const splitParams = defineParams({
  ...ATTENTION_FIELDS,
  query0: "u32", // first query of this dispatch
  split_keys: "u32",
  n_splits: "u32",
});

/** attention.wgsl over key range wid.z of each query, storing its partial. */
function splitSource(name: string, firstKey: string): string {
  return fill(name, source, {
    OUT_SHAPE: "[queries, n_heads, n_splits, head_dim + 2] partials: m, l, acc",
    QUERY: "p.query0 + wid.y",
    KEY_BEGIN: `${firstKey} + wid.z * p.split_keys`,
    KEY_END: "min(key_begin + p.split_keys, n_keys)",
    STORE: [
      "  let slot = ((wid.y * p.n_heads + h) * p.n_splits + wid.z) * (hd + 2u);",
      "  for (var d = lid; d < hd; d += WG) {",
      "    out[slot + 2u + d] = acc[d];",
      "  }",
      "  if (lid == 0u) {",
      "    out[slot] = m;",
      "    out[slot + 1u] = l;",
      "  }",
    ].join("\n"),
  });
}

export const attentionSplitKernel = defineKernel({
  key: `attention_split_wg${WG}_d${MAX_HEAD_DIM}`,
  params: splitParams,
  parts: [splitSource("attention_split", "0u")],
  constants: { WG, MAX_HEAD_DIM },
});
export const attentionSplitSegmentsKernel = defineKernel({
  key: `attention_split_segments_wg${WG}_d${MAX_HEAD_DIM}`,
  params: splitParams,
  parts: [splitSource("attention_split_segments", "first_key[t]"), FIRST_KEY_BINDING],
  constants: { WG, MAX_HEAD_DIM },
});

const COMBINE_WG = 64;
const combineParams = defineParams({
  rows: "u32", // (query, head) rows in this dispatch
  head_dim: "u32",
  n_splits: "u32",
  row0: "u32", // the dispatch's first row in out
});
export const attentionCombineKernel: Kernel<typeof combineParams.fields> = defineKernel({
  key: `attention_combine_wg${COMBINE_WG}`,
  params: combineParams,
  parts: [common, combineSource],
  constants: { WG: COMBINE_WG },
});

/** Overrides for tests: small ranges and chunks on small shapes. */
export interface SplitOptions {
  /** Keys per range (default splitKeys(headDim)); any positive count. */
  keysPerRange?: number;
  /** Bytes of partials per dispatch (default the device's binding limit). */
  maxPartialBytes?: number;
}

/**
 * Records the split attention: same arguments and result as `attention`
 * (attention.ts checks them), for any number of keys. Queries go in chunks
 * whose partials fit one binding; the partials live in a pool buffer released
 * after the pass.
 */
export function recordAttentionSplit(
  rec: Recorder,
  q: Tensor<"f32">,
  kCache: Tensor<"f32">,
  vCache: Tensor<"f32">,
  out: Tensor<"f32">,
  shape: { pastLength: number; nHeads: number; nKvHeads: number; headDim: number },
  firstKey?: Tensor<"u32">,
  options: SplitOptions = {},
): void {
  const { pastLength, nHeads, nKvHeads, headDim } = shape;
  const T = q.shape[0], limits = rec.gpu.device.limits;
  const keys = options.keysPerRange ?? splitKeys(headDim);
  const nSplits = Math.ceil((pastLength + T) / keys);
  const rowBytes = nHeads * nSplits * (headDim + 2) * 4; // one query's partials
  const chunk = Math.min(
    T,
    limits.maxComputeWorkgroupsPerDimension,
    Math.floor((options.maxPartialBytes ?? limits.maxStorageBufferBindingSize) / rowBytes),
  );
  if (chunk < 1 || nSplits > limits.maxComputeWorkgroupsPerDimension) {
    throw new Error(
      `attention split: ${pastLength + T} keys in ${nSplits} ranges of ${keys} need ` +
        `${rowBytes} bytes of partials per query, over this device's limits`,
    );
  }
  const partial = rec.gpu.acquire("attention.partials", chunk * rowBytes);
  rec.adopt(partial);
  for (let query0 = 0; query0 < T; query0 += chunk) {
    const queries = Math.min(chunk, T - query0);
    const bytes = queries * rowBytes;
    rec.dispatch(firstKey ? attentionSplitSegmentsKernel : attentionSplitKernel, {
      params: {
        n_heads: nHeads,
        n_kv_heads: nKvHeads,
        head_dim: headDim,
        past_length: pastLength,
        scale: 1 / Math.sqrt(headDim),
        query0,
        split_keys: keys,
        n_splits: nSplits,
      },
      buffers: [
        q.binding,
        kCache.binding,
        vCache.binding,
        { buffer: partial, size: bytes },
        ...(firstKey ? [firstKey.binding] : []),
      ],
      workgroups: [nHeads, queries, nSplits],
    });
    rec.dispatch(attentionCombineKernel, {
      params: {
        rows: queries * nHeads,
        head_dim: headDim,
        n_splits: nSplits,
        row0: query0 * nHeads,
      },
      buffers: [{ buffer: partial, size: bytes }, out.binding],
      workgroups: grid1d(rec.gpu, queries * nHeads * headDim, COMBINE_WG),
    });
  }
}
