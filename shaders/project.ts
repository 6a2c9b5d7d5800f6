import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams } from "../engine/gpu/kernel.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import { grid1d } from "./grid.ts";
import source from "./project.wgsl" with { type: "text" };

// A power of two: the reduction halves it.
const WG = 64;
export const projectKernel = defineKernel({
  key: `project_wg${WG}`,
  params: defineParams({ rows: "u32", width: "u32", x_off: "u32" }),
  parts: [source],
  constants: { WG },
});

/** out[t] = x[t, :] . direction. x: [rows, width]; direction: [width]; out: [rows]. */
export function project(
  rec: Recorder,
  x: Tensor<"f32">,
  direction: Tensor<"f32">,
  out: Tensor<"f32">,
): void {
  const width = x.shape[x.shape.length - 1], rows = x.size / width;
  if (direction.size !== width) {
    throw new Error(
      `project: direction [${direction.shape}] does not match rows of width ${width}`,
    );
  }
  if (out.size !== rows) throw new Error(`project: out [${out.shape}] needs ${rows} values`);
  rec.dispatch(projectKernel, {
    params: { rows, width, x_off: x.offset / 4 },
    buffers: [x.buffer, direction.binding, out.binding],
    workgroups: grid1d(rec.gpu, rows, 1),
  });
}

export function projectReference(x: Float32Array, direction: Float32Array): Float32Array {
  const width = direction.length, rows = x.length / width;
  const out = new Float32Array(rows);
  for (let t = 0; t < rows; t++) {
    let s = 0;
    for (let i = 0; i < width; i++) s += x[t * width + i] * direction[i];
    out[t] = s;
  }
  return out;
}
