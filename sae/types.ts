// The shapes of what Sae takes and returns, apart from the class itself.

import type { Tensor } from "../engine/ops/tensor.ts";
import type { SourceOptions } from "../engine/formats/source.ts";
import type { SaeActivation, SaeFormat } from "./format.ts";
import type { SaeQuant } from "./upload.ts";

/** Options of Sae.load. */
export interface SaeLoadOptions {
  /** Where hf: and http sources come from (cache folder, endpoint, fetch). */
  source?: SourceOptions;
  /** Prefix of every GPU label (default "sae"). */
  label?: string;
  /**
   * Device format of W_enc and W_dec: "f32" (default) or "q8" (block 16,
   * quantized on the host while the file streams; 0.28x the bytes). Biases and
   * thresholds stay f32.
   */
  quant?: SaeQuant;
  /**
   * With an Engine as the device: the module the SAE is for; it is loaded on
   * the device that runs it. Required when the engine has several devices.
   */
  module?: string;
}

/** What an SAE is, apart from its weights (for Sae.fromWeights). */
export interface SaeInfo {
  format: SaeFormat | "synthetic";
  describe: string;
  dIn: number;
  dSae: number;
  activation: SaeActivation;
  applyBDecToInput: boolean;
  config: Record<string, unknown> | null;
}

/** Each token's k largest features, on the GPU. */
export interface TopFeatures {
  /** [T, k] feature ids, by value descending. */
  indices: Tensor<"u32">;
  /** [T, k] their activations. */
  values: Tensor<"f32">;
}
