// WGSL generation shared by the kernels that read q8/q4 codes (matvec_quant,
// matmul_quant(_rows), stream, embedding): template values and how a
// block's codes are loaded and multiplied.

import { indent } from "../engine/gpu/kernel.ts";
import type { QuantLayout } from "../engine/quant/format.ts";

/** Template values shared by every kernel that dequantizes a layout. */
export function quantTemplate(source: string, l: QuantLayout): string {
  return source
    .replaceAll("{{FORMAT}}", l.format)
    .replaceAll("{{QPW}}", String(l.perWord / 4))
    .replaceAll("{{BLOCK}}", String(l.block));
}

/**
 * How matvec_quant and stream walk a block: codes are loaded as vectors
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

// x group i (a vec4 index within a row of x) at `base` (a WGSL offset ending
// in " + ", or "" for x of one row): vec4 loads when K % 4 == 0 (a group is then
// wholly inside or outside K), else four scalar loads. `guarded` (the partial
// last block only) reads zeros past K.
function xGroup(vec4: boolean, guarded: boolean, i: string, base: string): string {
  if (vec4) {
    return guarded
      ? `select(vec4f(0.0), x[${base}min(${i}, p.K / 4u - 1u)], (${i}) * 4u < p.K)`
      : `x[${base}${i}]`;
  }
  const e = [0, 1, 2, 3].map((o) => `4u * (${i}) + ${o}u`);
  return guarded
    ? `vec4f(${e.map((k) => `select(0.0, x[${base}min(${k}, p.K - 1u)], ${k} < p.K)`).join(", ")})`
    : `vec4f(${e.map((k) => `x[${base}${k}]`).join(", ")})`;
}

/** What blockCode unrolls: a thread's rows of w and tokens of x. */
export interface BlockSpec {
  layout: QuantLayout;
  /** x loads as vec4 (K % 4 == 0) or as four scalars. */
  vec4: boolean;
  /** The partial last block: x past K reads as zero. */
  guarded: boolean;
  /** WGSL row index of each row the thread owns (`wpv` = word vectors per row in scope). */
  rows: string[];
  /** Per token, the WGSL offset of its row of x ending in " + ", or [""] for one token. */
  xBases: string[];
  /** The accumulator of row r and token j. */
  acc: (r: number, j: number) => string;
}

/**
 * The unrolled work of block `b` (MAIN, or TAIL when guarded) for matvec_quant
 * (one token) and matmul_quant_rows (several): each token's x groups are
 * loaded once for all rows, each row's codes once for all tokens; per row and
 * token acc += d * (sum of codes * x - offset * sum of x).
 */
export function blockCode(s: BlockSpec): string[] {
  const l = s.layout, walk = quantWalk(l), { vectors, x4 } = walk;
  const fold = CODE_OFFSET[l.format] !== 0, multi = vectors > 1;
  const rows = [...s.rows.keys()], toks = [...s.xBases.keys()], groups = [...Array(x4).keys()];
  const out: string[] = [];
  if (multi) { for (const r of rows) for (const j of toks) out.push(`var s${r}_${j} = 0.0;`); }
  if (fold) { for (const j of toks) out.push(`var xs${j} = vec4f(0.0);`); }
  const inner = [`let k4 = (b * ${vectors}u + c) * ${x4}u;`];
  for (const j of toks) {
    for (const g of groups) {
      inner.push(`let xr${j}_${g} = ${xGroup(s.vec4, s.guarded, `k4 + ${g}u`, s.xBases[j])};`);
    }
    if (fold) inner.push(`xs${j} += ${groups.map((g) => `xr${j}_${g}`).join(" + ")};`);
    for (const g of groups) inner.push(`let x${j}_${g} = xr${j}_${g} * ${codeScale(l, g)};`);
  }
  for (const r of rows) {
    inner.push(`let v${r} = w[${s.rows[r]} * wpv + b * ${vectors}u + c];`);
    for (const j of toks) {
      const xs = groups.map((g) => `x${j}_${g}`);
      const dot = `dot(${codeTerms(l, walk, `v${r}`, xs)}, vec4f(1.0))`;
      inner.push(multi ? `s${r}_${j} += ${dot};` : `let s${r}_${j} = ${dot};`);
    }
  }
  if (multi) out.push(`for (var c = 0u; c < ${vectors}u; c++) {`, indent(inner, 2), "}");
  else out.push("let c = 0u;", ...inner);
  for (const j of toks) {
    const off = fold ? `${CODE_OFFSET[l.format]}.0 * dot(xs${j}, vec4f(1.0))` : "0.0";
    out.push(`let off${j} = ${off};`);
  }
  for (const r of rows) {
    out.push(
      `let si${r} = ${s.rows[r]} * p.scalesPerRow + b;`,
      `let d${r} = f16_at(scales[si${r} >> 1u], si${r});`,
    );
    for (const j of toks) out.push(`${s.acc(r, j)} += d${r} * (s${r}_${j} - off${j});`);
  }
  return out;
}
