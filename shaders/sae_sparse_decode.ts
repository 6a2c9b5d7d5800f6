// Sparse SAE decoding from per-token (index, value) lists such as top-k
// features: out [T, d_in] = sum_s val[t, s] * W_dec[idx[t, s], :] + b_dec. Reads
// k rows of W_dec per token instead of all d_sae.

import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineParams } from "../engine/gpu/kernel.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import type { PlainWeightMatrix } from "../engine/quant/matrix.ts";
import { weightChunks, weightKernel, type WeightKernelBase } from "./sae_weight.ts";
import source from "./sae_sparse_decode.wgsl" with { type: "text" };

const WG = 64;
const params = defineParams({
  T: "u32",
  N: "u32", // d_in
  k: "u32", // entries per token
  rowStart: "u32", // first feature of this chunk
  rows: "u32", // features in this chunk
  first: "u32", // 1: start from the bias; 0: accumulate into out
  bias: "u32", // 1: add b_dec (when first)
});

export const saeSparseDecodeKernel: WeightKernelBase<typeof params.fields> = {
  key: `sae_sparse_decode_wg${WG}`,
  params,
  source,
  constants: { WG },
};

/** out [T, d_in] = b_dec + sum_s val[t, s] * W_dec[idx[t, s]]; idx, val: [T, k]. */
export function saeSparseDecode(
  rec: Recorder,
  idx: Tensor<"u32">,
  val: Tensor<"f32">,
  wDec: PlainWeightMatrix,
  bDec: Tensor<"f32">,
  out: Tensor<"f32">,
): void {
  const T = idx.shape[0], k = idx.shape[1], N = wDec.cols;
  if (
    idx.shape.length !== 2 || val.shape.length !== 2 || val.shape[0] !== T ||
    val.shape[1] !== k || out.shape.length !== 2 || out.shape[0] !== T || out.shape[1] !== N
  ) {
    throw new Error(
      `saeSparseDecode: idx [${idx.shape}], val [${val.shape}] and out [${out.shape}] do not ` +
        `fit W_dec [${wDec.rows}, ${N}]; want idx and val [T, k], out [T, ${N}]`,
    );
  }
  const maxGroups = rec.gpu.device.limits.maxComputeWorkgroupsPerDimension;
  if (T > maxGroups) throw new Error(`saeSparseDecode: ${T} tokens; at most ${maxGroups} at once`);
  const kernel = weightKernel(saeSparseDecodeKernel, wDec, 5);
  for (const [i, chunk] of weightChunks(wDec).entries()) {
    rec.dispatch(kernel, {
      params: {
        T,
        N,
        k,
        rowStart: chunk.rowStart,
        rows: chunk.rows,
        first: i === 0 ? 1 : 0,
        bias: 1,
      },
      buffers: [idx.binding, val.binding, chunk.w, bDec.binding, out.binding, ...chunk.extra],
      workgroups: [Math.ceil(N / WG), T],
    });
  }
}

/** The CPU reference, accumulated in f64. w: [d_sae, N]. */
export function saeSparseDecodeReference(
  idx: Uint32Array,
  val: Float32Array,
  w: Float32Array,
  b: Float32Array,
  T: number,
  k: number,
  N: number,
): Float32Array {
  const out = new Float32Array(T * N);
  for (let t = 0; t < T; t++) {
    for (let n = 0; n < N; n++) {
      let s = b[n];
      for (let e = 0; e < k; e++) s += val[t * k + e] * w[idx[t * k + e] * N + n];
      out[t * N + n] = s;
    }
  }
  return out;
}
