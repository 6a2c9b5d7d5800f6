// SAE encoding: features [T, d_sae] = act(x [T, d_in] @ W_enc^T + b_enc). f32
// weights and several tokens: one fused tiled kernel per row chunk of W_enc.
// One token, or quantized W_enc: linear() (matvec, or the q8/q4 matvec and
// matmul that dequantize in registers) writes the pre-activations and a small
// elementwise kernel adds b_enc and applies the activation (sae_bias_act.ts):
// the tiled kernel would waste 31/32 of its tile on one token, and the
// quantized projections are already tuned. TopK is applied afterwards by
// sae_topk.ts, since it needs every feature of a token.

import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams, type Kernel } from "../engine/gpu/kernel.ts";
import { Matrix } from "../engine/gpu/matrix.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import type { PlainWeightMatrix } from "../engine/quant/matrix.ts";
import { linear } from "./linear.ts";
import { biasActivation, subtractRow } from "./sae_bias_act.ts";
import { STAGE_W_ROWS } from "./matmul.ts";
import { tiledMatmul } from "./tiled_matmul.ts";
import source from "./sae_encode.wgsl" with { type: "text" };

/** The activations one kernel applies; TopK runs "none" then the mask. */
export type EncodeActivation = "none" | "relu" | "jumprelu";
const ACT_CODE: Record<EncodeActivation, number> = { none: 0, relu: 1, jumprelu: 2 };

/**
 * An SAE's tensors on one GPU. Both matrices hold one row per feature, f32
 * (Matrix) or block-quantized along d_in (QuantMatrix).
 */
export interface SaeGpuWeights {
  /** [d_sae, d_in]: encoder rows (Goodfire's encoder_linear.weight, SAELens' W_enc^T). */
  wEnc: PlainWeightMatrix;
  /** [d_sae, d_in]: decoder rows (SAELens' W_dec, Goodfire's decoder_linear.weight^T). */
  wDec: PlainWeightMatrix;
  /** [d_sae] */
  bEnc: Tensor<"f32">;
  /** [d_in] */
  bDec: Tensor<"f32">;
  /** [d_sae], JumpReLU only. */
  threshold: Tensor<"f32"> | null;
  /** Subtract b_dec from x before encoding (SAELens apply_b_dec_to_input). */
  center: boolean;
}

const WG_SIDE = 8;
const BK = 16;
const TILE = 4 * WG_SIDE;
const params = defineParams({
  T: "u32",
  K: "u32", // d_in
  rows: "u32", // feature rows in this chunk
  outStride: "u32", // d_sae
  colOffset: "u32", // chunk.rowStart
  center: "u32", // 1: subtract b_dec from x first (SAELens apply_b_dec_to_input)
});
const kernels = new Map<EncodeActivation, Kernel<typeof params.fields>>();

export function saeEncodeKernel(act: EncodeActivation): Kernel<typeof params.fields> {
  let k = kernels.get(act);
  if (!k) {
    k = defineKernel({
      key: `sae_encode_${act}_t${TILE}_k${BK}`,
      params,
      parts: [
        source,
        tiledMatmul({
          k: "p.K",
          n: "p.rows",
          prelude: ["let c = f32(p.center);"],
          loadX: "x[t * p.K + k] - c * b_dec[k]",
          stageW: STAGE_W_ROWS,
          store: [
            "let j = p.colOffset + n;",
            "out[t * p.outStride + j] = activate(v + b_enc[j], j);",
          ],
        }),
      ],
      constants: { ACT: ACT_CODE[act], WG_SIDE, BK },
    });
    kernels.set(act, k);
  }
  return k;
}

export interface EncodeOptions {
  /**
   * [T, d_in] scratch for x - b_dec when the weights center the input and the
   * encode goes through linear() (one token or quantized W_enc).
   */
  centered?: Tensor<"f32">;
  /**
   * Force a path (tests): "tiled" needs f32 W_enc. Default: tiled for f32 with
   * T > 1 on GPUs, linear() otherwise.
   */
  path?: "tiled" | "linear";
}

/** out [T, d_sae] = act((x - center * b_dec) @ W_enc^T + b_enc) for x [T, d_in]. */
export function saeEncode(
  rec: Recorder,
  x: Tensor<"f32">,
  w: SaeGpuWeights,
  act: EncodeActivation,
  out: Tensor<"f32">,
  opts: EncodeOptions = {},
): void {
  const { rows: N, cols: K } = w.wEnc;
  const T = x.shape[0];
  if (
    x.shape.length !== 2 || x.shape[1] !== K || out.shape.length !== 2 ||
    out.shape[0] !== T || out.shape[1] !== N
  ) {
    throw new Error(
      `saeEncode: x [${x.shape}] and out [${out.shape}] do not fit W_enc [${N}, ${K}]; ` +
        `want x [T, ${K}] and out [T, ${N}]`,
    );
  }
  if (act === "jumprelu" && !w.threshold) throw new Error("saeEncode: JumpReLU needs a threshold");
  const wEnc = w.wEnc;
  // The fused tiled kernel suits GPUs. Software adapters go through linear(),
  // whose "rows" matmul is ~5x the tiled one there and the same kernel as
  // prefill (f32 32 x 32 tile, q8/q4 expanded; ARCHITECTURE.md, "Kernel
  // choices"), unless centering has no scratch to write x - b_dec into.
  const canLinear = !w.center || opts.centered !== undefined;
  const tiled = wEnc instanceof Matrix && T > 1 && (!rec.gpu.isFallbackAdapter || !canLinear);
  const path = opts.path ?? (tiled ? "tiled" : "linear");
  if (path === "linear" || !(wEnc instanceof Matrix)) {
    let input = x;
    if (w.center) {
      const c = opts.centered;
      if (!c || c.shape.length !== 2 || c.shape[0] !== T || c.shape[1] !== K) {
        throw new Error(`saeEncode: centering through linear() needs a [${T}, ${K}] scratch`);
      }
      input = c;
      subtractRow(rec, x, w.bDec, input);
    }
    linear(rec, input, wEnc, out);
    biasActivation(rec, out, w.bEnc, act, w.threshold);
    return;
  }
  for (const chunk of wEnc.chunks) {
    const rows = chunk.tensor.shape[0];
    rec.dispatch(saeEncodeKernel(act), {
      params: {
        T,
        K,
        rows,
        outStride: N,
        colOffset: chunk.rowStart,
        center: w.center ? 1 : 0,
      },
      buffers: [
        x.binding,
        chunk.tensor.binding,
        w.bEnc.binding,
        (w.threshold ?? w.bEnc).binding,
        w.bDec.binding,
        out.binding,
      ],
      workgroups: [Math.ceil(rows / TILE), Math.ceil(T / TILE)],
    });
  }
}

export interface EncodeReferenceWeights {
  /** [N, K] */
  wEnc: Float32Array;
  bEnc: Float32Array;
  /** Subtracted from x when given (apply_b_dec_to_input). */
  center?: Float32Array | null;
  threshold?: Float32Array | null;
}

/** The CPU reference, accumulated in f64. */
export function saeEncodeReference(
  x: Float32Array,
  w: EncodeReferenceWeights,
  act: EncodeActivation,
  T: number,
  K: number,
  N: number,
): Float32Array {
  const out = new Float32Array(T * N);
  for (let t = 0; t < T; t++) {
    for (let n = 0; n < N; n++) {
      let s = 0;
      for (let k = 0; k < K; k++) s += (x[t * K + k] - (w.center?.[k] ?? 0)) * w.wEnc[n * K + k];
      // Rounded to f32 before the activation, as the kernel compares f32 values.
      const pre = Math.fround(s + w.bEnc[n]);
      out[t * N + n] = act === "none"
        ? pre
        : act === "relu" || pre > w.threshold![n]
        ? Math.max(pre, 0)
        : 0;
    }
  }
  return out;
}
