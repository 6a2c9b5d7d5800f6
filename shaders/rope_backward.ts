// RoPE backward: each (i, i + half) pair of a head is rotated by theta in the
// forward, an orthogonal map, so the gradient goes back through the rotation
// by -theta. That is the forward kernel (rope.wgsl) reading a table of
// (cos, -sin) instead of (cos, sin): no kernel of its own, one rotation code.

import type { Recorder } from "../engine/gpu/recorder.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import { rope } from "./rope.ts";

/** The table of the inverse rotations: (cos, -sin) for every (cos, sin) of `table`. */
export function conjugateRopeTable(table: Float32Array): Float32Array {
  const out = table.slice();
  for (let i = 1; i < out.length; i += 2) out[i] = -out[i];
  return out;
}

/**
 * Turns the gradient of rope's output into the gradient of its input, in
 * place: dx [T, nHeads, headDim], row t at position positionStart + t;
 * `conjugate`: conjugateRopeTable of the forward's table, on dx's device.
 */
export function ropeBackward(
  rec: Recorder,
  dx: Tensor<"f32">,
  conjugate: Tensor<"f32">,
  positionStart: number,
): void {
  rope(rec, dx, conjugate, positionStart);
}

/**
 * The transposed rotation in f64, written out from the forward's (cos, sin)
 * table (not through conjugateRopeTable, so that the test checks the trick):
 * x1 = c y1 + s y2, x2 = c y2 - s y1 for each pair (i, i + half).
 */
export function ropeBackwardReference(
  dy: ArrayLike<number>, // [T, nHeads, headDim]
  shape: readonly [number, number, number],
  table: Float32Array, // [context, headDim / 2, 2]
  positionStart: number,
): Float64Array {
  const [T, nHeads, headDim] = shape;
  const half = headDim / 2;
  const dx = new Float64Array(T * nHeads * headDim);
  for (let t = 0; t < T; t++) {
    for (let h = 0; h < nHeads; h++) {
      const base = (t * nHeads + h) * headDim;
      for (let i = 0; i < half; i++) {
        const cs = ((positionStart + t) * half + i) * 2;
        const c = table[cs], s = table[cs + 1];
        const y1 = dy[base + i], y2 = dy[base + i + half];
        dx[base + i] = c * y1 + s * y2;
        dx[base + i + half] = c * y2 - s * y1;
      }
    }
  }
  return dx;
}
