// Bias + activation (and input centering) for SAE encodes that run through
// linear(): see sae_bias_act.wgsl.

import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams, type Kernel } from "../engine/gpu/kernel.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import common from "./common.wgsl" with { type: "text" };
import { grid1d } from "./grid.ts";
import source from "./sae_bias_act.wgsl" with { type: "text" };

export type BiasActivation = "none" | "relu" | "jumprelu";
const ACT_CODE: Record<BiasActivation, number> = { none: 0, relu: 1, jumprelu: 2 };
const WG = 256;
const params = defineParams({ n: "u32", /* T * width */ width: "u32" });
const kernels = new Map<string, Kernel<typeof params.fields>>();

export function saeBiasActKernel(
  entry: "bias_act" | "center",
  act: BiasActivation,
): Kernel<typeof params.fields> {
  const key = entry === "center" ? `sae_center_wg${WG}` : `sae_bias_${act}_wg${WG}`;
  let k = kernels.get(key);
  if (!k) {
    k = defineKernel({
      key,
      params,
      parts: [common, source],
      entryPoint: entry,
      constants: { WG, ACT: ACT_CODE[act] },
    });
    kernels.set(key, k);
  }
  return k;
}

/** In place on pre [T, N]: pre = act(pre + bias), threshold [N] for JumpReLU. */
export function biasActivation(
  rec: Recorder,
  pre: Tensor<"f32">,
  bias: Tensor<"f32">,
  act: BiasActivation,
  threshold: Tensor<"f32"> | null,
): void {
  const N = pre.shape[pre.shape.length - 1];
  if (bias.size !== N || (threshold && threshold.size !== N)) {
    throw new Error(`biasActivation: bias [${bias.shape}] does not fit pre [${pre.shape}]`);
  }
  if (act === "jumprelu" && !threshold) {
    throw new Error("biasActivation: JumpReLU needs a threshold");
  }
  rec.dispatch(saeBiasActKernel("bias_act", act), {
    params: { n: pre.size, width: N },
    buffers: [pre.binding, bias.binding, (threshold ?? bias).binding],
    workgroups: grid1d(rec.gpu, pre.size, WG),
  });
}

/** out [T, K] = x [T, K] - v [K]. */
export function subtractRow(
  rec: Recorder,
  x: Tensor<"f32">,
  v: Tensor<"f32">,
  out: Tensor<"f32">,
): void {
  const K = v.size;
  if (x.size !== out.size || x.shape[x.shape.length - 1] !== K) {
    throw new Error(`subtractRow: x [${x.shape}], v [${v.shape}], out [${out.shape}] disagree`);
  }
  rec.dispatch(saeBiasActKernel("center", "none"), {
    params: { n: x.size, width: K },
    buffers: [out.binding, x.binding, v.binding],
    workgroups: grid1d(rec.gpu, x.size, WG),
  });
}
