// SAE encoding: features [T, d_sae] = act(x [T, d_in] @ W_enc^T + b_enc), fused
// into one tiled kernel per row chunk of W_enc. TopK is applied afterwards by
// sae_topk.ts, since it needs every feature of a token.

import type { Recorder } from "../engine/gpu/recorder.ts";
import type { Kernel } from "../engine/gpu/kernel.ts";
import type { Matrix } from "../engine/gpu/matrix.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import source from "./sae_encode.wgsl" with { type: "text" };

/** The activations one kernel applies; TopK runs "none" then the mask. */
export type EncodeActivation = "none" | "relu" | "jumprelu";
const ACT_CODE: Record<EncodeActivation, number> = { none: 0, relu: 1, jumprelu: 2 };

/** An SAE's tensors on one GPU. Both matrices hold one row per feature. */
export interface SaeGpuWeights {
  /** [d_sae, d_in]: encoder rows (Goodfire's encoder_linear.weight, SAELens' W_enc^T). */
  wEnc: Matrix;
  /** [d_sae, d_in]: decoder rows (SAELens' W_dec, Goodfire's decoder_linear.weight^T). */
  wDec: Matrix;
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
const BLOCK = 4 * WG_SIDE;
const kernels = new Map<EncodeActivation, Kernel>();

export function saeEncodeKernel(act: EncodeActivation): Kernel {
  let k = kernels.get(act);
  if (!k) {
    k = {
      key: `sae_encode_${act}_t${BLOCK}_k${BK}`,
      source,
      constants: { ACT: ACT_CODE[act], WG_SIDE, BK },
    };
    kernels.set(act, k);
  }
  return k;
}

/** out [T, d_sae] = act((x - center * b_dec) @ W_enc^T + b_enc) for x [T, d_in]. */
export function saeEncode(
  rec: Recorder,
  x: Tensor<"f32">,
  w: SaeGpuWeights,
  act: EncodeActivation,
  out: Tensor<"f32">,
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
  for (const chunk of w.wEnc.chunks) {
    const rows = chunk.tensor.shape[0];
    rec.dispatch(saeEncodeKernel(act), {
      params: { layout: "uuuuuu", values: [T, K, rows, N, chunk.rowStart, w.center ? 1 : 0] },
      buffers: [
        x.binding,
        chunk.tensor.binding,
        w.bEnc.binding,
        (w.threshold ?? w.bEnc).binding,
        w.bDec.binding,
        out.binding,
      ],
      workgroups: [Math.ceil(rows / BLOCK), Math.ceil(T / BLOCK)],
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
