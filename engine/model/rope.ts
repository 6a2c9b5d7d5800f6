// RoPE inverse frequencies, as Hugging Face transformers computes them: the
// default rule and Llama 3's `rope_scaling` (`_compute_llama3_parameters`).
// Computed in float64 here; HF holds `inv_freq` in float32, and so does the
// (cos, sin) table the GPU reads (`ropeTable`).

import type { Llama3RopeScaling } from "../formats/config.ts";

/** The numbers of a llama3 `rope_scaling` (engine/formats/config.ts parses them). */
export type Llama3Factors = Omit<Llama3RopeScaling, "type">;

/**
 * inv_freq[i] = theta^(-2i / headDim), i = 0..headDim/2-1, then the llama3
 * rule if `scaling` is given, and divided by `freqFactors[i]` if given (GGUF's
 * rope_freqs, llama.cpp's form of the same rule). The angle at position p for
 * the pair of dims (i, i + headDim/2) is p * inv_freq[i].
 */
export function ropeInvFreq(
  headDim: number,
  theta: number,
  scaling: Llama3Factors | null,
  freqFactors?: ArrayLike<number>,
): Float64Array {
  if (!Number.isInteger(headDim) || headDim <= 0 || headDim % 2 !== 0) {
    throw new Error(`ropeInvFreq: head_dim must be a positive even integer, got ${headDim}`);
  }
  const half = headDim / 2;
  const inv = new Float64Array(half);
  for (let i = 0; i < half; i++) inv[i] = 1 / theta ** ((2 * i) / headDim);
  if (freqFactors) {
    if (freqFactors.length !== half) {
      throw new Error(
        `ropeInvFreq: ${freqFactors.length} frequency factors for head_dim ${headDim}`,
      );
    }
    for (let i = 0; i < half; i++) inv[i] /= freqFactors[i];
  }
  if (!scaling) return inv;

  const { factor, lowFreqFactor: low, highFreqFactor: high } = scaling;
  const oldContext = scaling.originalMaxPositionEmbeddings;
  const lowFreqWavelen = oldContext / low;
  const highFreqWavelen = oldContext / high;
  for (let i = 0; i < half; i++) {
    const wavelen = (2 * Math.PI) / inv[i];
    // Short wavelengths (high frequencies) already fit the original context.
    if (wavelen < highFreqWavelen) continue;
    if (wavelen > lowFreqWavelen) {
      inv[i] /= factor;
    } else {
      const smooth = (oldContext / wavelen - low) / (high - low);
      inv[i] = ((1 - smooth) * inv[i]) / factor + smooth * inv[i];
    }
  }
  return inv;
}

/**
 * The (cos, sin) of every position's angles, [contextLength, half, 2] with
 * half = invFreq.length: entry (p, i) is (cos, sin) of p * f32(invFreq[i]).
 * Built once on the CPU, as HF caches cos/sin, so the result does not depend
 * on the adapter's sin/cos (SwiftShader's are off by 2e-4, which WGSL allows).
 */
export function ropeTable(invFreq: ArrayLike<number>, contextLength: number): Float32Array {
  if (!Number.isInteger(contextLength) || contextLength < 1) {
    throw new Error(`ropeTable: contextLength must be a positive integer, got ${contextLength}`);
  }
  const half = invFreq.length;
  // The frequencies are rounded to f32 as HF stores its `inv_freq` buffer (the
  // ones the model was trained with), but the angle and its cos/sin are taken
  // in f64: HF's f32 product p * inv_freq rounds by up to p * 2^-24 rad (2.4e-4
  // at position 4096), an artefact of its arithmetic, not of the model. The
  // golden fixtures (positions < 64) agree slightly better with f32 inv_freq
  // than with f64 (logits 7.0e-7 against 7.9e-7 of max on stories260K, 8.5e-7
  // against 9.5e-7 on llama3-tiny), as their reference holds inv_freq in f32.
  const inv = Float32Array.from(invFreq);
  const table = new Float32Array(contextLength * half * 2);
  for (let p = 0; p < contextLength; p++) {
    for (let i = 0; i < half; i++) {
      const angle = p * inv[i];
      table[(p * half + i) * 2] = Math.cos(angle);
      table[(p * half + i) * 2 + 1] = Math.sin(angle);
    }
  }
  return table;
}
