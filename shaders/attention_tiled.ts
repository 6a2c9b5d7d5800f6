import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams, fill, groups, type Kernel } from "../engine/gpu/kernel.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import source from "./attention_tiled.wgsl" with { type: "text" };

/** WebGPU's guaranteed minimum of maxComputeWorkgroupStorageSize. */
const WORKGROUP_BYTES = 16384;

/** One tiling: (query, head) rows per workgroup, keys per tile, head_dim capacity, threads. */
export interface AttentionTile {
  rows: number;
  keys: number;
  dim: number;
  /** Threads. Fewer than rows * keys leaves none idle while scores are computed (d128: 32). */
  wg: number;
}

/**
 * Tiles by head_dim, smallest capacity first. Workgroup memory is the output
 * [rows, dim] + K/V [keys, dim] + scores [rows, keys] + 3 floats per row, kept
 * to 1,000-1,600 floats (see attention_tiled.wgsl: compile time on llvmpipe grows
 * about quadratically with it), so wider heads get fewer rows and keys.
 */
export const ATTENTION_TILES: readonly AttentionTile[] = [
  { rows: 16, keys: 16, dim: 32, wg: 64 },
  { rows: 8, keys: 8, dim: 64, wg: 64 },
  { rows: 8, keys: 4, dim: 128, wg: 32 },
  { rows: 4, keys: 2, dim: 256, wg: 32 },
];

/** Bytes of workgroup memory a tile takes (attention_tiled.wgsl's var<workgroup>s). */
export function tileBytes({ rows, keys, dim }: AttentionTile): number {
  return 4 * (rows * dim + keys * dim + rows * keys + 3 * rows);
}

/** The smallest tile holding head_dim, or null if none does. */
export function tileFor(headDim: number): AttentionTile | null {
  return ATTENTION_TILES.find((t) => t.dim >= headDim) ?? null;
}

export const attentionTiledParams = defineParams({
  n_queries: "u32",
  n_heads: "u32",
  n_kv_heads: "u32",
  head_dim: "u32",
  past_length: "u32",
  scale: "f32", // 1 / sqrt(head_dim)
});

const FIRST_KEY_BINDING = [
  "// Query t sees cache rows first_key[t]..past_length + t: its own prompt's (batched prompts).",
  "@group(0) @binding(5) var<storage, read> first_key: array<u32>; // [T]",
].join("\n");

const kernels = new Map<string, Kernel<typeof attentionTiledParams.fields>>();

/** The tiled kernel for `tile`, for one prompt or (segments) batched prompts. */
export function attentionTiledKernel(
  tile: AttentionTile,
  segments: boolean,
): Kernel<typeof attentionTiledParams.fields> {
  const { rows, keys, dim, wg } = tile;
  const key = `attention_tiled${segments ? "_segments" : ""}_wg${wg}_r${rows}_k${keys}_d${dim}`;
  let k = kernels.get(key);
  if (!k) {
    if (tileBytes(tile) > WORKGROUP_BYTES) {
      throw new Error(`kernel ${key}: the tile takes over 16 KiB of workgroup memory`);
    }
    const body = fill(key, source, { FIRST_KEY: segments ? "first_key[t]" : "0u" });
    k = defineKernel({
      key,
      params: attentionTiledParams,
      parts: segments ? [body, FIRST_KEY_BINDING] : [body],
      constants: { WG: wg, ROWS: rows, KEYS: keys, DIM: dim },
    });
    kernels.set(key, k);
  }
  return k;
}

/**
 * Records the tiled kernel; `attention` (shaders/attention.ts) checks the
 * shapes and picks it for prompts. Same layouts and meaning as `attention`.
 */
export function recordAttentionTiled(
  rec: Recorder,
  q: Tensor<"f32">,
  kCache: Tensor<"f32">,
  vCache: Tensor<"f32">,
  out: Tensor<"f32">,
  shape: { pastLength: number; nHeads: number; nKvHeads: number; headDim: number },
  firstKey?: Tensor<"u32">,
): void {
  const { pastLength, nHeads, nKvHeads, headDim } = shape;
  const T = q.shape[0];
  const tile = tileFor(headDim);
  if (!tile) {
    throw new Error(
      `attention (tiled): headDim ${headDim} exceeds the widest tile (${
        ATTENTION_TILES.at(-1)!.dim
      })`,
    );
  }
  const blocks = groups(T * (nHeads / nKvHeads), tile.rows);
  if (blocks > rec.gpu.device.limits.maxComputeWorkgroupsPerDimension) {
    throw new Error(`attention (tiled): ${blocks} row blocks exceed the workgroups per dimension`);
  }
  if (tileBytes(tile) > rec.gpu.device.limits.maxComputeWorkgroupStorageSize) {
    throw new Error(`attention (tiled): the device has under ${tileBytes(tile)} B per workgroup`);
  }
  rec.dispatch(attentionTiledKernel(tile, firstKey !== undefined), {
    params: {
      n_queries: T,
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
    workgroups: [blocks, nKvHeads],
  });
}
