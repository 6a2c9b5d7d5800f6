// Token selection on the GPU: greedy argmax, or temperature / top-k / top-p
// sampling driven by one uniform draw from the CPU (engine/model/sampler.ts).
// The method is described in sample.wgsl.
//
// Semantics shared by the kernel and `sampleReference`:
// - greedy (temperature 0, or below MIN_TEMPERATURE, or topK 1): the largest
//   logit, the lowest index on exact ties (-0 ties +0);
// - NaN counts as -inf: never picked. A row with no logit above -inf yields
//   NO_TOKEN rather than an arbitrary id; callers must check. A +inf logit makes
//   softmax undefined, so the lowest +inf index wins as in greedy;
// - otherwise p ∝ exp((logit - max) / T) (HF order: temperature, then top-k,
//   then top-p); top-k keeps the k largest logits and every logit equal to the
//   k-th (as HF's TopKLogitsWarper); top-p keeps the smallest most-probable set
//   whose renormalised top-k mass is >= topP, again with every tie of the last
//   kept value; the token is the first, in index order, whose cumulative kept
//   mass exceeds draw * total.

import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams } from "../engine/gpu/kernel.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import source from "./sample.wgsl" with { type: "text" };

/** Written instead of a token when every logit is NaN or -inf. */
export const NO_TOKEN = 0xffffffff;
/** Temperatures below this are greedy: (x - max) / T would overflow f32 and 0/0 at the max. */
export const MIN_TEMPERATURE = 1e-30;

const WG = 256;
const params = defineParams({
  n: "u32",
  slot: "u32",
  top_k: "u32", // 0 = off
  temperature: "f32", // > 0 (the `sample` entry point only)
  top_p: "f32", // in (0, 1]; 1 = off
  draw: "f32", // uniform in [0, 1)
});

export const argmaxKernel = defineKernel({
  key: `argmax_wg${WG}`,
  params,
  parts: [source],
  entryPoint: "argmax",
  constants: { WG },
});
export const sampleKernel = defineKernel({
  key: `sample_wg${WG}`,
  params,
  parts: [source],
  entryPoint: "sample",
  constants: { WG },
});

export interface SampleParams {
  /** 0 = greedy. */
  temperature: number;
  /** Keep the k largest logits; 0 = off, 1 = greedy. */
  topK: number;
  /** Keep the smallest most-probable set with mass >= topP, in (0, 1]; 1 = off. */
  topP: number;
  /** The random draw in [0, 1). Multiples of 2^-24 (what Sampler gives) are exact in f32. */
  uniform: number;
}

// f32 rounding may carry a draw just below 1 up to 1; the largest f32 below 1 keeps it in range.
function drawF32(u: number): number {
  return Math.min(Math.fround(u), 1 - 2 ** -24);
}

export function isGreedy(o: Pick<SampleParams, "temperature" | "topK">): boolean {
  return o.temperature < MIN_TEMPERATURE || o.topK === 1;
}

function check(o: SampleParams): void {
  const bad = !(o.temperature >= 0 && o.temperature < Infinity)
    ? "temperature"
    : !(Number.isInteger(o.topK) && o.topK >= 0 && o.topK <= 0xffffffff)
    ? "topK"
    : !(o.topP > 0 && o.topP <= 1)
    ? "topP"
    : !(o.uniform >= 0 && o.uniform < 1)
    ? "uniform"
    : null;
  if (bad) {
    throw new Error(
      `sampleToken: bad ${bad} in ${JSON.stringify(o)} (want temperature >= 0, ` +
        `integer topK >= 0, 0 < topP <= 1, 0 <= uniform < 1)`,
    );
  }
}

/**
 * Enqueues the choice of one token from `logits` [vocab] (a view is fine) into
 * `out[slot]` (out: [slots] u32, so a generation loop can keep every step's
 * token in one buffer). Nothing is submitted or read back here.
 */
export function sampleToken(
  rec: Recorder,
  logits: Tensor<"f32">,
  out: Tensor<"u32">,
  opts: SampleParams,
  slot = 0,
): void {
  check(opts);
  const n = logits.size;
  if (n < 1) throw new Error(`sampleToken: empty logits [${logits.shape}]`);
  if (!Number.isInteger(slot) || slot < 0 || slot >= out.size) {
    throw new Error(`sampleToken: slot ${slot} out of range for out [${out.shape}]`);
  }
  const draw = drawF32(opts.uniform);
  rec.dispatch(isGreedy(opts) ? argmaxKernel : sampleKernel, {
    params: {
      n,
      slot,
      top_k: opts.topK,
      temperature: opts.temperature,
      top_p: opts.topP,
      draw,
    },
    buffers: [logits.binding, out.binding],
    workgroups: [1],
  });
}

/** Greedy: the lowest index of the largest logit (NaN = -inf; NO_TOKEN if none is above -inf). */
export function argmaxToken(rec: Recorder, logits: Tensor<"f32">, out: Tensor<"u32">, slot = 0) {
  sampleToken(rec, logits, out, { temperature: 0, topK: 0, topP: 1, uniform: 0 }, slot);
}

// ---- CPU reference ------------------------------------------------------------

export interface ReferencePick {
  token: number;
  /**
   * Distance, as a fraction of the mass involved, from the nearest decision
   * boundary (a top-p cut or a CDF step). f32 GPU sums may decide either way
   * below ~1e-5; tests skip such draws.
   */
  margin: number;
}

/** The same choice as `sampleToken`, with weights and sums in f64. */
export function sampleReference(logits: Float32Array, opts: SampleParams): number {
  return sampleReferencePick(logits, opts).token;
}

export function sampleReferencePick(logits: Float32Array, opts: SampleParams): ReferencePick {
  check(opts);
  const live = (x: number) => x > -Infinity; // false for NaN too
  let best = -1;
  for (let i = 0; i < logits.length; i++) {
    if (live(logits[i]) && (best < 0 || logits[i] > logits[best])) best = i;
  }
  if (best < 0) return { token: NO_TOKEN, margin: Infinity };
  const m = logits[best];
  if (isGreedy(opts) || m === Infinity) return { token: best, margin: Infinity };

  const T = Math.fround(opts.temperature);
  const weight = (x: number) => Math.exp((x - m) / T);
  const values = [...logits].filter(live).sort((a, b) => b - a); // descending
  let cut = -Infinity; // keep live x >= cut
  if (opts.topK > 0 && opts.topK < values.length) cut = values[opts.topK - 1];

  let margin = Infinity;
  if (opts.topP < 1) {
    let zk = 0;
    for (const x of values) if (x >= cut) zk += weight(x);
    const goal = Math.fround(opts.topP) * zk;
    let mass = 0;
    for (let j = 0; j < values.length;) {
      const v = values[j];
      for (; j < values.length && values[j] === v; j++) mass += weight(v);
      margin = Math.min(margin, Math.abs(mass - goal) / zk);
      if (mass >= goal) {
        cut = v;
        break;
      }
    }
  }

  let z = 0;
  for (const x of logits) if (live(x) && x >= cut) z += weight(x);
  const target = drawF32(opts.uniform) * z;
  let acc = 0;
  for (let i = 0; i < logits.length; i++) {
    const x = logits[i];
    if (!live(x) || x < cut) continue;
    const before = acc;
    acc += weight(x);
    if (acc > target) {
      margin = Math.min(margin, (target - before) / z, (acc - target) / z);
      return { token: i, margin };
    }
  }
  throw new Error("sampleReference: unreachable (target < total mass)");
}
