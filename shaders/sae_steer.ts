// The cheap steering path's kernels (sae_steer.wgsl, sae_steer_apply.wgsl):
// gather the edited features' activations, then add W_dec^T (f' - f) over
// those features only. Either matrix may be f32 or quantized (sae_weight.ts).
// sae/steer.ts drives them; sae_edit.ts edits f' in between.

import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineParams, type Kernel } from "../engine/gpu/kernel.ts";
import type { QuantLayout } from "../engine/quant/format.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import type { PlainWeightMatrix } from "../engine/quant/matrix.ts";
import { grid1d } from "./grid.ts";
import type { EncodeActivation, SaeGpuWeights } from "./sae_encode.ts";
import { type WeightChunk, weightChunks, weightLayoutKernel } from "./sae_weight.ts";
import { Matrix } from "../engine/gpu/matrix.ts";
import source from "./sae_steer.wgsl" with { type: "text" };
import applySource from "./sae_steer_apply.wgsl" with { type: "text" };

const WG = 64;
/** (slot, row, feature) triples per dispatch: the uniform array's length. */
const MAX_LIST = 16;
const ACT_CODE: Record<EncodeActivation, number> = { none: 0, relu: 1, jumprelu: 2 };

/** Bindings before a quantized matrix's scales, per entry point. */
const LAST_BINDING = { gather_encode: 7, gather_dense: 3, apply: 4 };

/** One layout for every entry point (sae_steer_apply.wgsl leaves `center` unused). */
const params = defineParams({
  T: "u32",
  K: "u32", // d_in
  E: "u32", // slots per token in f0 / f1
  count: "u32", // entries used in `list`
  center: "u32", // 1: x - b_dec before encoding (SAELens apply_b_dec_to_input)
  dense_stride: "u32", // d_sae (gather_dense)
  list: { vec4u: MAX_LIST }, // (slot, row in this chunk, feature, unused)
});

/** The kernel of `entry` for weights of layout `l` (null: f32, or no weights). */
export function saeSteerKernel(
  entry: "gather_encode" | "gather_dense" | "apply",
  act: EncodeActivation,
  l: QuantLayout | null,
): Kernel<typeof params.fields> {
  const key = entry === "gather_encode"
    ? `sae_steer_gather_encode_${act}_wg${WG}`
    : `sae_steer_${entry}_wg${WG}`;
  const base = {
    key,
    params,
    source: entry === "apply" ? applySource : source,
    entryPoint: entry,
    constants: entry === "apply" ? { WG } : { WG, ACT: ACT_CODE[act] } as Record<string, number>,
  };
  return weightLayoutKernel(base, l, LAST_BINDING[entry]);
}

function kernel(
  entry: "gather_encode" | "gather_dense" | "apply",
  act: EncodeActivation,
  m: PlainWeightMatrix | null,
): Kernel<typeof params.fields> {
  return saeSteerKernel(entry, act, m === null || m instanceof Matrix ? null : m.layout);
}

/** An edited feature and the column of f0 / f1 [T, E] that holds it. */
export interface SteerSlot {
  slot: number;
  feature: number;
}

/** Per dispatch: the slots whose rows lie in one chunk, at most MAX_LIST of them. */
function* batches(m: PlainWeightMatrix, slots: readonly SteerSlot[]): Generator<{
  chunk: WeightChunk;
  count: number;
  list: number[];
}> {
  for (const chunk of weightChunks(m)) {
    const rows = chunk.rows;
    const mine = slots.filter((s) =>
      s.feature >= chunk.rowStart && s.feature < chunk.rowStart + rows
    );
    for (let i = 0; i < mine.length; i += MAX_LIST) {
      const list = mine.slice(i, i + MAX_LIST).flatMap((
        s,
      ) => [s.slot, s.feature - chunk.rowStart, s.feature, 0]);
      yield { chunk, count: list.length / 4, list };
    }
  }
}

function checkSlots(
  op: string,
  x: Tensor<"f32">,
  f0: Tensor<"f32">,
  f1: Tensor<"f32">,
  slots: readonly SteerSlot[],
) {
  const [T, E] = f0.shape;
  if (
    f0.shape.length !== 2 || f1.shape.length !== 2 || f1.shape[0] !== T || f1.shape[1] !== E ||
    x.shape[0] !== T || slots.some((s) => s.slot < 0 || s.slot >= E)
  ) {
    throw new Error(
      `${op}: x [${x.shape}], f0 [${f0.shape}], f1 [${f1.shape}] and slots do not agree`,
    );
  }
  return [T, E];
}

/** f0[t, slot] = f1[t, slot] = act(x[t] . W_enc[feature] + b_enc[feature]) for each slot. */
export function steerGatherEncode(
  rec: Recorder,
  x: Tensor<"f32">,
  w: SaeGpuWeights,
  act: EncodeActivation,
  f0: Tensor<"f32">,
  f1: Tensor<"f32">,
  slots: readonly SteerSlot[],
): void {
  const [T, E] = checkSlots("steerGatherEncode", x, f0, f1, slots);
  const K = w.wEnc.cols;
  for (const b of batches(w.wEnc, slots)) {
    rec.dispatch(kernel("gather_encode", act, w.wEnc), {
      params: {
        T,
        K,
        E,
        count: b.count,
        center: w.center ? 1 : 0,
        dense_stride: 0,
        list: b.list,
      },
      buffers: [
        f0.binding,
        f1.binding,
        x.binding,
        b.chunk.w,
        w.bEnc.binding,
        (w.threshold ?? w.bEnc).binding,
        w.bDec.binding,
        ...b.chunk.extra,
      ],
      workgroups: grid1d(rec.gpu, T, 1),
    });
  }
}

/** f0[t, slot] = f1[t, slot] = dense[t, feature] (TopK SAEs: dense from encode()). */
export function steerGatherDense(
  rec: Recorder,
  dense: Tensor<"f32">,
  f0: Tensor<"f32">,
  f1: Tensor<"f32">,
  slots: readonly SteerSlot[],
): void {
  const [T, E] = checkSlots("steerGatherDense", dense, f0, f1, slots);
  for (let i = 0; i < slots.length; i += MAX_LIST) {
    const part = slots.slice(i, i + MAX_LIST);
    const list = part.flatMap((s) => [s.slot, 0, s.feature, 0]);
    rec.dispatch(kernel("gather_dense", "none", null), {
      params: {
        T,
        K: 0,
        E,
        count: part.length,
        center: 0,
        dense_stride: dense.shape[1],
        list,
      },
      buffers: [f0.binding, f1.binding, dense.binding],
      workgroups: grid1d(rec.gpu, T * part.length, WG),
    });
  }
}

/** x [T, d_in] += sum over slots of (f1 - f0)[t, slot] * W_dec[feature]. */
export function steerApply(
  rec: Recorder,
  x: Tensor<"f32">,
  wDec: PlainWeightMatrix,
  f0: Tensor<"f32">,
  f1: Tensor<"f32">,
  slots: readonly SteerSlot[],
): void {
  const [T, E] = checkSlots("steerApply", x, f0, f1, slots);
  const K = wDec.cols;
  if (x.shape[1] !== K) throw new Error(`steerApply: x [${x.shape}] is not [T, ${K}]`);
  for (const b of batches(wDec, slots)) {
    rec.dispatch(kernel("apply", "none", wDec), {
      params: { T, K, E, count: b.count, center: 0, dense_stride: 0, list: b.list },
      buffers: [f0.binding, f1.binding, x.binding, b.chunk.w, ...b.chunk.extra],
      workgroups: [Math.ceil(K / WG), T],
    });
  }
}
