import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams } from "../engine/gpu/kernel.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import { grid1d } from "./grid.ts";
import common from "./common.wgsl" with { type: "text" };
import source from "./add.wgsl" with { type: "text" };

const WG = 256;
export const addKernel = defineKernel({
  key: `add_wg${WG}`,
  params: defineParams({ n: "u32" }),
  parts: [common, source],
  constants: { WG },
});

/** x += y, elementwise. x, y: same number of elements. */
export function addInPlace(rec: Recorder, x: Tensor<"f32">, y: Tensor<"f32">): void {
  if (x.size !== y.size) throw new Error(`addInPlace: shapes [${x.shape}] and [${y.shape}] differ`);
  rec.dispatch(addKernel, {
    params: { n: x.size },
    buffers: [x.binding, y.binding],
    workgroups: grid1d(rec.gpu, x.size, WG),
  });
}

export function addReference(x: Float32Array, y: Float32Array): Float32Array {
  return x.map((v, i) => v + y[i]);
}
