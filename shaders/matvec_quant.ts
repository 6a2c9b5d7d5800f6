// Decode projections from block-quantized weights: out [N] = w [N, K] @ x [K]
// for one token, dequantizing q8/q4 codes in registers, one dispatch per row
// chunk of w. Bandwidth-bound like matvec: the bench compares it with kernels
// that only stream and dequantize the same bytes (shaders/stream.ts, timed by
// bench/harness.ts and bench/linear.ts: `deno task bench ceiling matvec`).

import type { Gpu } from "../engine/gpu/gpu.ts";
import type { Binding, Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams, fill, indent, type Kernel } from "../engine/gpu/kernel.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import type { QuantFormat, QuantLayout } from "../engine/quant/format.ts";
import type { QuantMatrix } from "../engine/quant/matrix.ts";
import { grid1d } from "./grid.ts";
import { linearShapes } from "./matmul.ts";
import { blockCode, quantWalk, wordVector } from "./quant_codegen.ts";
import { quantizedXBytes, quantizeX, X_BLOCK } from "./quantize_x.ts";
import quant from "./quant.wgsl" with { type: "text" };
import template from "./matvec_quant.wgsl" with { type: "text" };

export interface MatvecQuantConfig {
  /** Threads per workgroup. */
  wg: number;
  /** Rows per thread: one accumulator each. */
  rows: number;
  /**
   * "k" (default): a workgroup's threads share its `rows` rows and split K by
   * blocks, reducing in workgroup memory; "rows": each thread owns `rows` whole
   * rows (wg * rows per workgroup) and walks all of K.
   */
  split?: "k" | "rows";
  /**
   * Bind x as a uniform array when it can (default true): K % 4 == 0, 4K bytes
   * within maxUniformBufferBindingSize, x's buffer has UNIFORM usage (every
   * activation buffer does: gpu.ts activationUsage) and an aligned offset.
   * Measured on llvmpipe at the 8B shapes: +3-5% over storage x.
   */
  uniformX?: boolean;
  /**
   * How the "k" split meets its partial sums: "workgroup" (default) memory and
   * a barrier, or "subgroup": subgroupAdd, no barrier, which needs the
   * "subgroups" feature and wg equal to the device's fixed subgroup size
   * (gpu.subgroupSize), so that a workgroup is one subgroup.
   */
  reduce?: "workgroup" | "subgroup";
  /**
   * For q4 blocks of 32 (other layouts ignore it): quantize x to int8 blocks first (quantize_x.ts) and
   * multiply codes by dot4I8Packed (WGSL language feature
   * packed_4x8_integer_dot_product). x's rounding adds ~1/16 of q4's own
   * error. Chosen on GPUs that offer it; on llvmpipe, which emulates it, it
   * measured slower (0.70 vs 0.75 of the ceiling), so software adapters skip it.
   */
  dot4?: boolean;
}

// Measured on llvmpipe at the 8B shapes (bench matvec, ARCHITECTURE.md): a
// software adapter runs a workgroup on one CPU thread, 8 lanes wide, and every
// storage load is a per-lane gather, so threads that own many rows each (one x
// load serves them all, no barrier) win there. With x a uniform array: q8 at
// 12 rows (16: up to 0.1 lower on the 14336-long shapes); q4 at 16 rows for K
// <= 4096 (12: ~0.03 lower; 20 and 24 spill) but 12 above (K = 8192: 16 rows
// lose up to 0.1). A GPU wants a warp of threads reading neighbouring blocks
// of the same rows.
const SOFTWARE_ROWS: Record<QuantFormat, (K: number) => number> = {
  q8: () => 12,
  q4: (K) => K <= 4096 ? 16 : 12,
};
const HARDWARE: MatvecQuantConfig = { wg: 32, rows: 4, split: "k" };

/** Rows one workgroup covers. */
export function rowsPerGroup(c: MatvecQuantConfig): number {
  return c.split === "rows" ? c.rows * c.wg : c.rows;
}

/** Row `r` of a thread in WGSL (clamped to the chunk's last row). */
export function rowOf(c: MatvecQuantConfig, r: number): string {
  return c.split === "rows" ? `min(row0 + ${r}u * WG + lid, last)` : `min(row0 + ${r}u, last)`;
}

/**
 * The tuning for this device and a format's rows of K values: threads owning
 * whole rows on CPU adapters (SOFTWARE_ROWS); HARDWARE on GPUs, with the fast
 * variants the device offers: one subgroup per workgroup reducing by
 * subgroupAdd where subgroups have a fixed size, and dot4I8Packed for q4.
 */
export function matvecQuantConfig(
  gpu: Pick<Gpu, "isFallbackAdapter" | "subgroupSize" | "hasPacked4x8">,
  format: QuantFormat,
  K: number,
): MatvecQuantConfig {
  if (gpu.isFallbackAdapter) return { wg: 8, rows: SOFTWARE_ROWS[format](K), split: "rows" };
  const size = gpu.subgroupSize;
  return {
    ...HARDWARE,
    ...(size ? { wg: size, reduce: "subgroup" } : {}),
    ...(gpu.hasPacked4x8 ? { dot4: true } : {}),
  };
}

export const matvecQuantParams = defineParams({
  K: "u32", // input features: x holds K values, the last block may be partial
  rows: "u32", // rows in this chunk
  colOffset: "u32", // chunk.rowStart: element of out that row 0 writes
  wordsPerRow: "u32", // u32 codes per row (K padded to whole blocks)
  scalesPerRow: "u32", // f16 scales per row (even: each row starts on a word)
});
const kernels = new Map<string, Kernel<typeof matvecQuantParams.fields>>();

/** The unrolled work of block `b` for every row: MAIN (guarded false) or TAIL. */
function matvecBlock(
  l: QuantLayout,
  c: MatvecQuantConfig,
  vec4: boolean,
  guarded: boolean,
): string[] {
  const rows = [...Array(c.rows).keys()].map((r) => rowOf(c, r));
  return blockCode({ layout: l, vec4, guarded, rows, xBases: [""], acc: (r) => `acc${r}` });
}

/**
 * The dot4 variant's block: x codes as two vec4<u32> (even and odd elements of
 * each code word, quantize_x.wgsl) and (scale, scale * code sum); per row one
 * vec4<u32> of q4 codes, split into even and odd nibbles as bytes:
 *   sum_k d (q_k - 8) x_k ~= d (s * sum_k q_k c_k - 8 s sum_k c_k).
 * The padded tail of a partial block has code 8 in w and 0 in x: no guard.
 */
function matvecBlockDot4(c: MatvecQuantConfig): string[] {
  const out = ["let xe = xq[2u * b];", "let xo = xq[2u * b + 1u];", "let m = xm[b];"];
  const M = "vec4u(0x0f0f0f0fu)";
  for (let r = 0; r < c.rows; r++) {
    const terms = ["x", "y", "z", "w"].flatMap((e) => [
      `dot4I8Packed(e${r}.${e}, xe.${e})`,
      `dot4I8Packed(o${r}.${e}, xo.${e})`,
    ]);
    out.push(
      `let v${r} = w[${rowOf(c, r)} * wpv + b];`,
      `let e${r} = v${r} & ${M};`,
      `let o${r} = (v${r} >> vec4u(4u)) & ${M};`,
      `let i${r} = ${terms.join(" + ")};`,
      `let si${r} = ${rowOf(c, r)} * p.scalesPerRow + b;`,
      `acc${r} += f16_at(scales[si${r} >> 1u], si${r}) * (m.x * f32(i${r}) - 8.0 * m.y);`,
    );
  }
  return out;
}

/** Whether the dot4 variant applies: asked for, and q4 blocks of 32. */
export function usesDot4(l: QuantLayout, c: MatvecQuantConfig): boolean {
  return c.dot4 === true && l.format === "q4" && l.block === X_BLOCK;
}

/** Whether `x` (K values) can be bound as matvec_quant's uniform array<vec4f, K / 4>. */
export function uniformXFits(gpu: Gpu, x: Tensor<"f32">, K: number): boolean {
  const limits = gpu.device.limits;
  return K % 4 === 0 && K * 4 <= limits.maxUniformBufferBindingSize &&
    x.offset % limits.minUniformBufferOffsetAlignment === 0 &&
    (x.buffer.usage & GPUBufferUsage.UNIFORM) !== 0;
}

/** Where a thread's rows and blocks lie, per split (matvec_quant.wgsl; stream.ts too). */
export const SPLITS: Record<"k" | "rows", Record<string, string>> = {
  // Threads share the workgroup's ROWS rows and take blocks strided by WG.
  k: { ROWS_PER_GROUP: "ROWS", B0: "lid", BSTEP: "WG", TAIL_LANE: " && lid == full % WG" },
  // Each thread owns ROWS rows (r * WG + lid) and walks every block.
  rows: { ROWS_PER_GROUP: "ROWS * WG", B0: "0u", BSTEP: "1u", TAIL_LANE: "" },
};

/** How per-thread sums become outputs: PARTIAL memory, BUILTINS and STORE. */
function reduceHooks(c: MatvecQuantConfig): Record<string, string> {
  const rows = [...Array(c.rows).keys()];
  if (c.split === "rows") {
    const store = rows.flatMap((r) => [
      `if (row0 + ${r}u * WG + lid < p.rows) {`,
      `  out[p.colOffset + row0 + ${r}u * WG + lid] = acc${r};`,
      "}",
    ]);
    return { PARTIAL: "", BUILTINS: "", STORE: indent(store, 2) };
  }
  if (c.reduce === "subgroup") {
    const store = [
      "// The workgroup is one subgroup (WG = the fixed subgroup size).",
      ...rows.map((r) => `let t${r} = subgroupAdd(acc${r});`),
      "if (sgi == 0u) {",
      ...rows.flatMap((r) => [
        `  if (row0 + ${r}u < p.rows) {`,
        `    out[p.colOffset + row0 + ${r}u] = t${r};`,
        "  }",
      ]),
      "}",
    ];
    return {
      PARTIAL: "",
      BUILTINS: "\n  @builtin(subgroup_invocation_id) sgi: u32,",
      STORE: indent(store, 2),
    };
  }
  const store = [
    ...rows.map((r) => `partial[${r}u * WG + lid] = acc${r};`),
    "workgroupBarrier();",
    "// One thread per row sums WG partials after a single barrier (WG is small).",
    "for (var r = lid; r < ROWS; r += WG) {",
    "  if (row0 + r < p.rows) {",
    "    var s = 0.0;",
    "    for (var i = 0u; i < WG; i++) {",
    "      s += partial[r * WG + i];",
    "    }",
    "    out[p.colOffset + row0 + r] = s;",
    "  }",
    "}",
  ];
  return {
    PARTIAL: "var<workgroup> partial: array<f32, ROWS * WG>; // [ROWS, WG]\n\n",
    BUILTINS: "",
    STORE: indent(store, 2),
  };
}

/** x's binding: int8 blocks (dot4), a uniform array, or storage vec4f / f32. */
function xDeclaration(l: QuantLayout, vec4: boolean, uniformX: boolean, dot4: boolean): string {
  if (dot4) {
    return "@group(0) @binding(1) var<storage, read> xq: array<vec4u>; // [blocks, 2] int8 codes\n" +
      "@group(0) @binding(5) var<storage, read> xm: array<vec2f>; // [blocks] scale, scale * sum";
  }
  if (uniformX) {
    return `@group(0) @binding(1) var<uniform> x: array<vec4f, ${l.cols / 4}>; // [K / 4]`;
  }
  const type = vec4 ? "vec4f" : "f32";
  return `@group(0) @binding(1) var<storage, read> x: array<${type}>; // [K / width]`;
}

/**
 * The variant for rows of l.cols values: vec4 loads of x when K % 4 == 0; x a
 * uniform array when `uniformX` (the caller checked uniformXFits).
 */
export function matvecQuantKernel(
  l: QuantLayout,
  config: MatvecQuantConfig,
  uniformX = false,
): Kernel<typeof matvecQuantParams.fields> {
  const vec4 = l.cols % 4 === 0;
  const c: MatvecQuantConfig = { ...config, split: config.split ?? "k" };
  const bySubgroup = c.reduce === "subgroup", dot4 = usesDot4(l, c);
  if (bySubgroup && c.split !== "k") {
    throw new Error(`matvecQuant: reduce "subgroup" needs split "k", not "${c.split}"`);
  }
  if (dot4 && uniformX) throw new Error("matvecQuant: the dot4 variant reads x as int8 blocks");
  const key = `matvec_${l.format}_b${l.block}_${
    vec4 ? "vec4" : "f32"
  }_wg${c.wg}_r${c.rows}_${c.split}${bySubgroup ? "_sg" : ""}${uniformX ? `_ux${l.cols}` : ""}${
    dot4 ? "_dot4" : ""
  }`;
  let kernel = kernels.get(key);
  if (!kernel) {
    const walk = quantWalk(l);
    const block = (guarded: boolean) =>
      indent(dot4 ? matvecBlockDot4(c) : matvecBlock(l, c, vec4, guarded), 4);
    const source = fill(key, template, {
      // Numbers and types.
      ROWS: String(c.rows),
      BLOCK: String(l.block),
      WV: wordVector(walk),
      X_DECL: xDeclaration(l, vec4, uniformX, dot4),
      // How threads share rows and blocks, and how their sums meet.
      ...SPLITS[c.split ?? "k"],
      ...reduceHooks(c),
      // The unrolled work of one block: MAIN, and TAIL for the partial last block.
      ACC: indent([
        `let wpv = p.wordsPerRow / ${walk.words}u;`,
        ...[...Array(c.rows).keys()].map((r) => `var acc${r} = 0.0;`),
      ], 2),
      MAIN: block(false),
      TAIL: block(true),
    });
    kernel = defineKernel({
      key,
      params: matvecQuantParams,
      enable: bySubgroup ? ["subgroups"] : [],
      parts: [quant, source],
      constants: { WG: c.wg },
    });
    kernels.set(key, kernel);
  }
  return kernel;
}

/** out [N] or [1, N] = w [N, K] @ x, x: [K] or [1, K]; any K, N. */
export function matvecQuant(
  rec: Recorder,
  x: Tensor<"f32">,
  w: QuantMatrix,
  out: Tensor<"f32">,
  config: MatvecQuantConfig = matvecQuantConfig(rec.gpu, w.format, w.cols),
): void {
  const [T, K] = linearShapes("matvecQuant", x, w, out);
  if (T !== 1) throw new Error(`matvecQuant(${w.label}): x [${x.shape}] holds ${T} tokens, want 1`);
  const l = w.layout;
  const dot4 = usesDot4(l, config);
  const uniformX = !dot4 && (config.uniformX ?? true) && uniformXFits(rec.gpu, x, K);
  const kernel = matvecQuantKernel(l, config, uniformX);
  let xBindings: Binding[] = [x.binding];
  let xMeta: Binding | null = null;
  if (dot4) {
    // x as int8 blocks, in pool buffers released once the pass is submitted.
    const bytes = quantizedXBytes(K);
    const codes = rec.gpu.acquire("matvecQuant.xCodes", bytes.codes);
    const meta = rec.gpu.acquire("matvecQuant.xMeta", bytes.meta);
    rec.adopt(codes);
    rec.adopt(meta);
    quantizeX(rec, x, codes, meta);
    xBindings = [{ buffer: codes, size: bytes.codes }];
    xMeta = { buffer: meta, size: bytes.meta };
  }
  for (const c of w.chunks) {
    rec.dispatch(kernel, {
      params: {
        K,
        rows: c.rows,
        colOffset: c.rowStart,
        wordsPerRow: l.wordsPerRow,
        scalesPerRow: l.scalesPerRow,
      },
      buffers: [
        ...xBindings,
        c.words.binding,
        c.scales.binding,
        out.binding,
        ...(xMeta ? [xMeta] : []),
      ],
      workgroups: grid1d(rec.gpu, c.rows, rowsPerGroup(config)),
    });
  }
}
