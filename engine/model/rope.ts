// RoPE inverse frequencies, as Hugging Face transformers computes them: the
// default rule and Llama 3's `rope_scaling` (`_compute_llama3_parameters`).
// Computed in float64 here; callers round to f32 for the GPU, where HF also
// holds `inv_freq` in float32.

import type { Llama3RopeScaling } from "../formats/config.ts";

/** The numbers of a llama3 `rope_scaling` (engine/formats/config.ts parses them). */
export type Llama3Factors = Omit<Llama3RopeScaling, "type">;

/**
 * inv_freq[i] = theta^(-2i / headDim), i = 0..headDim/2-1, then the llama3
 * rule if `scaling` is given. The angle at position p for the pair of dims
 * (i, i + headDim/2) is p * inv_freq[i].
 */
export function ropeInvFreq(
  headDim: number,
  theta: number,
  scaling: Llama3Factors | null,
): Float64Array {
  if (!Number.isInteger(headDim) || headDim <= 0 || headDim % 2 !== 0) {
    throw new Error(`ropeInvFreq: head_dim must be a positive even integer, got ${headDim}`);
  }
  const half = headDim / 2;
  const inv = new Float64Array(half);
  for (let i = 0; i < half; i++) inv[i] = 1 / theta ** ((2 * i) / headDim);
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
