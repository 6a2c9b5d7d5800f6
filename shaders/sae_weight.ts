// One template for the SAE kernels that read W_enc / W_dec rows element by
// element (dense and sparse decode, steering), whatever the matrix's device
// format: f32 (Matrix) or block-quantized (QuantMatrix, engine/quant). The
// kernel's source declares `w` at its weight binding as array<{{W_TYPE}}> and
// calls w_at(r, k, cols); a quantized matrix adds its scales as one more
// binding after the kernel's own (sae_weight.wgsl).

import { Matrix } from "../engine/gpu/matrix.ts";
import {
  defineKernel,
  type Kernel,
  type ParamFields,
  type ParamSpec,
} from "../engine/gpu/kernel.ts";
import type { QuantLayout } from "../engine/quant/format.ts";
import type { PlainWeightMatrix } from "../engine/quant/matrix.ts";
import quant from "./quant.wgsl" with { type: "text" };
import helpers from "./sae_weight.wgsl" with { type: "text" };

type Binding = { buffer: GPUBuffer; offset: number; size: number };

/** One row chunk of a weight matrix as the SAE kernels bind it. */
export interface WeightChunk {
  rowStart: number;
  rows: number;
  /** Codes (quantized) or values (f32): the kernel's `w`. */
  w: Binding;
  /** f16 scale pairs, bound after the kernel's last buffer; none for f32. */
  extra: Binding[];
}

export function weightChunks(m: PlainWeightMatrix): WeightChunk[] {
  if (m instanceof Matrix) {
    return m.chunks.map((c) => ({
      rowStart: c.rowStart,
      rows: c.tensor.shape[0],
      w: c.tensor.binding,
      extra: [],
    }));
  }
  return m.chunks.map((c) => ({
    rowStart: c.rowStart,
    rows: c.rows,
    w: c.words.binding,
    extra: [c.scales.binding],
  }));
}

/** "f32", or e.g. "q8b16": part of kernel keys. */
export function weightVariant(m: PlainWeightMatrix | null): string {
  return m === null || m instanceof Matrix ? "f32" : `${m.format}b${m.layout.block}`;
}

const section = (name: string) => {
  const m = helpers.match(new RegExp(`//#${name}\\n([\\s\\S]*?)(?=//#|$)`));
  if (!m) throw new Error(`sae_weight.wgsl: no section ${name}`);
  return m[1];
};

/** A kernel that reads SAE weights, before their format is chosen: `source` has {{W_TYPE}}. */
export interface WeightKernelBase<F extends ParamFields> {
  key: string;
  params: ParamSpec<F>;
  source: string;
  entryPoint?: string;
  constants?: Record<string, number>;
}

const kernels = new Map<string, Kernel>();

/**
 * The kernel `base` for weights like `m`; `lastBinding` is the kernel's last
 * storage binding, so a quantized matrix's scales go at lastBinding + 1. null:
 * an entry point that reads no weights (the f32 declarations).
 */
export function weightKernel<F extends ParamFields>(
  base: WeightKernelBase<F>,
  m: PlainWeightMatrix | null,
  lastBinding: number,
): Kernel<F> {
  return weightLayoutKernel(base, m === null || m instanceof Matrix ? null : m.layout, lastBinding);
}

/** weightKernel by layout: null for f32 weights. */
export function weightLayoutKernel<F extends ParamFields>(
  base: WeightKernelBase<F>,
  l: QuantLayout | null,
  lastBinding: number,
): Kernel<F> {
  const key = `${base.key}_${l ? `${l.format}b${l.block}` : "f32"}`;
  let k = kernels.get(key) as Kernel<F> | undefined;
  if (!k) {
    const parts = l === null ? [base.source.replaceAll("{{W_TYPE}}", "f32"), section("f32")] : [
      base.source.replaceAll("{{W_TYPE}}", "u32"),
      quant,
      section("quant")
        .replaceAll("{{SCALES_BINDING}}", String(lastBinding + 1))
        .replaceAll("{{BLOCK}}", String(l.block))
        .replaceAll("{{PER_WORD}}", String(l.perWord))
        .replaceAll("{{FORMAT}}", l.format),
    ];
    k = defineKernel({ ...base, key, parts });
    kernels.set(key, k as Kernel);
  }
  return k;
}
