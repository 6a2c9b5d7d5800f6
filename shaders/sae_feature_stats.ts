// Feature statistics for search and contrast (sae/search.ts): per feature,
// the sum, sum of squares and firing count over tokens, accumulated on the
// GPU so that a corpus costs one [3, d_sae] readback, not [tokens, d_sae].

import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams } from "../engine/gpu/kernel.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import { grid1d } from "./grid.ts";
import common from "./common.wgsl" with { type: "text" };
import source from "./sae_feature_stats.wgsl" with { type: "text" };

const WG = 64;
export const featureStatsKernel = defineKernel({
  key: `sae_feature_stats_wg${WG}`,
  params: defineParams({ T: "u32", d: "u32", row_start: "u32" }),
  parts: [common, source],
  constants: { WG },
});

/**
 * stats [3, d] += (sum, sum of squares, count of f > 0) over rows
 * [rowStart, T) of f [T, d], per column.
 */
export function featureStats(
  rec: Recorder,
  f: Tensor<"f32">,
  stats: Tensor<"f32">,
  rowStart = 0,
): void {
  const [T, d] = f.shape;
  if (f.shape.length !== 2 || stats.size !== 3 * d) {
    throw new Error(`featureStats: f [${f.shape}] needs stats [3, ${d}], got [${stats.shape}]`);
  }
  if (!Number.isInteger(rowStart) || rowStart < 0 || rowStart > T) {
    throw new Error(`featureStats: rowStart ${rowStart} outside [0, ${T}]`);
  }
  if (rowStart === T) return;
  rec.dispatch(featureStatsKernel, {
    params: { T, d, row_start: rowStart },
    buffers: [f.binding, stats.binding],
    workgroups: grid1d(rec.gpu, d, WG),
  });
}

/** CPU reference in f64: stats + the sums of rows [rowStart, T) of f [T, d]. */
export function featureStatsReference(
  f: Float32Array,
  T: number,
  d: number,
  stats: Float64Array = new Float64Array(3 * d),
  rowStart = 0,
): Float64Array {
  const out = stats.slice();
  for (let t = rowStart; t < T; t++) {
    for (let j = 0; j < d; j++) {
      const v = f[t * d + j];
      out[j] += v;
      out[d + j] += v * v;
      if (v > 0) out[2 * d + j] += 1;
    }
  }
  return out;
}
