import type { Recorder } from "../engine/gpu/recorder.ts";
import { type Kernel, wgsl } from "../engine/gpu/kernel.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import { grid1d } from "./grid.ts";
import common from "./common.wgsl" with { type: "text" };
import source from "./rope.wgsl" with { type: "text" };

const WG = 64;
export const ropeKernel: Kernel = {
  key: `rope_halves_wg${WG}`,
  source: wgsl("rope", common, source),
  constants: { WG },
};

/**
 * Rotates q or k in place (HF rotate-half). x: [T, nHeads, headDim], row t at
 * absolute position positionStart + t; invFreq: [headDim / 2].
 */
export function rope(
  rec: Recorder,
  x: Tensor<"f32">,
  invFreq: Tensor<"f32">,
  positionStart: number,
): void {
  const [T, nHeads, headDim] = x.shape;
  if (x.shape.length !== 3 || headDim % 2 !== 0) {
    throw new Error(`rope: x must be [T, nHeads, even headDim], got [${x.shape}]`);
  }
  const half = headDim / 2;
  if (invFreq.size !== half) {
    throw new Error(`rope: invFreq has ${invFreq.size} values, head_dim ${headDim} needs ${half}`);
  }
  // Positions are converted to f32 on the GPU; past 2^24 they would round.
  if (!Number.isInteger(positionStart) || positionStart < 0 || positionStart + T > 2 ** 24) {
    throw new Error(`rope: positions ${positionStart}..${positionStart + T} outside [0, 2^24]`);
  }
  const pairs = T * nHeads * half;
  rec.dispatch(ropeKernel, {
    params: { layout: "uuuu", values: [pairs, half, nHeads, positionStart] },
    buffers: [x.binding, invFreq.binding],
    workgroups: grid1d(rec.gpu, pairs, WG),
  });
}

/**
 * CPU reference. The angle is rounded to f32 as HF computes it (f32 inv_freq
 * times f32 position); sin/cos of that angle are exact (f64).
 */
export function ropeReference(
  x: Float32Array, // [T, nHeads, headDim]
  shape: readonly [number, number, number],
  invFreq: Float32Array, // [headDim / 2]
  positionStart: number,
): Float32Array {
  const [T, nHeads, headDim] = shape;
  const half = headDim / 2;
  const out = x.slice();
  for (let t = 0; t < T; t++) {
    for (let h = 0; h < nHeads; h++) {
      const base = (t * nHeads + h) * headDim;
      for (let i = 0; i < half; i++) {
        const angle = Math.fround(Math.fround(positionStart + t) * invFreq[i]);
        const c = Math.cos(angle), s = Math.sin(angle);
        const x1 = x[base + i], x2 = x[base + i + half];
        out[base + i] = x1 * c - x2 * s;
        out[base + i + half] = x2 * c + x1 * s;
      }
    }
  }
  return out;
}
