// Sampling options and the per-step random draw. The GPU kernel
// (shaders/sample.ts) does the choosing; the CPU only supplies one uniform
// number per generated token, from a seeded generator so a run can be replayed.
//
// `next()` gives the kernel parameters for one step; `nextUniform()` the bare
// draw. The generator is xoshiro128** seeded through splitmix32: 32-bit integer
// arithmetic only (Math.imul, >>>), so the same seed gives the same sequence in
// Deno and every browser. Draws are multiples of 2^-24 in [0, 1 - 2^-24]: exact
// in f32, so the kernel sees the very number the CPU produced.

import { isGreedy, type SampleParams } from "../../shaders/sample.ts";
import { UsageError } from "../errors.ts";

/** How generate picks each next token (on the GPU, from a seeded generator). */
export interface SamplingOptions {
  /** Softmax temperature, >= 0; 0 = greedy. Default 1. */
  temperature?: number;
  /** Keep the k largest logits (ties with the k-th kept too); integer >= 0, 0 = off. Default 0. */
  topK?: number;
  /** Nucleus mass in (0, 1]; 1 = off. Applied after top-k, as in HF. Default 1. */
  topP?: number;
  /** Any safe integer. Default: a random seed, readable as `Sampler.seed` to replay the run. */
  seed?: number;
}

export type ResolvedSampling = Required<SamplingOptions>;

/** Fills defaults and throws a clear error for any option out of range. */
export function resolveSampling(o: SamplingOptions = {}): ResolvedSampling {
  const { temperature = 1, topK = 0, topP = 1 } = o;
  if (typeof temperature !== "number" || !(temperature >= 0) || temperature === Infinity) {
    throw new UsageError(
      `sampling: temperature must be a finite number >= 0 (0 = greedy), got ${temperature}`,
    );
  }
  if (typeof topK !== "number" || !Number.isInteger(topK) || topK < 0 || topK > 0xffffffff) {
    throw new UsageError(`sampling: topK must be an integer >= 0 (0 = off), got ${topK}`);
  }
  if (typeof topP !== "number" || !(topP > 0 && topP <= 1)) {
    throw new UsageError(`sampling: topP must be in (0, 1] (1 = off), got ${topP}`);
  }
  const seed = o.seed ?? crypto.getRandomValues(new Uint32Array(1))[0];
  if (typeof seed !== "number" || !Number.isSafeInteger(seed)) {
    throw new UsageError(`sampling: seed must be a safe integer, got ${seed}`);
  }
  return { temperature, topK, topP, seed };
}

function splitmix32(state: number): [number, number] {
  state = (state + 0x9e3779b9) | 0;
  let z = state;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [state, (z ^ (z >>> 16)) >>> 0];
}

/** One generation's options and random stream: `next()` once per generated token. */
export class Sampler {
  readonly options: ResolvedSampling;
  readonly #s = new Uint32Array(4);

  constructor(options: SamplingOptions = {}) {
    this.options = resolveSampling(options);
    // Both 32-bit halves of the seed matter, and negative seeds differ from positive ones.
    const seed = this.options.seed;
    let state = (seed >>> 0) ^ Math.imul(Math.floor(seed / 2 ** 32) | 0, 0x27d4eb2f);
    for (let i = 0; i < 4; i++) [state, this.#s[i]] = splitmix32(state);
    if (this.#s.every((w) => w === 0)) this.#s[0] = 1; // xoshiro's one forbidden state
  }

  get seed(): number {
    return this.options.seed;
  }

  get greedy(): boolean {
    return isGreedy(this.options);
  }

  /** Next uniform draw in [0, 1), a multiple of 2^-24. */
  nextUniform(): number {
    const s = this.#s;
    const r = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return (r >>> 8) / 2 ** 24;
  }

  /** The sampleToken parameters for the next step (draws even when greedy, so streams stay aligned). */
  next(): SampleParams {
    const { temperature, topK, topP } = this.options;
    return { temperature, topK, topP, uniform: this.nextUniform() };
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
