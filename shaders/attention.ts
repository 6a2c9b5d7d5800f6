import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams, fill } from "../engine/gpu/kernel.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import source from "./attention.wgsl" with { type: "text" };
import { recordAttentionTiled } from "./attention_tiled.ts";
import {
  ATTENTION_FIELDS,
  ATTENTION_WG as WG,
  FIRST_KEY_BINDING,
  MAX_HEAD_DIM,
} from "./attention_common.ts";
import { recordAttentionSplit, splitKeys } from "./attention_split.ts";

const attentionParams = defineParams(ATTENTION_FIELDS);

/**
 * attention.wgsl with its slots filled for the whole key range of each query
 * (KEY_BEGIN is the query's first key: 0, or first_key[t] for batched prompts),
 * storing the normalised output.
 */
function oneQuerySource(name: string, firstKey: string): string {
  return fill(name, source, {
    OUT_SHAPE: "[T, n_heads, head_dim]",
    QUERY: "wid.y",
    KEY_BEGIN: firstKey,
    KEY_END: "n_keys",
    STORE: [
      "  for (var d = lid; d < hd; d += WG) {",
      "    out[q_base + d] = acc[d] / l;",
      "  }",
    ].join("\n"),
  });
}
export const attentionKernel = defineKernel({
  key: `attention_causal_gqa_online_wg${WG}_d${MAX_HEAD_DIM}`,
  params: attentionParams,
  parts: [oneQuerySource("attention", "0u")],
  constants: { WG, MAX_HEAD_DIM },
});

export const attentionSegmentsKernel = defineKernel({
  key: `attention_causal_gqa_online_segments_wg${WG}_d${MAX_HEAD_DIM}`,
  params: attentionParams,
  parts: [oneQuerySource("attention_segments", "first_key[t]"), FIRST_KEY_BINDING],
  constants: { WG, MAX_HEAD_DIM },
});

/**
 * Chunks of TILED_MIN_QUERIES..TILED_MAX_QUERIES queries take the tiled kernel
 * (attention_tiled.ts), which reads each K/V tile once per block of (query,
 * head) rows instead of once per query and head; decode steps (T = 1) and
 * longer chunks keep the one-query kernel. Measured on llvmpipe at 8B heads
 * (`deno task bench attention`, ARCHITECTURE.md): tiled 1.8-2.3x faster for T =
 * 4..32, 1.04x at 128, 0.78x at 512 and 1024. No hardware GPU was measured.
 */
export const TILED_MIN_QUERIES = 2;
export const TILED_MAX_QUERIES = 128;
/**
 * And only while keys x head_dim stays at most this: on llvmpipe the tiled
 * kernel's per-thread loops came out silently wrong from about 65,536 of them
 * (T = 2: exact at 510 keys x 128, wrong at 510 x 129, 700 x 128 and 4,000 x
 * 64), consistent with a cap on loop iterations per invocation; half that
 * keeps a margin. Prompts continuing a long cache take the one-query kernel,
 * split over key ranges past splitKeys(head_dim) (attention_split.ts).
 */
export const TILED_MAX_KEY_ELEMENTS = 32768;

/** Which kernel `attention` records: by T (default), or one forced (tests, bench). */
export type AttentionKernelChoice = "auto" | "tiled" | "one-query" | "split";

export interface AttentionShape {
  /** Cache rows already filled before this pass; query t sits at pastLength + t. */
  pastLength: number;
  nHeads: number;
  nKvHeads: number;
  headDim: number;
}

/**
 * out = softmax(q k^T / sqrt(headDim), causal) v for every query head, with
 * this pass's k, v already written to cache rows pastLength..pastLength+T-1.
 * q, out: [T, nHeads, headDim]; kCache, vCache: [ctx, nKvHeads, headDim].
 */
export function attention(
  rec: Recorder,
  q: Tensor<"f32">,
  kCache: Tensor<"f32">,
  vCache: Tensor<"f32">,
  out: Tensor<"f32">,
  shape: AttentionShape,
  /**
   * Batched prompts: u32 [T], query t sees cache rows firstKey[t]..pastLength
   * + t only (each entry at most its own row; the caller builds them).
   */
  firstKey?: Tensor<"u32">,
  kernel: AttentionKernelChoice = "auto",
): void {
  const { pastLength, nHeads, nKvHeads, headDim } = shape;
  const T = q.shape[0];
  const where = `attention(T=${T}, pastLength=${pastLength}, heads ${nHeads}/${nKvHeads})`;
  if (nKvHeads <= 0 || nHeads % nKvHeads !== 0) {
    throw new Error(`${where}: nHeads must be a multiple of nKvHeads`);
  }
  if (headDim > MAX_HEAD_DIM) {
    throw new Error(`${where}: headDim ${headDim} exceeds this kernel's ${MAX_HEAD_DIM}`);
  }
  const qElems = T * nHeads * headDim;
  if (q.size !== qElems || out.size !== qElems) {
    throw new Error(
      `${where}: q [${q.shape}] and out [${out.shape}] must be [${T}, ${nHeads}, ${headDim}]`,
    );
  }
  const row = nKvHeads * headDim;
  for (const [name, c] of [["kCache", kCache], ["vCache", vCache]] as const) {
    if (c.size % row !== 0 || c.size / row < pastLength + T) {
      throw new Error(
        `${where}: ${name} [${c.shape}] needs ${pastLength + T} rows of [${nKvHeads}, ${headDim}]`,
      );
    }
  }
  if (firstKey && firstKey.size < T) {
    throw new Error(`${where}: firstKey [${firstKey.shape}] must hold ${T} rows`);
  }
  const tiledByT = T >= TILED_MIN_QUERIES && T <= TILED_MAX_QUERIES &&
    (pastLength + T) * headDim <= TILED_MAX_KEY_ELEMENTS;
  if (kernel === "tiled" || (kernel === "auto" && tiledByT)) {
    recordAttentionTiled(rec, q, kCache, vCache, out, shape, firstKey);
    return;
  }
  // Past one range of keys, split them (attention_split.ts): on llvmpipe a
  // single invocation walking them all comes out wrong.
  if (kernel === "split" || (kernel === "auto" && pastLength + T > splitKeys(headDim))) {
    recordAttentionSplit(rec, q, kCache, vCache, out, shape, firstKey);
    return;
  }
  if (T > rec.gpu.device.limits.maxComputeWorkgroupsPerDimension) {
    throw new Error(`${where}: more queries than workgroups per dimension; split the pass`);
  }
  rec.dispatch(firstKey ? attentionSegmentsKernel : attentionKernel, {
    params: {
      n_heads: nHeads,
      n_kv_heads: nKvHeads,
      head_dim: headDim,
      past_length: pastLength,
      scale: 1 / Math.sqrt(headDim),
    },
    buffers: [
      q.binding,
      kCache.binding,
      vCache.binding,
      out.binding,
      ...(firstKey ? [firstKey.binding] : []),
    ],
    workgroups: [nHeads, T],
  });
}

/** Copies this pass's k or v ([T, nKvHeads * headDim]) into cache rows pastLength... */
export function writeKv(
  rec: Recorder,
  k: Tensor<"f32">,
  cache: Tensor<"f32">,
  pastLength: number,
): void {
  const row = cache.size / cache.shape[0];
  const T = k.size / row;
  if (!Number.isInteger(T) || pastLength < 0 || pastLength + T > cache.shape[0]) {
    throw new Error(
      `writeKv: [${k.shape}] at row ${pastLength} does not fit cache [${cache.shape}]`,
    );
  }
  rec.copy(k.buffer, k.offset, cache.buffer, cache.offset + pastLength * row * 4, k.byteLength);
}

/** CPU reference in f64, plain loops. Same layouts as `attention`. */
export function attentionReference(
  q: Float32Array,
  kCache: Float32Array,
  vCache: Float32Array,
  T: number,
  { pastLength, nHeads, nKvHeads, headDim }: AttentionShape,
  /** Batched prompts: query t sees rows firstKey[t].. only (default: from row 0). */
  firstKey?: ArrayLike<number>,
): Float32Array {
  const out = new Float32Array(T * nHeads * headDim);
  const group = nHeads / nKvHeads, scale = 1 / Math.sqrt(headDim);
  for (let t = 0; t < T; t++) {
    const first = firstKey ? firstKey[t] : 0, nKeys = pastLength + t + 1 - first;
    for (let h = 0; h < nHeads; h++) {
      const qb = (t * nHeads + h) * headDim, kvh = Math.floor(h / group);
      const scores = new Float64Array(nKeys);
      for (let j = 0; j < nKeys; j++) {
        const kb = ((first + j) * nKvHeads + kvh) * headDim;
        let dot = 0;
        for (let d = 0; d < headDim; d++) dot += q[qb + d] * kCache[kb + d];
        scores[j] = dot * scale;
      }
      const max = scores.reduce((a, b) => Math.max(a, b), -Infinity);
      let sum = 0;
      for (let j = 0; j < nKeys; j++) sum += scores[j] = Math.exp(scores[j] - max);
      for (let d = 0; d < headDim; d++) {
        let o = 0;
        for (let j = 0; j < nKeys; j++) {
          o += scores[j] * vCache[((first + j) * nKvHeads + kvh) * headDim + d];
        }
        out[qb + d] = o / sum;
      }
    }
  }
  return out;
}
