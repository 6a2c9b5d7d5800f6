// Whether q8 is precise enough for lm_head (or a tied embedding, which is
// lm_head too). A weight error e in lm_head moves logit v by sum_k x_k e_vk,
// where x = g * n is the final norm's output (n of unit RMS per element, g the
// norm's weight). With errors independent across k, Var(dz_v) ~= sum_k g_k^2
// e_vk^2, and for small logit noise KL(p || p') ~= Var_p(dz) / 2. So
//
//   headKl ~= mean over rows v of  sum_k g_k^2 e_vk^2 / 2
//
// predicts the KL lm_head alone adds. It grows with the head's scale: a tied
// embedding must be large to seed the residual stream (llama3-style, std ~1),
// and then its q8 rounding error alone costs ~1e-3 (measured on
// llama3-tied-f16: ARCHITECTURE.md, "Quantization"), while the fixture models
// with small heads predict 1e-5 to 1.5e-4. The loader keeps the head in f32
// when the prediction exceeds HEAD_KL_BUDGET of q8's 1e-3 target.

import { dequantizeRows, quantizeRows, type QuantLayout } from "./format.ts";

/** The part of q8's 1e-3 mean-KL target lm_head's own rounding may use. */
export const HEAD_KL_BUDGET = 2.5e-4;

/**
 * Predicted KL from quantizing `rows` [n, cols] of lm_head with layout `l`,
 * the final norm's weight being `normWeight` [cols].
 */
export function headKlEstimate(
  rows: Float32Array,
  normWeight: Float32Array,
  l: QuantLayout,
): number {
  const cols = l.cols, n = rows.length / cols;
  if (normWeight.length !== cols || !Number.isInteger(n)) {
    throw new Error(
      `headKlEstimate: ${rows.length} values are not rows of ${cols} (norm ${normWeight.length})`,
    );
  }
  const back = dequantizeRows(quantizeRows(rows, l), l);
  let total = 0;
  for (let v = 0; v < n; v++) {
    for (let k = 0; k < cols; k++) {
      const e = back[v * cols + k] - rows[v * cols + k];
      total += normWeight[k] * normWeight[k] * e * e;
    }
  }
  return total / n / 2;
}
