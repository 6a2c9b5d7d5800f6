import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams, fill } from "../engine/gpu/kernel.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import source from "./attention.wgsl" with { type: "text" };
import { recordAttentionTiled } from "./attention_tiled.ts";
import { ContextLengthError } from "../engine/errors.ts";

const WG = 64;
const MAX_HEAD_DIM = 256;
const attentionParams = defineParams({
  n_heads: "u32",
  n_kv_heads: "u32",
  head_dim: "u32",
  past_length: "u32",
  scale: "f32", // 1 / sqrt(head_dim)
});
export const attentionKernel = defineKernel({
  key: `attention_causal_gqa_online_wg${WG}_d${MAX_HEAD_DIM}`,
  params: attentionParams,
  parts: [fill("attention", source, { FIRST_KEY: "0u" })],
  constants: { WG, MAX_HEAD_DIM },
});

// Batched prompts share one KV cache, each in its own rows: a query sees only
// its prompt's keys, from the prompt's first row. Same code, another start.
const FIRST_KEY_BINDING = [
  "// Query t sees cache rows first_key[t]..past_length + t: its own prompt's (batched prompts).",
  "@group(0) @binding(5) var<storage, read> first_key: array<u32>; // [T]",
].join("\n");
export const attentionSegmentsKernel = defineKernel({
  key: `attention_causal_gqa_online_segments_wg${WG}_d${MAX_HEAD_DIM}`,
  params: attentionParams,
  parts: [fill("attention_segments", source, { FIRST_KEY: "first_key[t]" }), FIRST_KEY_BINDING],
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
 * which is exact at 8,192 keys x 128 (tests/kernels/attention_test.ts).
 */
export const TILED_MAX_KEY_ELEMENTS = 32768;

/**
 * Keys x max(head_dim, 128) up to which the one-query kernel is exact on
 * llvmpipe. Beyond, its results came out silently wrong (T = 2: exact at
 * 10,000 keys x 128, 14,000 x 64 and 6,000 x 256; wrong at 11,000 x 128,
 * 18,000 x 64 and 8,000 x 256), consistent with a cap on loop iterations per
 * invocation; so there a longer context is refused (ContextLengthError)
 * rather than computed wrong. 8,192 keys at head_dim 128, with a margin.
 * SwiftShader and GPUs have no such cap (Chromium passes the same tests).
 */
export const LLVMPIPE_MAX_KEY_ELEMENTS = 8192 * 128;

/** The most keys a query may see on `gpu` at `headDim` (Infinity off llvmpipe). */
export function attentionKeyLimit(gpu: Recorder["gpu"], headDim: number): number {
  return /llvmpipe/i.test(gpu.summary.description)
    ? Math.floor(LLVMPIPE_MAX_KEY_ELEMENTS / Math.max(headDim, 128))
    : Infinity;
}

/** Which kernel `attention` records: by T (default), or one forced (tests, bench). */
export type AttentionKernelChoice = "auto" | "tiled" | "one-query";

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
  const keyLimit = attentionKeyLimit(rec.gpu, headDim);
  if (pastLength + T > keyLimit) {
    throw new ContextLengthError(
      pastLength + T,
      keyLimit,
      `${where}: on llvmpipe, attention over more than ${keyLimit} keys at head_dim ${headDim} ` +
        `comes out wrong (its loop cap; see shaders/attention.ts), so ${pastLength + T} keys are ` +
        `refused; use a shorter context, or a GPU or Chromium adapter`,
    );
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
