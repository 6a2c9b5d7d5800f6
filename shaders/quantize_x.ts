// Activations quantized to int8 blocks for the dot4 variant of matvec_quant
// (layout in quantize_x.wgsl). A fast path only: x's rounding (|error| <= s/2,
// s = block max / 127) is ~1/16 of a q4 weight step relative, so it is used
// with q4 weights, where it changes the result far less than q4 itself.

import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams } from "../engine/gpu/kernel.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import common from "./common.wgsl" with { type: "text" };
import { grid1d } from "./grid.ts";
import source from "./quantize_x.wgsl" with { type: "text" };

const WG = 64;
/** Elements per x block (q4's block: one vec4<u32> of codes). */
export const X_BLOCK = 32;

export const quantizeXKernel = defineKernel({
  key: "quantize_x",
  params: defineParams({ K: "u32", blocks: "u32" /* ceil(K / 32) */ }),
  parts: [common, source],
  constants: { WG },
});

/** Buffers the quantized x of K values needs: codes [blocks, 8] u32, meta [blocks] vec2f. */
export function quantizedXBytes(K: number): { codes: number; meta: number } {
  const blocks = Math.ceil(K / X_BLOCK);
  return { codes: blocks * 32, meta: blocks * 8 };
}

/** Writes x [K] as int8 blocks into `codes` and `meta` (buffers of quantizedXBytes). */
export function quantizeX(
  rec: Recorder,
  x: Tensor<"f32">,
  codes: GPUBuffer,
  meta: GPUBuffer,
): void {
  const K = x.size, want = quantizedXBytes(K);
  if (codes.size < want.codes || meta.size < want.meta) {
    throw new Error(
      `quantizeX: ${K} values need ${want.codes} code bytes and ${want.meta} meta bytes, ` +
        `got ${codes.size} and ${meta.size}`,
    );
  }
  const blocks = Math.ceil(K / X_BLOCK);
  rec.dispatch(quantizeXKernel, {
    params: { K, blocks },
    buffers: [
      x.binding,
      { buffer: codes, size: want.codes },
      { buffer: meta, size: want.meta },
    ],
    workgroups: grid1d(rec.gpu, blocks, WG),
  });
}

/** CPU reference: the int8 codes (in element order, padded to whole blocks) and block scales. */
export function quantizeXReference(x: Float32Array): { codes: Int8Array; scales: Float32Array } {
  const blocks = Math.ceil(x.length / X_BLOCK);
  const codes = new Int8Array(blocks * X_BLOCK), scales = new Float32Array(blocks);
  for (let b = 0; b < blocks; b++) {
    let amax = 0;
    for (let k = b * X_BLOCK; k < Math.min(x.length, (b + 1) * X_BLOCK); k++) {
      amax = Math.max(amax, Math.abs(x[k]));
    }
    const s = Math.fround(amax / 127);
    scales[b] = s;
    const inv = s > 0 ? Math.fround(1 / s) : 0;
    for (let k = b * X_BLOCK; k < Math.min(x.length, (b + 1) * X_BLOCK); k++) {
      codes[k] = Math.max(-127, Math.min(127, Math.round(Math.fround(x[k] * inv))));
    }
  }
  return { codes, scales };
}
