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
