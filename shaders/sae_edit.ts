// One feature edit on the GPU (sae_edit.wgsl), in place on a features tensor:
// the edit values and the positions travel in the uniforms, so recording an
// edit allocates nothing and reads nothing back. With a condition, the edit
// applies at a row only while another column of the features as encoded
// meets it (saeEditWhenKernel).

import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams } from "../engine/gpu/kernel.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import { grid1d } from "./grid.ts";
import source from "./sae_edit.wgsl" with { type: "text" };

const WG = 64;
const params = defineParams({
  T: "u32",
  stride: "u32",
  slot: "u32",
  op: "u32",
  a: "f32",
  b: "f32",
  all: "u32",
  tStart: "u32",
  when_column: "u32", // main_when: the condition's column of `source`
  lo: "f32", // main_when: edit while lo < source[t, when_column] < hi
  hi: "f32",
  mask: { vec4u: 64 }, // bit (t - tStart) of the window
});
export const saeEditKernel = defineKernel({
  key: `sae_edit_wg${WG}`,
  params,
  parts: [source],
  entryPoint: "main",
  constants: { WG },
});
export const saeEditWhenKernel = defineKernel({
  key: `sae_edit_when_wg${WG}`,
  params,
  parts: [source],
  entryPoint: "main_when",
  constants: { WG },
});

export type FeatureOp =
  | { op: "add"; value: number }
  | { op: "set"; value: number }
  | { op: "mul"; value: number }
  | { op: "clamp"; min: number; max: number }
  | { op: "ablate" };

/** An edit's condition: source [T, stride] (as f), edit row t while lo < source[t, column] < hi. */
export interface EditCondition {
  source: Tensor<"f32">;
  column: number;
  lo: number;
  hi: number;
}

const OP_CODE = { add: 0, set: 1, mul: 2, clamp: 3, ablate: 4 } as const;
/** Positions one dispatch covers: 64 vec4u words of mask bits. */
const WINDOW = 64 * 128;

/**
 * f[t, column] = op(f[t, column]) at `positions` (every t when null), and only
 * where `when` holds, if given; f: [T, stride].
 */
export function editFeature(
  rec: Recorder,
  f: Tensor<"f32">,
  column: number,
  op: FeatureOp,
  positions: readonly number[] | null,
  when?: EditCondition,
): void {
  const [T, stride] = f.shape;
  if (f.shape.length !== 2 || column < 0 || column >= stride) {
    throw new Error(`editFeature: column ${column} outside f [${f.shape}]`);
  }
  if (
    when && (when.source.shape.length !== 2 || when.source.shape[0] !== T ||
      when.source.shape[1] !== stride || when.column < 0 || when.column >= stride)
  ) {
    throw new Error(
      `editFeature: condition column ${when.column} of [${when.source.shape}] does not match f [${f.shape}]`,
    );
  }
  const a = op.op === "clamp" ? op.min : op.op === "ablate" ? 0 : op.value;
  const b = op.op === "clamp" ? op.max : 0;
  const head = {
    T,
    stride,
    slot: column,
    op: OP_CODE[op.op],
    a,
    b,
    when_column: when?.column ?? 0,
    lo: when?.lo ?? 0,
    hi: when?.hi ?? 0,
  };
  const kernel = when ? saeEditWhenKernel : saeEditKernel;
  const buffers = when ? [f.binding, when.source.binding] : [f.binding];
  if (positions === null) {
    rec.dispatch(kernel, {
      params: { ...head, all: 1, tStart: 0, mask: [] },
      buffers,
      workgroups: grid1d(rec.gpu, T, WG),
    });
    return;
  }
  const windows = new Map<number, number[]>();
  for (const t of positions) {
    if (!Number.isInteger(t) || t < 0 || t >= T) {
      throw new Error(`editFeature: position ${t} outside [0, ${T})`);
    }
    const start = Math.floor(t / WINDOW) * WINDOW;
    let mask = windows.get(start);
    if (!mask) windows.set(start, mask = new Array(4 * 64).fill(0));
    const bit = t - start;
    mask[bit >>> 5] = (mask[bit >>> 5] | (1 << (bit & 31))) >>> 0;
  }
  for (const [start, mask] of windows) {
    rec.dispatch(kernel, {
      params: { ...head, all: 0, tStart: start, mask },
      buffers,
      workgroups: grid1d(rec.gpu, T, WG),
    });
  }
}

/** The CPU reference of one op on one value (f32 results, as the kernel). */
export function applyOpReference(v: number, op: FeatureOp): number {
  switch (op.op) {
    case "add":
      return Math.fround(v + op.value);
    case "set":
      return Math.fround(op.value);
    case "mul":
      return Math.fround(v * op.value);
    case "clamp":
      return Math.min(Math.max(v, Math.fround(op.min)), Math.fround(op.max));
    case "ablate":
      return 0;
  }
}
