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

const SNIPPETS: Record<BlockFormat, string[]> = {
  q4_1: [q4_1],
  q5_0: [q5_0],
  q5_1: [q5_1],
  q4k: [kscale, q4k],
  q5k: [kscale, q5k],
  q6k: [q6k],
};

/** The WGSL parts that define ggml_group for `format` (the kernel declares `w`). */
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
