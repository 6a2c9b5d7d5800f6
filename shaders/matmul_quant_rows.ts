// Prefill projections from block-quantized weights on software adapters: a
// thread owns ROWS rows and TT tokens and walks K (matmul_quant_rows.wgsl).
// Measured on llvmpipe at 4096x4096, T = 128: see ARCHITECTURE.md, "Quantization".

import type { Recorder } from "../engine/gpu/recorder.ts";
import { type Kernel, wgsl } from "../engine/gpu/kernel.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import type { QuantLayout } from "../engine/quant/format.ts";
import type { QuantMatrix } from "../engine/quant/matrix.ts";
import {
  CODE_OFFSET,
  codeScale,
  codeTerms,
  quantLinearShapes,
  quantWalk,
  wordVector,
} from "./quant_codegen.ts";
import { type MatmulRowsConfig, storeTile } from "./matmul_rows.ts";
import quant from "./quant.wgsl" with { type: "text" };
import template from "./matmul_quant_rows.wgsl" with { type: "text" };

/**
 * Tuned on llvmpipe at 4096x4096, T = 128: q4 16.5 and q8 17.4 GFLOP/s, against
 * the tiled matmul_quant's 2.7 (8 x 2: 15.4 / 11.5; 12 x 4: 16.6 / 16.4).
 */
export const MATMUL_ROWS: MatmulRowsConfig = { wg: 8, rows: 8, tokens: 8 };

const kernels = new Map<string, Kernel>();
const indent = (lines: string[], n: number) => lines.map((s) => " ".repeat(n) + s).join("\n");

/** Row r of a thread, clamped to the chunk. */
const rowOf = (r: number) => `min(row0 + ${r}u * WG + lid, last)`;

// x group i (vec4 index within a row) of token j, from the row at xo{j}.
function xGroup(vec4: boolean, guarded: boolean, j: number, i: string): string {
  if (vec4) {
    return guarded
      ? `select(vec4f(0.0), x[xo${j} + min(${i}, p.K / 4u - 1u)], (${i}) * 4u < p.K)`
      : `x[xo${j} + ${i}]`;
  }
  const e = [0, 1, 2, 3].map((o) => `4u * (${i}) + ${o}u`);
  return guarded
    ? `vec4f(${
      e.map((k) => `select(0.0, x[xo${j} + min(${k}, p.K - 1u)], ${k} < p.K)`).join(", ")
    })`
    : `vec4f(${e.map((k) => `x[xo${j} + ${k}]`).join(", ")})`;
}

function block(l: QuantLayout, c: MatmulRowsConfig, vec4: boolean, guarded: boolean): string[] {
  const walk = quantWalk(l), { vectors, x4 } = walk, fold = CODE_OFFSET[l.format] !== 0;
  const rows = [...Array(c.rows).keys()], toks = [...Array(c.tokens).keys()];
  const groups = [...Array(x4).keys()];
  const out: string[] = [], multi = vectors > 1;
  if (multi) { for (const r of rows) for (const j of toks) out.push(`var s${r}_${j} = 0.0;`); }
  if (fold) { for (const j of toks) out.push(`var xs${j} = vec4f(0.0);`); }
  const inner: string[] = [`let k4 = (b * ${vectors}u + c) * ${x4}u;`];
  for (const j of toks) {
    for (const g of groups) {
      inner.push(`let xr${j}_${g} = ${xGroup(vec4, guarded, j, `k4 + ${g}u`)};`);
    }
    if (fold) inner.push(`xs${j} += ${groups.map((g) => `xr${j}_${g}`).join(" + ")};`);
    for (const g of groups) inner.push(`let x${j}_${g} = xr${j}_${g} * ${codeScale(l, g)};`);
  }
  for (const r of rows) {
    inner.push(`let v${r} = w[${rowOf(r)} * wpv + b * ${vectors}u + c];`);
    for (const j of toks) {
      const xs = groups.map((g) => `x${j}_${g}`);
      const dot = `dot(${codeTerms(l, walk, `v${r}`, xs)}, vec4f(1.0))`;
      inner.push(multi ? `s${r}_${j} += ${dot};` : `let s${r}_${j} = ${dot};`);
    }
  }
  if (multi) out.push(`for (var c = 0u; c < ${vectors}u; c++) {`, indent(inner, 2), "}");
  else out.push("let c = 0u;", ...inner);
  for (const j of toks) {
    out.push(
      `let off${j} = ${fold ? `${CODE_OFFSET[l.format]}.0 * dot(xs${j}, vec4f(1.0))` : "0.0"};`,
    );
  }
  for (const r of rows) {
    out.push(
      `let si${r} = ${rowOf(r)} * p.scalesPerRow + b;`,
      `let d${r} = f16_at(scales[si${r} >> 1u], si${r});`,
    );
    for (const j of toks) out.push(`acc${r}_${j} += d${r} * (s${r}_${j} - off${j});`);
  }
  return out;
}

export function matmulQuantRowsKernel(l: QuantLayout, c: MatmulRowsConfig = MATMUL_ROWS): Kernel {
  const vec4 = l.cols % 4 === 0;
  const key = `matmul_rows_${l.format}_b${l.block}_${
    vec4 ? "vec4" : "f32"
  }_wg${c.wg}_r${c.rows}_t${c.tokens}`;
  let kernel = kernels.get(key);
  if (!kernel) {
    const walk = quantWalk(l);
    const rows = [...Array(c.rows).keys()], toks = [...Array(c.tokens).keys()];
    const width = vec4 ? "p.K / 4u" : "p.K";
    const acc = [
      `let wpv = p.wordsPerRow / ${walk.words}u;`,
      ...toks.map((j) => `let xo${j} = min(t0 + ${j}u, p.T - 1u) * ${width};`),
      ...rows.flatMap((r) => toks.map((j) => `var acc${r}_${j} = 0.0;`)),
    ];
    const store = storeTile(c, (acc) => acc);
    const source = template
      .replaceAll("{{ROWS}}", String(c.rows))
      .replaceAll("{{TT}}", String(c.tokens))
      .replaceAll("{{BLOCK}}", String(l.block))
      .replaceAll("{{X}}", vec4 ? "vec4f" : "f32")
      .replaceAll("{{WV}}", wordVector(walk))
      .replaceAll("{{ACC}}", indent(acc, 2))
      .replaceAll("{{MAIN}}", indent(block(l, c, vec4, false), 4))
      .replaceAll("{{TAIL}}", indent(block(l, c, vec4, true), 4))
      .replaceAll("{{STORE}}", indent(store, 2));
    kernel = { key, source: wgsl(key, quant, source), constants: { WG: c.wg } };
    kernels.set(key, kernel);
  }
  return kernel;
}

/** out [T, N] = x [T, K] @ w^T, w: [N, K] quantized in row chunks. Any T, K, N. */
export function matmulQuantRows(
  rec: Recorder,
  x: Tensor<"f32">,
  w: QuantMatrix,
  out: Tensor<"f32">,
  config: MatmulRowsConfig = MATMUL_ROWS,
): void {
  const [T, K, N] = quantLinearShapes("matmulQuantRows", x, w, out);
  const l = w.layout;
  const kernel = matmulQuantRowsKernel(l, config);
  for (const c of w.chunks) {
    rec.dispatch(kernel, {
      params: {
        layout: "uuuuuuu",
        values: [K, c.rows, c.rowStart, l.wordsPerRow, l.scalesPerRow, T, N],
      },
      buffers: [x.binding, c.words.binding, c.scales.binding, out.binding],
      workgroups: [Math.ceil(c.rows / (config.rows * config.wg)), Math.ceil(T / config.tokens)],
    });
  }
}
