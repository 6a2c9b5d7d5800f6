// WGSL assembly shared by the kernels that read GGML block formats in place
// (matvec_ggml, matmul_ggml_rows, embedding_ggml): the per-type dequantization
// snippet (ggml_<format>.wgsl, each defining ggml_group) after the shared
// helpers (ggml_common.wgsl, and ggml_kscale.wgsl for Q4_K/Q5_K), and the
// loaders of a 32-value group of x.

import type { BlockFormat } from "../engine/quant/block_matrix.ts";
import common from "./ggml_common.wgsl" with { type: "text" };
import kscale from "./ggml_kscale.wgsl" with { type: "text" };
import q4_1 from "./ggml_q4_1.wgsl" with { type: "text" };
import q5_0 from "./ggml_q5_0.wgsl" with { type: "text" };
import q5_1 from "./ggml_q5_1.wgsl" with { type: "text" };
import q4k from "./ggml_q4k.wgsl" with { type: "text" };
import q5k from "./ggml_q5k.wgsl" with { type: "text" };
import q6k from "./ggml_q6k.wgsl" with { type: "text" };

/** ggml_dot for the snippets without their own: decode the group, then multiply. */
const GGML_DOT_GENERIC = `
fn ggml_dot(bw: u32, h: Head, s: u32, x: array<vec4f, 8>, xs: vec2f) -> f32 {
  return dot8(ggml_group(bw, h, s), x);
}
`;

/** ggml_prepare_x for the snippets whose ggml_dot takes x as loaded. */
const PREPARE_X_IDENTITY = `
fn ggml_prepare_x(x: array<vec4f, 8>, s: u32) -> array<vec4f, 8> {
  return x;
}
`;

const SNIPPETS: Record<BlockFormat, string[]> = {
  q4_1: [q4_1, GGML_DOT_GENERIC, PREPARE_X_IDENTITY],
  q5_0: [q5_0, GGML_DOT_GENERIC, PREPARE_X_IDENTITY],
  q5_1: [q5_1, GGML_DOT_GENERIC, PREPARE_X_IDENTITY],
  q4k: [kscale, q4k],
  q5k: [kscale, q5k, PREPARE_X_IDENTITY],
  q6k: [q6k, PREPARE_X_IDENTITY],
};

/**
 * u32 words per unit of `w` (the snippet's alias W): Q4_K and Q5_K blocks are
 * whole vec4u (144 and 176 bytes) and are read 16 bytes at a time; the other
 * blocks (20, 24 and 212 bytes) as u32.
 */
export function unitWords(format: BlockFormat): number {
  return format === "q4k" || format === "q5k" ? 4 : 1;
}

/** What groupLoop unrolls: a thread's rows of w and tokens of x. */
export interface GroupLoopSpec {
  /** "rows": walk every block, a head read once per block; "k": groups strided by WG. */
  split: "rows" | "k";
  /** WGSL row index of each row the thread owns. */
  rows: string[];
  /** Per token, the WGSL offset of its row of x (in x's units). */
  xBases: string[];
  /** The accumulator of row r and token j. */
  acc: (r: number, j: number) => string;
}

/**
 * The walk over the 32-value groups of K that hold x (a row's zero padding
 * past K is never read), for kernels whose w is `array<W>` and whose params
 * have K and unitsPerRow: per group each token's x is loaded once for all
 * rows and each row's group decoded once for all tokens. The "rows" split
 * reads each block's head once per row; the "k" split (threads taking groups
 * strided by WG) once per group.
 */
export function groupLoop(spec: GroupLoopSpec): string[] {
  const rows = [...spec.rows.keys()], toks = [...spec.xBases.keys()];
  const heads = rows.flatMap((r) => [
    `let bw${r} = base${r} + b * BLOCK_UNITS;`,
    `let h${r} = ggml_head(bw${r});`,
  ]);
  // One token: each row's ggml_dot (scale and offset folded out of the codes);
  // several: each row's group decoded once (ggml_group) for all tokens.
  const body = (load: string) =>
    toks.length === 1
      ? [
        `let x0 = ${load}(${spec.xBases[0]}, g);`,
        "let xs0 = half_sums(x0);",
        "let xp0 = ggml_prepare_x(x0, s);",
        ...rows.map((r) => `${spec.acc(r, 0)} += ggml_dot(bw${r}, h${r}, s, xp0, xs0);`),
      ]
      : [
        ...toks.map((j) => `let x${j} = ${load}(${spec.xBases[j]}, g);`),
        ...rows.flatMap((r) => [
          `let v${r} = ggml_group(bw${r}, h${r}, s);`,
          ...toks.map((j) => `${spec.acc(r, j)} += dot8(v${r}, x${j});`),
        ]),
      ];
  const out = rows.map((r) => `let base${r} = ${spec.rows[r]} * p.unitsPerRow;`);
  if (spec.split === "rows") {
    out.push(
      "let nb = p.K / (32u * GROUPS_PER_BLOCK); // blocks wholly inside K",
      "for (var b = 0u; b < nb; b++) {",
      ...indentLines(heads, 2),
      "  for (var s = 0u; s < GROUPS_PER_BLOCK; s++) {",
      "    let g = b * GROUPS_PER_BLOCK + s;",
      ...indentLines(body("load_x"), 4),
      "  }",
      "}",
      "// The block holding K's end: its groups up to K, x read with a guard.",
      "if (nb * 32u * GROUPS_PER_BLOCK < p.K) {",
      "  let b = nb;",
      ...indentLines(heads, 2),
      "  for (var s = 0u; s < GROUPS_PER_BLOCK; s++) {",
      "    let g = b * GROUPS_PER_BLOCK + s;",
      "    if (g * 32u >= p.K) {",
      "      break;",
      "    }",
      ...indentLines(body("load_x_tail"), 4),
      "  }",
      "}",
    );
    return out;
  }
  const group = ["let b = g / GROUPS_PER_BLOCK;", "let s = g % GROUPS_PER_BLOCK;", ...heads];
  out.push(
    "let ng = p.K / 32u; // groups wholly inside K",
    "for (var g = lid; g < ng; g += WG) {",
    ...indentLines([...group, ...body("load_x")], 2),
    "}",
    "// The partial last group (K not a multiple of 32): x read with a guard.",
    "if (ng * 32u < p.K && lid == ng % WG) {",
    "  let g = ng;",
    ...indentLines([...group, ...body("load_x_tail")], 2),
    "}",
  );
  return out;
}

function indentLines(lines: string[], n: number): string[] {
  return lines.map((l) => " ".repeat(n) + l);
}

/** The WGSL parts that define ggml_head / ggml_group for `format` (the kernel declares `w`). */
export function ggmlParts(format: BlockFormat): string[] {
  const parts = SNIPPETS[format];
  if (!parts) throw new Error(`no WGSL dequantization for block format "${format}"`);
  return [common, ...parts];
}

/**
 * WGSL functions `load_x(base, g)` (a whole group inside K) and
 * `load_x_tail(base, g)` (the partial last group: zeros past K): values
 * 32g .. 32g + 31 of the x row starting at `base` (in units of the x
 * binding's element: vec4f when `vec4`, else f32).
 */
export function xLoaders(vec4: boolean): string {
  const body = (guarded: boolean) => {
    const lines = ["  var v: array<vec4f, 8>;", "  for (var i = 0u; i < 8u; i++) {"];
    if (vec4) {
      lines.push(
        guarded
          ? "    v[i] = select(vec4f(0.0), x[base + min(8u * g + i, p.K / 4u - 1u)], 8u * g + i < p.K / 4u);"
          : "    v[i] = x[base + 8u * g + i];",
      );
    } else {
      lines.push("    let k = 32u * g + 4u * i;");
      const e = [0, 1, 2, 3].map((o) =>
        guarded
          ? `select(0.0, x[base + min(k + ${o}u, p.K - 1u)], k + ${o}u < p.K)`
          : `x[base + k + ${o}u]`
      );
      lines.push(`    v[i] = vec4f(${e.join(", ")});`);
    }
    lines.push("  }", "  return v;");
    return lines.join("\n");
  };
  return [
    "fn load_x(base: u32, g: u32) -> array<vec4f, 8> {",
    body(false),
    "}",
    "",
    "fn load_x_tail(base: u32, g: u32) -> array<vec4f, 8> {",
    body(true),
    "}",
  ].join("\n");
}
