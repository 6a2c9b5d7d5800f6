// Named format mixes: one device format per weight tensor, chosen by the
// tensor's role and layer. "q4km" is llama.cpp's Q4_K_M rule
// (llama_tensor_get_type in src/llama-quant.cpp), for a dense Llama:
//
//   lm_head (and the embedding when tied to it)   q6k
//   untied embedding                              q4k
//   v_proj, down_proj in "use_more_bits" layers   q6k
//   everything else                               q4k
//
// use_more_bits(i, n) = i < n/8 || i >= 7n/8 || (i - n/8) % 3 == 2 (integer
// division), about a third of the layers: the first and last eighth and every
// third layer between. llama.cpp counts v tensors and down tensors separately,
// which for a dense model is the layer index.
//
// One deliberate difference: llama.cpp falls back to Q5_0 (for Q4_K) and Q8_0
// (for Q6_K) when a row is not a multiple of 256, since its K-quants have no
// partial super-blocks. Loupe's q4k/q6k do, so the mix keeps them at any width
// (all fixture models have rows of 64-384).

import type { MatrixFormat } from "./format.ts";
import { UsageError } from "../errors.ts";
import { BLOCK_FORMAT_TYPE, type BlockFormat } from "./block_matrix.ts";
import { ggmlBlock } from "./ggml_blocks.ts";

/**
 * Formats that choose per tensor: "q4km" by llama.cpp's rule (below); "q4kb"
 * by a measured plan under a bits-per-weight budget (budget.ts).
 */
export type WeightMix = "q4km" | "q4kb";
export const WEIGHT_MIXES: readonly WeightMix[] = ["q4km", "q4kb"];

/** A weight matrix's place in the model, as the mix rule sees it. */
export type TensorRole =
  | { kind: "embed" | "head" }
  | { kind: "q" | "k" | "v" | "o" | "gate" | "up" | "down"; layer: number };

export function isWeightMix(format: string): format is WeightMix {
  return (WEIGHT_MIXES as readonly string[]).includes(format);
}

/** llama.cpp's use_more_bits: layer i of n gets the higher-precision type. */
export function useMoreBits(i: number, n: number): boolean {
  const eighth = Math.floor(n / 8);
  return i < eighth || i >= Math.floor(7 * n / 8) || (i - eighth) % 3 === 2;
}

/** The device format of one tensor under `mix` for a model of `layers` layers. */
export function mixFormat(
  mix: WeightMix,
  role: TensorRole,
  layers: number,
  tiedEmbeddings: boolean,
): MatrixFormat {
  switch (mix) {
    case "q4km":
      if (role.kind === "head" || (role.kind === "embed" && tiedEmbeddings)) return "q6k";
      if (role.kind === "embed") return "q4k";
      if ((role.kind === "v" || role.kind === "down") && useMoreBits(role.layer, layers)) {
        return "q6k";
      }
      return "q4k";
    case "q4kb":
      // The plan is per tensor name and measured (engine/budget_plan.ts).
      throw new UsageError(`the "q4kb" mix chooses by a measured plan, not by role`);
  }
}

/**
 * Bits per weight a format spends counting its scales, at widths it divides
 * (q8 / q4: codes plus one f16 scale per block; q4k 144 and q6k 210 bytes per
 * 256). Rows that end in a partial block or super-block hold more on the
 * device; the device bytes say that (weightBytes).
 */
export function formatBits(format: MatrixFormat | BlockFormat, block = 32): number {
  switch (format) {
    case "f32":
      return 32;
    case "q8":
      return 8 + 16 / block;
    case "q4":
      return 4 + 16 / block;
  }
  // Every GGML block type (q4_1, q5_0, q5_1, q4k, q5k, q6k): ggml's bytes per
  // block over its elements, e.g. Q4_K 144 * 8 / 256 = 4.5.
  const { elems, bytes } = ggmlBlock(BLOCK_FORMAT_TYPE[format]);
  return bytes * 8 / elems;
}
