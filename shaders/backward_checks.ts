// Argument checks shared by the backward kernels' wrappers.

import type { Tensor } from "../engine/gpu/tensor.ts";

/** Whether two tensors share bytes of one buffer (a gradient written over its input). */
export function overlaps(a: Tensor, b: Tensor): boolean {
  if (a.buffer !== b.buffer) return false;
  const x = a.binding, y = b.binding;
  return x.offset < y.offset + y.size && y.offset < x.offset + x.size;
}
