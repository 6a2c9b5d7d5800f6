// One tiled matrix product (tiled_matmul.wgsl) for every kernel that needs
// one: f32 and q8/q4 prefill projections (matmul.ts, matmul_quant.ts), and the
// SAE encoder and decoder (sae_encode.ts, sae_decode.ts). The kernels differ
// only in how x and the weight tile are staged and how a result is stored;
// these hooks say so, and the tiling, barriers and inner loop exist once.

import { indent } from "../engine/gpu/kernel.ts";
import template from "./tiled_matmul.wgsl" with { type: "text" };

export interface TiledMatmulHooks {
  /** The reduction length: "p.K" (or "p.J", the decoder's feature rows). */
  k: string;
  /** Output columns this dispatch writes: "p.rows" (or "p.N"). */
  n: string;
  /** x at token `t`, reduction index `k`, both in range (a WGSL expression). */
  loadX: string;
  /**
   * Stages ws[k * TILE + column] for this k0: `withX` lines run inside the x
   * loop (e, r = e / BK, k and t in scope) over the same TILE * BK elements;
   * `after` lines follow it (e.g. a loop over whole words of codes).
   */
  stageW: { withX: string[] } | { after: string[] };
  /** Stores `v` (= acc[i][jj]) for token t < p.T and column n < N. */
  store: string[];
  /** Lines before the loop over K (e.g. uniforms turned into locals). */
  prelude?: string[];
}

/** WGSL of the shared tile declarations and `main`; BK is the kernel's. */
export function tiledMatmul(h: TiledMatmulHooks): string {
  const w = "withX" in h.stageW
    ? { withX: h.stageW.withX, after: [] }
    : { withX: [], after: h.stageW.after };
  const slot = (lines: string[], n: number) => lines.length ? indent(lines, n) + "\n" : "";
  // A slot on a line of its own disappears with its newline when empty.
  return template
    .replaceAll("{{K}}", h.k)
    .replaceAll("{{N}}", h.n)
    .replaceAll("{{LOAD_X}}", h.loadX)
    .replaceAll("{{PRELUDE}}\n", slot(h.prelude ?? [], 2))
    .replaceAll("{{STAGE_W_WITH_X}}\n", slot(w.withX, 6))
    .replaceAll("{{STAGE_W}}\n", slot(w.after, 4))
    .replaceAll("{{STORE}}\n", slot(h.store, 8));
}
