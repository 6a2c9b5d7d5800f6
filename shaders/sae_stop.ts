// Stop conditions evaluated on the GPU (sae_stop.wgsl): features whose
// activation meets a condition lower the engine's stop flag, which generate
// reads back with the token it already reads. Nothing else comes back.

import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams } from "../engine/gpu/kernel.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import { grid1d } from "./grid.ts";
import source from "./sae_stop.wgsl" with { type: "text" };

const WG = 64;
/** Conditions per dispatch: two vec4u each in the uniforms. */
const MAX_STOPS = 16;
/** Flag value while nothing was raised. */
export const STOP_NONE = 0xffffffff;
/** Positions beyond this are reported as this (24 bits beside an 8-bit code). */
export const MAX_STOP_POSITION = 0xfffffe;

export const saeStopKernel = defineKernel({
  key: `sae_stop_wg${WG}`,
  params: defineParams({
    T: "u32",
    stride: "u32",
    count: "u32",
    position_start: "u32",
    list: { vec4u: 2 * MAX_STOPS }, // per condition: (column, code, fromRow, 0), (lo, hi, 0, 0) as f32 bits
  }),
  parts: [source],
  constants: { WG },
});

/** A stop condition on column `column` of f: holds while lo < f < hi, from row `fromRow` on. */
export interface StopColumn {
  column: number;
  lo: number;
  hi: number;
  /** 1..255: what the flag reports (the reason's index, see StopSignal). */
  code: number;
  fromRow: number;
}

const bits = new DataView(new ArrayBuffer(4));
function f32Bits(v: number): number {
  bits.setFloat32(0, v, true);
  return bits.getUint32(0, true);
}

/** flag[0] = min(flag[0], position * 256 + code) over rows of f [T, stride] meeting a condition. */
export function raiseStops(
  rec: Recorder,
  f: Tensor<"f32">,
  flag: Tensor<"u32">,
  positionStart: number,
  stops: readonly StopColumn[],
): void {
  const [T, stride] = f.shape;
  if (f.shape.length !== 2 || flag.dtype !== "u32" || flag.size !== 1) {
    throw new Error(`raiseStops: f [${f.shape}] must be [T, stride] and flag a u32 [1]`);
  }
  if (!Number.isInteger(positionStart) || positionStart < 0 || positionStart > 0xffffffff - T) {
    throw new Error(`raiseStops: positionStart ${positionStart} is not a u32 position`);
  }
  for (const s of stops) {
    if (!Number.isInteger(s.column) || s.column < 0 || s.column >= stride) {
      throw new Error(`raiseStops: column ${s.column} outside f [${f.shape}]`);
    }
    if (!Number.isInteger(s.code) || s.code < 1 || s.code > 255) {
      throw new Error(`raiseStops: code ${s.code} outside [1, 255]`);
    }
  }
  for (let i = 0; i < stops.length; i += MAX_STOPS) {
    const part = stops.slice(i, i + MAX_STOPS);
    const list = part.flatMap((s) => [
      s.column,
      s.code,
      Math.min(s.fromRow, 0xffffffff),
      0,
      f32Bits(s.lo),
      f32Bits(s.hi),
      0,
      0,
    ]);
    rec.dispatch(saeStopKernel, {
      params: { T, stride, count: part.length, position_start: positionStart, list },
      buffers: [f.binding, flag.binding],
      workgroups: grid1d(rec.gpu, T, WG),
    });
  }
}

/** The plain-TS reference: the flag after raiseStops, from `flag`. */
export function raiseStopsReference(
  f: Float32Array,
  stride: number,
  flag: number,
  positionStart: number,
  stops: readonly StopColumn[],
): number {
  const T = f.length / stride;
  let out = flag;
  for (let t = 0; t < T; t++) {
    const position = Math.min(positionStart + t, MAX_STOP_POSITION);
    for (const s of stops) {
      const v = f[t * stride + s.column];
      if (t >= s.fromRow && v > Math.fround(s.lo) && v < Math.fround(s.hi)) {
        out = Math.min(out, position * 256 + s.code);
      }
    }
  }
  return out;
}
