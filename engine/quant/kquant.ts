// Loupe's quantizers for the K formats, writing exact ggml bytes (Q4_K, Q5_K,
// Q6_K; layouts in ggml_blocks.ts), so that Loupe-quantized matrices and GGUF
// tensors run the same kernels. The idea of llama.cpp's make_qkx2_quants
// (Q4_K, Q5_K) and make_qx_quants (Q6_K), in our own code: per sub-block, try
// a range of scales, fit scale (and min) to the codes each gives by weighted
// least squares, keep the fit of least error; then quantize the sub-block
// scales to 6 or 8 bits under one f16 super-block scale and choose each code
// for the final scales. Error weights are 1, or a per-column importance
// (E[x^2] of the layer's inputs, as llama.cpp's imatrix), so that the error
// that matters, sum_k imp_k (w_k - q_k)^2 ~ E[(out - out_q)^2], is the one
// minimized. A row of cols values holds ceil(cols / 256) super-blocks; a
// partial last one is zero-padded, with weight 0 in every fit.

import { UsageError } from "../errors.ts";
import { f16Bits, f16Value } from "./ggml_blocks.ts";

export type KFormat = "q4k" | "q5k" | "q6k";

const SUPER = 256;
/** ggml bytes per super-block of 256. */
export const K_BLOCK_BYTES: Readonly<Record<KFormat, number>> = { q4k: 144, q5k: 176, q6k: 210 };

/** Bits per weight of a format, counting its scales: 4.5, 5.5, 6.5625. */
export function kBitsPerWeight(format: KFormat): number {
  return K_BLOCK_BYTES[format] * 8 / SUPER;
}

export interface KQuantOptions {
  /** Search scales (default true); false: plain min/max scales, for comparison. */
  search?: boolean;
}

/** Scale a and offset b (b <= 0) of a sub-block: w ~= a * L + b, L in [0, nmax]. */
export interface Fit {
  a: number;
  b: number;
}

/**
 * Q4_K/Q5_K sub-block fit: the min/max candidate, and for iscale over
 * (nmax + t) / (max - min), t = -1 .. 1 in steps of 0.1, the weighted
 * least-squares (a, b) of the codes that scale gives; the least error wins.
 * One pass per candidate: the error of (a, b) on codes L is a quadratic in
 * the weighted sums of x^2, x, L, L^2 and xL.
 */
export function fitAsymmetric(
  x: Float64Array,
  wt: Float64Array,
  nmax: number,
  search: boolean,
): Fit {
  let min = Infinity, max = -Infinity, sxx = 0, sw = 0, sx = 0;
  for (let i = 0; i < x.length; i++) {
    const w = wt[i];
    if (w === 0) continue;
    min = Math.min(min, x[i]);
    max = Math.max(max, x[i]);
    sxx += w * x[i] * x[i];
    sw += w;
    sx += w * x[i];
  }
  if (!(max > min)) {
    // Constant (or unweighted) sub-block: the offset alone, if it is <= 0.
    return min < 0 && Number.isFinite(min) ? { a: 0, b: min } : { a: 0, b: 0 };
  }
  min = Math.min(min, 0);
  let best: Fit = { a: (max - min) / nmax, b: min }, bestErr = Infinity;
  const err = (a: number, b: number, sl: number, sl2: number, sxl: number) =>
    sxx - 2 * a * sxl - 2 * b * sx + a * a * sl2 + 2 * a * b * sl + b * b * sw;
  for (let step = search ? -10 : 0; step <= (search ? 10 : 0); step++) {
    const iscale = (nmax + 0.1 * step) / (max - min);
    let sl = 0, sl2 = 0, sxl = 0;
    for (let i = 0; i < x.length; i++) {
      // x - min >= 0: truncating v + 0.5 rounds (hot loop: no Math.round).
      let l = (iscale * (x[i] - min) + 0.5) | 0;
      if (l > nmax) l = nmax;
      const w = wt[i];
      sl += w * l;
      sl2 += w * l * l;
      sxl += w * x[i] * l;
    }
    if (step === 0) {
      // The plain min/max fit: codes of min .. max, scale (max - min) / nmax.
      const e = err(1 / iscale, min, sl, sl2, sxl);
      if (e < bestErr) [bestErr, best] = [e, { a: 1 / iscale, b: min }];
      if (!search) break;
    }
    const det = sw * sl2 - sl * sl;
    if (!(det > 0)) continue;
    let a = (sw * sxl - sx * sl) / det, b = (sl2 * sx - sl * sxl) / det;
    if (b > 0) {
      // The format's offset is -dmin * m with m >= 0: refit the scale alone.
      b = 0;
      a = sxl / sl2;
    }
    if (!(a > 0)) continue;
    const e = err(a, b, sl, sl2, sxl);
    if (e < bestErr) [bestErr, best] = [e, { a, b }];
  }
  return best;
}

/**
 * Symmetric fit (signed codes in [lo, hi], w ~= a * L): for iscale =
 * -(nmax + step * t) / x* (x* the element of largest magnitude), t = -9 .. 9,
 * the weighted least-squares scale of the codes it gives; the least error wins
 * (t = 0 alone without search). Q6_K groups: nmax 32, codes [-32, 31], step
 * 0.1 (make_qx_quants); Loupe's q4 blocks nmax 8 in [-8, 7]; q8 nmax 127 in
 * [-127, 127] with a wider step (0.1 of 127 would move the scale by 0.08%).
 */
export function fitSymmetric(
  x: Float64Array,
  wt: Float64Array,
  search: boolean,
  nmax = 32,
  lo = -32,
  hi = 31,
  step = 0.1,
): number {
  let extreme = 0;
  for (let i = 0; i < x.length; i++) {
    if (wt[i] !== 0 && Math.abs(x[i]) > Math.abs(extreme)) extreme = x[i];
  }
  if (extreme === 0) return 0;
  if (!search) return -extreme / nmax;
  let best = -extreme / nmax, bestGain = -Infinity;
  for (let t = -9; t <= 9; t++) {
    const iscale = -(nmax + step * t) / extreme;
    let sxl = 0, sl2 = 0;
    for (let i = 0; i < x.length; i++) {
      // Round half away from zero without Math.round (hot loop), then clamp.
      const v = iscale * x[i];
      let l = v >= 0 ? (v + 0.5) | 0 : -((0.5 - v) | 0);
      if (l > hi) l = hi;
      else if (l < lo) l = lo;
      sxl += wt[i] * x[i] * l;
      sl2 += wt[i] * l * l;
    }
    // Error at the fitted scale is sum w x^2 - sxl^2 / sl2: maximize the gain.
    if (sl2 > 0 && sxl * sxl / sl2 > bestGain) {
      bestGain = sxl * sxl / sl2;
      best = sxl / sl2;
    }
  }
  return best;
}

/** Codes of x for scale a and offset b, rounded and clamped to [lo, hi]. */
export function codes(
  x: Float64Array,
  a: number,
  b: number,
  lo: number,
  hi: number,
  out: Int32Array,
) {
  for (let i = 0; i < x.length; i++) {
    out[i] = a === 0
      ? Math.max(lo, Math.min(hi, 0))
      : Math.max(lo, Math.min(hi, Math.round((x[i] - b) / a)));
  }
}

/** One Q4_K / Q5_K super-block of x (256 values, weights wt) into out at `at`. */
function superBlockK45(
  x: Float64Array,
  wt: Float64Array,
  five: boolean,
  search: boolean,
  out: Uint8Array,
  at: number,
): void {
  const nmax = five ? 31 : 15;
  const fits: Fit[] = [];
  for (let s = 0; s < 8; s++) {
    fits.push(
      fitAsymmetric(
        x.subarray(32 * s, 32 * s + 32),
        wt.subarray(32 * s, 32 * s + 32),
        nmax,
        search,
      ),
    );
  }
  const maxScale = Math.max(...fits.map((f) => f.a)), maxMin = Math.max(...fits.map((f) => -f.b));
  const dBits = f16Bits(maxScale / 63), mBits = f16Bits(maxMin / 63);
  const d = f16Value(dBits), dmin = f16Value(mBits);
  const view = new DataView(out.buffer, out.byteOffset + at, five ? 176 : 144);
  view.setUint16(0, dBits, true);
  view.setUint16(2, mBits, true);
  const L = new Int32Array(32);
  const qs = at + (five ? 48 : 16), qh = at + 16;
  for (let s = 0; s < 8; s++) {
    const ls = d > 0 ? Math.min(63, Math.round(fits[s].a / d)) : 0;
    const lm = dmin > 0 ? Math.min(63, Math.round(-fits[s].b / dmin)) : 0;
    // The 12 scale bytes (at + 4): 6 bits each for j < 4, split 4 + 2 above.
    if (s < 4) {
      out[at + 4 + s] |= ls;
      out[at + 8 + s] |= lm;
    } else {
      out[at + 8 + s] = (ls & 15) | ((lm & 15) << 4);
      out[at + s] |= (ls >> 4) << 6;
      out[at + 4 + s] |= (lm >> 4) << 6;
    }
    codes(x.subarray(32 * s, 32 * s + 32), d * ls, -dmin * lm, 0, nmax, L);
    for (let l = 0; l < 32; l++) {
      out[qs + 32 * (s >> 1) + l] |= (L[l] & 15) << (4 * (s & 1));
      if (five) out[qh + l] |= (L[l] >> 4) << s;
    }
  }
}

/** One Q6_K super-block of x into out at `at`. */
function superBlockQ6(
  x: Float64Array,
  wt: Float64Array,
  search: boolean,
  out: Uint8Array,
  at: number,
): void {
  const scales: number[] = [];
  for (let j = 0; j < 16; j++) {
    scales.push(
      fitSymmetric(x.subarray(16 * j, 16 * j + 16), wt.subarray(16 * j, 16 * j + 16), search),
    );
  }
  let top = 0;
  for (const s of scales) if (Math.abs(s) > Math.abs(top)) top = s;
  // Sub-scales are int8 in [-128, 127]: the largest maps to -128.
  const dBits = top === 0 ? 0 : f16Bits(top / -128), d = f16Value(dBits);
  new DataView(out.buffer, out.byteOffset + at, 210).setUint16(208, dBits, true);
  const L = new Int32Array(256), part = new Int32Array(16);
  for (let j = 0; j < 16; j++) {
    const sc = d !== 0 ? Math.max(-128, Math.min(127, Math.round(scales[j] / d))) : 0;
    out[at + 192 + j] = sc & 0xff;
    codes(x.subarray(16 * j, 16 * j + 16), d * sc, 0, -32, 31, part);
    for (let i = 0; i < 16; i++) L[16 * j + i] = part[i] + 32;
  }
  for (let h = 0; h < 2; h++) {
    for (let l = 0; l < 32; l++) {
      const e = 128 * h + l;
      out[at + 64 * h + l] = (L[e] & 15) | ((L[e + 64] & 15) << 4);
      out[at + 64 * h + l + 32] = (L[e + 32] & 15) | ((L[e + 96] & 15) << 4);
      out[at + 128 + 32 * h + l] = (L[e] >> 4) | ((L[e + 32] >> 4) << 2) |
        ((L[e + 64] >> 4) << 4) | ((L[e + 96] >> 4) << 6);
    }
  }
}

/**
 * Quantizes rows of `data` ([rows, cols] f32) to exact ggml bytes of `format`:
 * each row ceil(cols / 256) super-blocks (the last zero-padded when cols is
 * not a multiple of 256). `importance` (length cols, >= 0) weights each
 * column's squared error.
 */
export function quantizeKRows(
  format: KFormat,
  data: Float32Array,
  cols: number,
  importance?: Float32Array | null,
  options: KQuantOptions = {},
): Uint8Array {
  if (!(format in K_BLOCK_BYTES)) {
    throw new UsageError(`quantizeKRows: unknown format "${format}"; expected q4k, q5k or q6k`);
  }
  if (!Number.isInteger(cols) || cols < 1 || data.length % cols !== 0) {
    throw new UsageError(`quantizeKRows: ${data.length} values are not whole rows of ${cols}`);
  }
  if (importance && importance.length !== cols) {
    throw new UsageError(
      `quantizeKRows: importance has ${importance.length} values, want one per column (${cols})`,
    );
  }
  const search = options.search ?? true, per = K_BLOCK_BYTES[format];
  const rows = data.length / cols, blocks = Math.ceil(cols / SUPER);
  const out = new Uint8Array(rows * blocks * per);
  const x = new Float64Array(SUPER), wt = new Float64Array(SUPER);
  for (let r = 0; r < rows; r++) {
    for (let b = 0; b < blocks; b++) {
      for (let i = 0; i < SUPER; i++) {
        const k = b * SUPER + i, real = k < cols;
        x[i] = real ? data[r * cols + k] : 0;
        const w = real ? (importance ? importance[k] : 1) : 0;
        // A column never seen (importance 0) still keeps a trace of weight,
        // so that an all-zero-importance sub-block is fitted, not zeroed.
        wt[i] = real ? Math.max(w, 1e-8) : 0;
      }
      const at = (r * blocks + b) * per;
      if (format === "q6k") superBlockQ6(x, wt, search, out, at);
      else superBlockK45(x, wt, format === "q5k", search, out, at);
    }
  }
  return out;
}
