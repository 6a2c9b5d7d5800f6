// WGSL generation shared by the kernels that read q8/q4 codes (matvec_quant,
// matmul_quant(_rows), stream, embedding_quant): template values, how a block's
// codes are loaded and multiplied, and the shape check of a quantized linear.

import type { Tensor } from "../engine/gpu/tensor.ts";
import type { QuantLayout } from "../engine/quant/format.ts";
import type { QuantMatrix } from "../engine/quant/matrix.ts";

/** Template values shared by every kernel that dequantizes a layout. */
export function quantTemplate(source: string, l: QuantLayout): string {
  return source
    .replaceAll("{{FORMAT}}", l.format)
    .replaceAll("{{QPW}}", String(l.perWord / 4))
    .replaceAll("{{BLOCK}}", String(l.block));
}

/**
 * How matvec_quant and stream_quant walk a block: codes are loaded as vectors
 * of `words` u32 (4, or 2 for q4 blocks of 16), `vectors` of them per block,
 * each covering `x4` vec4 groups of x.
 */
export interface QuantWalk {
  words: number;
  vectors: number;
  x4: number;
}

export function quantWalk(l: QuantLayout): QuantWalk {
  const wordsPerBlock = l.block / l.perWord;
  const words = Math.min(4, wordsPerBlock);
  return { words, vectors: wordsPerBlock / words, x4: words * l.perWord / 4 };
}

/** WGSL type of one load of codes. */
export function wordVector(walk: QuantWalk): string {
  return `vec${walk.words}u`;
}

/**
 * x multipliers of vec4 group j of a code vector: the powers of two that undo
 * the in-place codes of quant.wgsl (scaled_q8, scaled_q4_lo/hi).
 */
export function codeScale(l: QuantLayout, j: number): string {
  return l.format === "q8" ? "vec4f(Q8_SCALE)" : j % 2 === 0 ? "Q4_LO" : "Q4_HI";
}

/**
 * Sum over a code vector `v` of codes times x groups `xs[j]`, as one vec4: a
 * chain of fma (one instruction per code where the adapter has FMA).
 */
export function codeTerms(l: QuantLayout, walk: QuantWalk, v: string, xs: string[]): string {
  const codes: string[] = [];
  for (let i = 0; i < walk.words; i++) {
    if (l.format === "q8") codes.push(`scaled_q8(${v}[${i}])`);
    else codes.push(`scaled_q4_lo(${v}[${i}])`, `scaled_q4_hi(${v}[${i}])`);
  }
  let sum = `${codes[0]} * ${xs[0]}`;
  for (let j = 1; j < codes.length; j++) sum = `fma(${codes[j]}, ${xs[j]}, ${sum})`;
  return sum;
}

/** q4 codes are stored + 8: the block sum takes 8 * (sum of its x) off. */
export const CODE_OFFSET: Record<QuantLayout["format"], number> = { q8: 0, q4: 8 };

/** A [n] tensor counts as [1, n]; other ranks give null. */
function asRows(t: Tensor): [number, number] | null {
  if (t.shape.length === 1) return [1, t.shape[0]];
  if (t.shape.length === 2) return [t.shape[0], t.shape[1]];
  return null;
}

/** Checks x [T, K], w [N, K], out [T, N] and returns [T, K, N], naming the matrix on error. */
export function quantLinearShapes(
  op: string,
  x: Tensor<"f32">,
  w: QuantMatrix,
  out: Tensor<"f32">,
): [number, number, number] {
  const xs = asRows(x), os = asRows(out);
  if (!xs || !os || xs[1] !== w.cols || os[0] !== xs[0] || os[1] !== w.rows) {
    throw new Error(
      `${op}(${w.label}): x [${x.shape}] and out [${out.shape}] do not fit ${w.label} ` +
        `[${w.rows}, ${w.cols}] (${w.format}); want x [T, ${w.cols}] and out [T, ${w.rows}]`,
    );
  }
  return [xs[0], w.cols, w.rows];
}
