// Prefill projections from block-quantized weights: out = x @ w^T for T >= 2
// tokens, w dequantized as it is staged into workgroup memory; one dispatch
// per row chunk of w, each writing its own columns of out.

import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams, type Kernel } from "../engine/gpu/kernel.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import type { QuantLayout } from "../engine/quant/format.ts";
import type { QuantMatrix } from "../engine/quant/matrix.ts";
import { linearShapes, matmulParams } from "./matmul.ts";
import { quantTemplate } from "./quant_codegen.ts";
import quant from "./quant.wgsl" with { type: "text" };
import { tiledMatmul } from "./tiled_matmul.ts";
import template from "./matmul_quant.wgsl" with { type: "text" };

const WG_SIDE = 8;
/** Output tile side: 4 outputs per thread per side, as in matmul.ts. */
const TILE = 4 * WG_SIDE;

/** The quantized matmuls' params (tiled here, and matmul_quant_rows.ts). */
export const matmulQuantParams = defineParams({
  ...matmulParams.fields,
  wordsPerRow: "u32", // u32 codes per row (K padded to whole blocks)
  scalesPerRow: "u32", // f16 scales per row (even)
});
const kernels = new Map<string, Kernel<typeof matmulQuantParams.fields>>();

/** tiled_matmul.wgsl's hooks: w staged after x, a whole word of codes per thread. */
const TILED = {
  k: "p.K",
  n: "p.rows",
  loadX: "x[t * p.K + k]",
  stageW: {
    after: [
      "for (var e = li; e < TILE * WPK; e += WG_SIDE * WG_SIDE) {",
      "  let r = e / WPK;",
      "  let i = e % WPK;",
      "  let n = n0 + r;",
      "  var word = 0u;",
      "  var d = 0.0; // rows past the chunk stage zeros",
      "  if (n < p.rows) {",
      "    word = w[n * p.wordsPerRow + k0 / EPW + i];",
      "    let si = n * p.scalesPerRow + (k0 + i * EPW) / BLOCK;",
      "    d = f16_at(scales[si >> 1u], si);",
      "  }",
      "  for (var q = 0u; q < QPW; q++) {",
      "    let v = dequant(word, q) * d;",
      "    let kk = i * EPW + q * 4u;",
      "    ws[kk * TILE + r] = v.x;",
      "    ws[(kk + 1u) * TILE + r] = v.y;",
      "    ws[(kk + 2u) * TILE + r] = v.z;",
      "    ws[(kk + 3u) * TILE + r] = v.w;",
      "  }",
      "}",
    ],
  },
  store: ["out[t * p.outStride + p.colOffset + n] = v;"],
};

export function matmulQuantKernel(l: QuantLayout): Kernel<typeof matmulQuantParams.fields> {
  const key = `matmul_${l.format}_b${l.block}_t${TILE}`;
  let kernel = kernels.get(key);
  if (!kernel) {
    kernel = defineKernel({
      key,
      params: matmulQuantParams,
      parts: [quant, quantTemplate(template, l), tiledMatmul(TILED)],
      constants: { WG_SIDE },
    });
    kernels.set(key, kernel);
  }
  return kernel;
}

/** out [T, N] = x [T, K] @ w^T, w: [N, K] quantized in row chunks. Any T, K, N. */
export function matmulQuant(
  rec: Recorder,
  x: Tensor<"f32">,
  w: QuantMatrix,
  out: Tensor<"f32">,
): void {
  const [T, K, N] = linearShapes("matmulQuant", x, w, out);
  const l = w.layout;
  const kernel = matmulQuantKernel(l);
  for (const c of w.chunks) {
    rec.dispatch(kernel, {
      params: {
        T,
        K,
        rows: c.rows,
        outStride: N,
        colOffset: c.rowStart,
        wordsPerRow: l.wordsPerRow,
        scalesPerRow: l.scalesPerRow,
      },
      buffers: [x.binding, c.words.binding, c.scales.binding, out.binding],
      workgroups: [Math.ceil(c.rows / TILE), Math.ceil(T / TILE)],
    });
  }
}
