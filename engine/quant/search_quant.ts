// Searched quantizers for the block-32 formats, used by the budgeted mix
// (engine/quant/budget.ts) for rows that are not a multiple of 256, where the
// K formats would pad a whole super-block (as llama.cpp, which falls back to
// these types for such rows):
//   - ggml Q4_1 / Q5_1 bytes (scale d and offset m per 32 values, 4- or 5-bit
//     codes: w = d * q + m), read in place by the block kernels (BlockMatrix);
//   - Loupe's q4 / q8 layout (format.ts: one f16 scale per block, signed codes)
//     with the scale searched instead of max|w| / nmax.
// Both fit each block as kquant.ts fits a sub-block (fitAsymmetric /
// fitSymmetric: trial scales, a weighted least-squares refit of each trial's
// codes, the least error wins), with per-column error weights (importance,
// E[x^2] of the layer's inputs) or 1.

import { UsageError } from "../errors.ts";
import { f16Bits, f16Value } from "./ggml_blocks.ts";
import { codes, fitAsymmetric, fitSymmetric } from "./kquant.ts";
import type { PackedRows, QuantLayout } from "./format.ts";

/** ggml block-32 types Loupe quantizes to. */
export type Block32Format = "q4_1" | "q5_1";

const BLOCK = 32;
/** ggml bytes per block of 32: f16 d, f16 m, (Q5_1: u32 high bits), 16 bytes of nibbles. */
export const BLOCK32_BYTES: Readonly<Record<Block32Format, number>> = { q4_1: 20, q5_1: 24 };

function checkRows(
  what: string,
  data: Float32Array,
  cols: number,
  importance?: Float32Array | null,
) {
  if (!Number.isInteger(cols) || cols < 1 || data.length % cols !== 0) {
    throw new UsageError(`${what}: ${data.length} values are not whole rows of ${cols}`);
  }
  if (importance && importance.length !== cols) {
    throw new UsageError(
      `${what}: importance has ${importance.length} values, want one per column (${cols})`,
    );
  }
}

/** One block's values and error weights (0 past the row's end: padding is never fitted). */
function loadBlock(
  data: Float32Array,
  row: number,
  cols: number,
  k0: number,
  importance: Float32Array | null | undefined,
  x: Float64Array,
  wt: Float64Array,
) {
  for (let i = 0; i < BLOCK; i++) {
    const k = k0 + i, real = k < cols;
    x[i] = real ? data[row * cols + k] : 0;
    // A column never seen (importance 0) keeps a trace of weight (as kquant.ts).
    wt[i] = real ? Math.max(importance ? importance[k] : 1, 1e-8) : 0;
  }
}

/**
 * Quantizes rows of `data` ([rows, cols] f32) to ggml Q4_1 / Q5_1 bytes:
 * ceil(cols / 32) blocks per row, the last padded (its padding codes are 0
 * and never read). `importance` (length cols) weights each column's error.
 */
export function quantizeBlock32Rows(
  format: Block32Format,
  data: Float32Array,
  cols: number,
  importance?: Float32Array | null,
): Uint8Array {
  if (!(format in BLOCK32_BYTES)) {
    throw new UsageError(`quantizeBlock32Rows: unknown format "${format}"; expected q4_1 or q5_1`);
  }
  checkRows("quantizeBlock32Rows", data, cols, importance);
  const five = format === "q5_1", nmax = five ? 31 : 15, per = BLOCK32_BYTES[format];
  const rows = data.length / cols, blocks = Math.ceil(cols / BLOCK);
  const out = new Uint8Array(rows * blocks * per);
  const view = new DataView(out.buffer);
  const x = new Float64Array(BLOCK), wt = new Float64Array(BLOCK), L = new Int32Array(BLOCK);
  for (let r = 0; r < rows; r++) {
    for (let b = 0; b < blocks; b++) {
      loadBlock(data, r, cols, b * BLOCK, importance, x, wt);
      const fit = fitAsymmetric(x, wt, nmax, true);
      const dBits = f16Bits(fit.a), mBits = f16Bits(fit.b);
      const at = (r * blocks + b) * per;
      view.setUint16(at, dBits, true);
      view.setUint16(at + 2, mBits, true);
      // Codes for the stored (f16) scale and offset.
      codes(x, f16Value(dBits), f16Value(mBits), 0, nmax, L);
      const qs = at + (five ? 8 : 4);
      let qh = 0;
      for (let j = 0; j < 16; j++) {
        out[qs + j] = (L[j] & 15) | ((L[j + 16] & 15) << 4);
        qh |= ((L[j] >> 4) << j) | ((L[j + 16] >> 4) << (j + 16));
      }
      if (five) view.setUint32(at + 4, qh >>> 0, true);
    }
  }
  return out;
}

/**
 * Loupe's q4 / q8 rows (format.ts layout) with each block's scale searched to
 * minimize the (importance-weighted) squared error, instead of max|w| / nmax.
 * q4 codes stand for d * (q - 8) with q - 8 in [-8, 7]; q8 codes in [-127, 127].
 */
export function quantizeRowsSearched(
  data: Float32Array,
  l: QuantLayout,
  importance?: Float32Array | null,
): PackedRows {
  checkRows("quantizeRowsSearched", data, l.cols, importance);
  const K = l.cols, rows = data.length / K, q8 = l.format === "q8";
  const words = new Uint32Array(rows * l.wordsPerRow);
  const scales = new Uint16Array(rows * l.scalesPerRow);
  const x = new Float64Array(l.block), wt = new Float64Array(l.block);
  const L = new Int32Array(l.block);
  const [nmax, lo, hi, step] = q8 ? [127, -127, 127, 1.6] : [8, -8, 7, 0.1];
  for (let r = 0; r < rows; r++) {
    for (let b = 0; b < l.blocksPerRow; b++) {
      const k0 = b * l.block;
      for (let i = 0; i < l.block; i++) {
        const k = k0 + i, real = k < K;
        x[i] = real ? data[r * K + k] : 0;
        wt[i] = real ? Math.max(importance ? importance[k] : 1, 1e-8) : 0;
      }
      const bits = f16Bits(fitSymmetric(x, wt, true, nmax, lo, hi, step));
      scales[r * l.scalesPerRow + b] = bits;
      // Padding codes (k >= K) stay at the code for zero, as quantizeRows.
      codes(x, f16Value(bits), 0, lo, hi, L);
      for (let i = 0; i < l.block && k0 + i < K; i++) {
        const k = k0 + i, shift = (k % l.perWord) * (q8 ? 8 : 4);
        const code = q8 ? L[i] & 0xff : L[i] + 8;
        words[r * l.wordsPerRow + Math.floor(k / l.perWord)] |= code << shift;
      }
      if (!q8) {
        for (let k = Math.max(K, k0); k < k0 + l.block; k++) {
          words[r * l.wordsPerRow + Math.floor(k / 8)] |= 8 << ((k % 8) * 4);
        }
      }
    }
  }
  return { words, scales };
}
