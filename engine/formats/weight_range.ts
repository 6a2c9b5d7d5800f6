// Weights are checked as they stream in: NaN, ±Inf and magnitudes no trained
// model has are a corrupt file, reported with the tensor and element rather
// than surfacing later as NaN logits. One flipped exponent bit turns 0.3 into
// 8.5e37 (finite, but the forward overflows to NaN), so the bound is on the
// magnitude, not only on finiteness. Trained Llamas and SAEs stay far below it
// (the fixtures: |w| < 10; large released models: < 100).

import { FormatError } from "../errors.ts";

/** Largest |weight| accepted. */
export const MAX_ABS_WEIGHT = 1e6;

/** Throws a FormatError naming the first element outside ±MAX_ABS_WEIGHT (NaN included). */
export function checkWeightRange(
  values: Float32Array,
  file: string,
  tensor: string,
  firstElement = 0,
): void {
  for (let i = 0; i < values.length; i++) {
    if (!(Math.abs(values[i]) <= MAX_ABS_WEIGHT)) {
      throw new FormatError(
        file,
        `tensor ${tensor}: element ${firstElement + i} is ${values[i]}; weights must be finite ` +
          `and within ±${MAX_ABS_WEIGHT} (the file is corrupt)`,
        { tensor },
      );
    }
  }
}
