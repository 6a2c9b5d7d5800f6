// A plain-TS Llama decoder block on the CPU, run.c-style, built from the
// kernels' own references (f64 accumulation), for checking the GPU forward at
// any width: the block's weights are read back from the device already
// dequantized, so a difference is the kernels' arithmetic, not the format's.

import type { LlamaConfig } from "../formats/config.ts";
import { dequantizeRows } from "../quant/format.ts";
import { readWeightMatrix, type WeightMatrix } from "../quant/matrix.ts";
import { BlockMatrix, dequantizeBlockRows } from "../quant/block_matrix.ts";
import { attentionReference } from "../../shaders/attention.ts";
import { matmulReference } from "../../shaders/matmul.ts";
import { rmsnormReference } from "../../shaders/rmsnorm.ts";
import { ropeReference } from "../../shaders/rope.ts";
import { swigluReference } from "../../shaders/swiglu.ts";
import { ropeInvFreq, ropeTable } from "./rope.ts";
import type { LayerWeights } from "./weights.ts";

/** One layer's weights on the host, f32 (the values the device format stands for). */
export interface HostLayer {
  inputNorm: Float32Array; // [hidden]
  q: Float32Array; // [heads * headDim, hidden]
  k: Float32Array; // [kvHeads * headDim, hidden]
  v: Float32Array; // [kvHeads * headDim, hidden]
  o: Float32Array; // [hidden, heads * headDim]
  postNorm: Float32Array; // [hidden]
  gate: Float32Array; // [intermediate, hidden]
  up: Float32Array; // [intermediate, hidden]
  down: Float32Array; // [hidden, intermediate]
}

/** Reads a layer back from the device (about 0.9 GB of f32 at 8B widths). */
export async function readLayer(l: LayerWeights): Promise<HostLayer> {
  return {
    inputNorm: await l.inputNorm.toArray(),
    q: await readWeightMatrix(l.q),
    k: await readWeightMatrix(l.k),
    v: await readWeightMatrix(l.v),
    o: await readWeightMatrix(l.o),
    postNorm: await l.postNorm.toArray(),
    gate: await readWeightMatrix(l.gate),
    up: await readWeightMatrix(l.up),
    down: await readWeightMatrix(l.down),
  };
}

/** The first row chunk of a matrix, dequantized: [rows, cols] from rowStart 0. */
export async function readFirstChunk(
  m: WeightMatrix,
): Promise<{ rows: number; data: Float32Array }> {
  if (m.format === "f32") {
    const c = m.chunks[0];
    return { rows: c.tensor.shape[0], data: await c.tensor.toArray() };
  }
  if (m instanceof BlockMatrix) {
    const b = m.chunks[0];
    return { rows: b.rows, data: dequantizeBlockRows(m.layout, await b.words.toArray()) };
  }
  const c = m.chunks[0];
  const words = await c.words.toArray();
  const pairs = await c.scales.toArray();
  const scales = new Uint16Array(pairs.buffer, pairs.byteOffset, pairs.length * 2);
  return { rows: c.rows, data: dequantizeRows({ words, scales }, m.layout) };
}

/** out [T, n] = x [T, k] @ w [n, k]^T. */
function linear(x: Float32Array, w: Float32Array, T: number, k: number, n: number) {
  return matmulReference(x, w, T, k, n);
}

/**
 * model.layers.N's output [T, hidden] for its input x [T, hidden] at
 * positions 0..T-1 (an empty KV cache), as HF's LlamaDecoderLayer computes it.
 */
export function blockReference(c: LlamaConfig, w: HostLayer, x: Float32Array): Float32Array {
  const h = c.hiddenSize, d = c.headDim, T = x.length / h;
  const nq = c.numAttentionHeads, nkv = c.numKeyValueHeads;
  const table = ropeTable(ropeInvFreq(d, c.ropeTheta, c.ropeScaling), T);
  // ---- attention ----
  const xn = rmsnormReference(x, w.inputNorm, h, c.rmsNormEps);
  const q = ropeReference(linear(xn, w.q, T, h, nq * d), [T, nq, d], table, 0);
  const k = ropeReference(linear(xn, w.k, T, h, nkv * d), [T, nkv, d], table, 0);
  const v = linear(xn, w.v, T, h, nkv * d);
  const att = attentionReference(q, k, v, T, {
    pastLength: 0,
    nHeads: nq,
    nKvHeads: nkv,
    headDim: d,
  });
  const o = linear(att, w.o, T, nq * d, h);
  const mid = x.map((v, i) => v + o[i]);
  // ---- SwiGLU MLP ----
  const mn = rmsnormReference(mid, w.postNorm, h, c.rmsNormEps);
  const i = c.intermediateSize;
  const act = swigluReference(linear(mn, w.gate, T, h, i), linear(mn, w.up, T, h, i));
  const down = linear(act, w.down, T, i, h);
  return mid.map((v, j) => v + down[j]);
}
