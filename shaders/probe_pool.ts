// Pooling for probes (sae/probe_train.ts): the per-token rows of one text
// reduced to one row of the design matrix [texts, d], max or mean over its
// tokens, on the GPU while the text runs, so a corpus never comes back per
// token.

import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams, type Kernel } from "../engine/gpu/kernel.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import { grid1d } from "./grid.ts";
import common from "./common.wgsl" with { type: "text" };
import source from "./probe_pool.wgsl" with { type: "text" };

/** How a text's per-token vectors become one vector. */
export type ProbePooling = "max" | "mean";

const WG = 64;
const params = defineParams({
  T: "u32",
  d: "u32",
  row_start: "u32",
  dst_row: "u32",
  first: "u32",
  scale: "f32",
});

function poolKernel(pool: ProbePooling): Kernel<typeof params.fields> {
  return defineKernel({
    key: `probe_pool_${pool}_wg${WG}`,
    params,
    parts: [common, source],
    constants: { WG, MAX: pool === "max" ? 1 : 0 },
  });
}

/** The two variants, by pooling. */
export const probePoolKernels: Record<ProbePooling, Kernel<typeof params.fields>> = {
  max: poolKernel("max"),
  mean: poolKernel("mean"),
};

/** Where one call's rows go and how they combine (see probePool). */
export interface PoolTarget {
  /** Row of `out` written. */
  dstRow: number;
  /** First row of f pooled (rows before it, e.g. a BOS token, are left out). */
  rowStart: number;
  /** This call holds the text's first pooled token: overwrite the row instead of combining. */
  first: boolean;
  /** Mean pooling: 1 / (tokens pooled over the whole text); ignored by max. */
  scale: number;
}

/**
 * out[dstRow] = pool over rows [rowStart, T) of f [T, d], combined with
 * out[dstRow] unless `first` (max: the larger; mean: the sum of scaled rows).
 */
export function probePool(
  rec: Recorder,
  pool: ProbePooling,
  f: Tensor<"f32">,
  out: Tensor<"f32">,
  t: PoolTarget,
): void {
  const [T, d] = f.shape;
  if (f.shape.length !== 2 || out.shape.length !== 2 || out.shape[1] !== d) {
    throw new Error(
      `probePool: f [${f.shape}] and out [${out.shape}] must be [T, d] and [rows, d]`,
    );
  }
  if (!Number.isInteger(t.dstRow) || t.dstRow < 0 || t.dstRow >= out.shape[0]) {
    throw new Error(`probePool: dstRow ${t.dstRow} outside [0, ${out.shape[0]})`);
  }
  if (!Number.isInteger(t.rowStart) || t.rowStart < 0 || t.rowStart >= T) {
    throw new Error(`probePool: rowStart ${t.rowStart} outside [0, ${T}): no rows to pool`);
  }
  rec.dispatch(probePoolKernels[pool], {
    params: {
      T,
      d,
      row_start: t.rowStart,
      dst_row: t.dstRow,
      first: t.first ? 1 : 0,
      scale: pool === "mean" ? t.scale : 0,
    },
    buffers: [f.binding, out.binding],
    workgroups: grid1d(rec.gpu, d, WG),
  });
}

/** CPU reference in f64: `out` [rows, d] after probePool(f [T, d], t). */
export function probePoolReference(
  pool: ProbePooling,
  f: Float32Array,
  T: number,
  d: number,
  out: Float64Array,
  t: PoolTarget,
): Float64Array {
  const res = out.slice();
  for (let j = 0; j < d; j++) {
    let acc = pool === "max" ? -Infinity : 0;
    for (let r = t.rowStart; r < T; r++) {
      const v = f[r * d + j];
      acc = pool === "max" ? Math.max(acc, v) : acc + v * t.scale;
    }
    const at = t.dstRow * d + j;
    if (!t.first) acc = pool === "max" ? Math.max(acc, res[at]) : acc + res[at];
    res[at] = acc;
  }
  return res;
}
