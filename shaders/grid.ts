// Dispatch sizes for 1-D work that may exceed 65,535 workgroups in x: the grid
// folds into y, and kernels rebuild the flat index with `flat_index` from
// common.wgsl.

import type { Gpu } from "../engine/gpu/gpu.ts";

export function grid1d(gpu: Gpu, n: number, workgroupSize: number): [number, number] {
  const total = Math.ceil(n / workgroupSize);
  const max = gpu.device.limits.maxComputeWorkgroupsPerDimension;
  if (total <= max) return [total, 1];
  const y = Math.ceil(total / max);
  return [Math.ceil(total / y), y];
}

/**
 * [begin, end) spans of `rows` rows, at most `most` each: one dispatch per
 * span where a thread would otherwise loop over all the rows (llvmpipe caps
 * loop iterations per invocation near 65,536 and silently drops the rest;
 * ARCHITECTURE.md, "llvmpipe's loop cap").
 */
export function rowSpans(rows: number, most: number): [number, number][] {
  const spans: [number, number][] = [];
  for (let b = 0; b < rows; b += most) spans.push([b, Math.min(rows, b + most)]);
  return spans;
}
