// Dense SAE decoding, x_hat [T, d_in] = f [T, d_sae] @ W_dec + b_dec, and the
// two fused variants the SAE layer needs: the reconstruction error x - x_hat,
// and x_hat + residual (the seed's steering decode(f') + error).

import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineParams } from "../engine/gpu/kernel.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import type { PlainWeightMatrix } from "../engine/quant/matrix.ts";
import { grid1d, rowSpans } from "./grid.ts";
import { weightChunks, weightKernel, type WeightKernelBase } from "./sae_weight.ts";
import { tiledMatmul } from "./tiled_matmul.ts";
import decodeSource from "./sae_decode.wgsl" with { type: "text" };

const WG_SIDE = 8;
/** Feature rows one one_token dispatch walks (see saeDecode). */
export const ONE_TOKEN_ROWS = 16384;
const BK = 16;
const TILE = 4 * WG_SIDE;

const params = defineParams({
  T: "u32",
  J: "u32", // feature rows in this chunk
  N: "u32", // d_in
  fStride: "u32", // d_sae
  jOffset: "u32", // chunk.rowStart
  first: "u32", // 1: write bias (and res); 0: accumulate into out
  alpha: "f32",
  useRes: "u32",
  jBegin: "u32", // one_token: this dispatch's rows of the chunk, [jBegin, jEnd)
  jEnd: "u32",
});
type Fields = typeof params.fields;

/** sae_decode.wgsl's entry points: one_token, and the tiled main (features as the reduction). */
const source = decodeSource + "\n" + tiledMatmul({
  k: "p.J",
  n: "p.N",
  loadX: "f[t * p.fStride + p.jOffset + k]",
  stageW: {
    withX: [
      "// w: consecutive threads read consecutive outputs of one feature row.",
      "let kw = e / TILE;",
      "let cw = e % TILE;",
      "var wv = 0.0;",
      "if (k0 + kw < p.J && n0 + cw < p.N) {",
      "  wv = w_at(k0 + kw, n0 + cw, p.N);",
      "}",
      "ws[kw * TILE + cw] = wv;",
    ],
  },
  store: [
    "let o = t * p.N + n;",
    "if (p.first == 1u) {",
    "  var s = p.alpha * (v + b_dec[n]);",
    "  if (p.useRes == 1u) {",
    "    s += res[o];",
    "  }",
    "  out[o] = s;",
    "} else {",
    "  out[o] += p.alpha * v;",
    "}",
  ],
});

export const saeDecodeKernel: WeightKernelBase<Fields> = {
  key: `sae_decode_t${TILE}_k${BK}`,
  params,
  source,
  entryPoint: "main",
  constants: { WG_SIDE, BK },
};
/** T = 1: a thread per output, zero features skipped (sae_decode.wgsl one_token). */
export const saeDecodeOneTokenKernel: WeightKernelBase<Fields> = {
  key: "sae_decode_one_token_wg64",
  params,
  source,
  entryPoint: "one_token",
};

export interface DecodeMode {
  /** Multiplies decode(f); -1 with `residual` = x gives the reconstruction error. */
  alpha?: 1 | -1;
  /** [T, d_in], added after alpha: must not be `out`. */
  residual?: Tensor<"f32">;
}

/** out [T, d_in] = alpha * (f [T, d_sae] @ W_dec + b_dec) + residual. */
export function saeDecode(
  rec: Recorder,
  f: Tensor<"f32">,
  wDec: PlainWeightMatrix,
  bDec: Tensor<"f32">,
  out: Tensor<"f32">,
  mode: DecodeMode = {},
): void {
  const { rows: J, cols: N } = wDec;
  const T = f.shape[0];
  const res = mode.residual;
  if (
    f.shape.length !== 2 || f.shape[1] !== J || out.shape.length !== 2 ||
    out.shape[0] !== T || out.shape[1] !== N || (res && res.size !== T * N)
  ) {
    throw new Error(
      `saeDecode: f [${f.shape}], out [${out.shape}]${res ? ` and residual [${res.shape}]` : ""} ` +
        `do not fit W_dec [${J}, ${N}]; want f [T, ${J}] and out [T, ${N}]`,
    );
  }
  if (res && res.buffer === out.buffer) {
    throw new Error("saeDecode: residual must not share out's buffer");
  }
  const one = T === 1;
  const kernel = weightKernel(one ? saeDecodeOneTokenKernel : saeDecodeKernel, wDec, 5);
  for (const [i, chunk] of weightChunks(wDec).entries()) {
    const rows = chunk.rows;
    // One token: a thread walks the rows in one loop, so at most ONE_TOKEN_ROWS
    // per dispatch (llvmpipe caps loop iterations per invocation near 65,536 and
    // silently drops the rest; ARCHITECTURE.md, "llvmpipe's loop cap").
    for (const [jBegin, jEnd] of rowSpans(rows, one ? ONE_TOKEN_ROWS : rows)) {
      rec.dispatch(kernel, {
        params: {
          T,
          J: rows,
          N,
          fStride: J,
          jOffset: chunk.rowStart,
          first: i === 0 && jBegin === 0 ? 1 : 0,
          alpha: mode.alpha ?? 1,
          useRes: res ? 1 : 0,
          jBegin,
          jEnd,
        },
        buffers: [
          f.binding,
          chunk.w,
          bDec.binding,
          (res ?? bDec).binding,
          out.binding,
          ...chunk.extra,
        ],
        workgroups: one ? grid1d(rec.gpu, N, 64) : [Math.ceil(N / TILE), Math.ceil(T / TILE)],
      });
    }
  }
}

/** x_hat [T, N] = f [T, J] @ W [J, N] + b, accumulated in f64. */
export function saeDecodeReference(
  f: Float32Array,
  w: Float32Array,
  b: Float32Array,
  T: number,
  J: number,
  N: number,
): Float32Array {
  const out = new Float32Array(T * N);
  const acc = new Float64Array(N);
  for (let t = 0; t < T; t++) {
    acc.set(b);
    for (let j = 0; j < J; j++) {
      const v = f[t * J + j];
      if (v === 0) continue;
      for (let n = 0; n < N; n++) acc[n] += v * w[j * N + n];
    }
    out.set(acc, t * N);
  }
  return out;
}
