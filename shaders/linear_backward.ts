// Linear backward with respect to the input (weights frozen): dx = dy w for
// w [N, K] in the nn.Linear layout, f32 or q8/q4 packed, reading the very
// buffers the forward reads (one template, linear_backward.wgsl, with a hook
// for how an element of w is loaded). GGML block formats (q4k, q6k, GGUF
// types) go to linear_backward_ggml.ts (the same blocks, the forward's
// per-type dequantization snippets).

import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams, fill, indent, type Kernel } from "../engine/gpu/kernel.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import type { QuantLayout } from "../engine/quant/format.ts";
import type { WeightMatrix } from "../engine/quant/matrix.ts";
import { BlockMatrix } from "../engine/quant/block_matrix.ts";
import { overlaps } from "./backward_checks.ts";
import {
  backwardSpans,
  linearBackwardGgml,
  setupLines,
  tokenSlots,
} from "./linear_backward_ggml.ts";
export { BACKWARD_ROWS_PER_DISPATCH, backwardSpans } from "./linear_backward_ggml.ts";
import quant from "./quant.wgsl" with { type: "text" };
import template from "./linear_backward.wgsl" with { type: "text" };

const WG = 64;

/** Tokens per thread: each loaded group of w serves TT tokens (TT x 32 accumulators). */
const TT = 4;
/** Tokens per thread for a single token (a metric's head row): no idle accumulators. */
const TT_ONE = 1;

export const linearBackwardParams = defineParams({
  T: "u32",
  K: "u32",
  rowBegin: "u32", // first row of the chunk this dispatch walks
  rows: "u32", // and the row it stops before
  dyStride: "u32", // N: elements per row of dy
  dyOffset: "u32", // chunk.rowStart: the column of dy that w's row 0 belongs to
  accumulate: "u32", // 1: add to dx
  wordsPerRow: "u32", // q8/q4 only (0 for f32)
  scalePairsPerRow: "u32", // q8/q4 only: u32 words of f16 scale pairs per row
});

const F32_WEIGHTS = "@group(0) @binding(2) var<storage, read> w: array<f32>;  // [rows, K]";
const QUANT_WEIGHTS = [
  "@group(0) @binding(2) var<storage, read> words: array<u32>;  // [rows, wordsPerRow] codes",
  "@group(0) @binding(3) var<storage, read> scales: array<u32>; // [rows, scalePairsPerRow] f16 pairs",
].join("\n");

/** Values 32g .. 32g + 31 of f32 row n (the tail group reads on into the next row, unused). */
const F32_GROUP = [
  "let r = n * p.K + 32u * g;",
  ...[...Array(8).keys()].map((i) =>
    `let v${i} = vec4f(${[0, 1, 2, 3].map((e) => `w[r + ${4 * i + e}u]`).join(", ")});`
  ),
  `let v = array<vec4f, 8>(${[...Array(8).keys()].map((i) => `v${i}`).join(", ")});`,
];

function groupKernel(
  key: string,
  parts: string[],
  weights: string,
  dx: string,
  group: string[],
  tt = TT,
) {
  return defineKernel({
    key,
    params: linearBackwardParams,
    parts: [
      ...parts,
      fill(key, template, {
        TT: String(tt),
        WEIGHT_BINDINGS: weights,
        DX_BINDING: dx,
        SETUP: indent(setupLines(tt), 2),
        GROUP: indent(group, 4),
        ...tokenSlots(tt),
      }),
    ],
    constants: { WG },
  });
}

const f32Kernels = new Map<number, Kernel<typeof linearBackwardParams.fields>>();

/** The f32 variant with `tt` tokens per thread (4, or 1 for one token). */
export function linearBackwardF32Kernel(tt = TT): Kernel<typeof linearBackwardParams.fields> {
  let kernel = f32Kernels.get(tt);
  if (!kernel) {
    kernel = groupKernel(`linear_backward_f32_wg${WG}_t${tt}`, [], F32_WEIGHTS, "3", F32_GROUP, tt);
    f32Kernels.set(tt, kernel);
  }
  return kernel;
}

const quantKernels = new Map<string, Kernel<typeof linearBackwardParams.fields>>();

/** The q8/q4 variant for a layout's format and block (the row length is a param). */
export function linearBackwardQuantKernel(
  l: QuantLayout,
  tt = TT,
): Kernel<typeof linearBackwardParams.fields> {
  const key = `linear_backward_${l.format}_b${l.block}_wg${WG}_t${tt}`;
  let kernel = quantKernels.get(key);
  if (!kernel) {
    // The group's words and scales, each loaded once: 32 / perWord words; one scale per
    // block (blocks of 16 or 32 divide the group; blocks of 64 or 128 hold it whole).
    const per = l.perWord, B = l.block, words = 32 / per, blocks = Math.max(1, 32 / B);
    const vec = (i: number) => {
      const j = B <= 32 ? Math.floor((4 * i) / B) : 0;
      return `sc${j} * dequant_${l.format}(w${Math.floor((4 * i) / per)}, ${((4 * i) % per) / 4}u)`;
    };
    const group = [
      `let wr = n * p.wordsPerRow + ${words}u * g;`,
      "let sr = n * p.scalePairsPerRow;",
      B <= 32 ? `let blk = g * ${32 / B}u;` : `let blk = g / ${B / 32}u;`,
      ...[...Array(blocks).keys()].map((j) =>
        `let sc${j} = f16_at(scales[sr + (blk + ${j}u) / 2u], blk + ${j}u);`
      ),
      ...[...Array(words).keys()].map((m) => `let w${m} = words[wr + ${m}u];`),
      `let v = array<vec4f, 8>(${[...Array(8).keys()].map(vec).join(", ")});`,
    ];
    kernel = groupKernel(key, [quant], QUANT_WEIGHTS, "4", group, tt);
    quantKernels.set(key, kernel);
  }
  return kernel;
}

/**
 * dx [T, K] (+)= dy [T, N] @ w, w: [N, K] (nn.Linear layout), f32, q8/q4 or
 * a GGML block format.
 * Overwrites dx, or adds to it with `accumulate`. A [N] dy with a [K] dx is
 * one token.
 */
export function linearBackward(
  rec: Recorder,
  dy: Tensor<"f32">,
  w: WeightMatrix,
  dx: Tensor<"f32">,
  accumulate = false,
): void {
  const N = w.rows, K = w.cols;
  const T = dy.size / N;
  const last = (t: Tensor) => t.shape[t.shape.length - 1];
  if (
    !Number.isInteger(T) || last(dy) !== N || last(dx) !== K || dx.size !== T * K ||
    dy.shape.length > 2 || dx.shape.length > 2
  ) {
    throw new Error(
      `linearBackward(${w.label}): dy [${dy.shape}] and dx [${dx.shape}] do not fit ` +
        `${w.label} [${N}, ${K}]; want dy [T, ${N}] and dx [T, ${K}]`,
    );
  }
  if (overlaps(dx, dy)) throw new Error(`linearBackward(${w.label}): dx overlaps dy`);
  const tt = T === 1 ? TT_ONE : TT;
  const workgroups: [number, number] = [Math.ceil(Math.ceil(K / 32) / WG), Math.ceil(T / tt)];
  if (workgroups[1] > rec.gpu.device.limits.maxComputeWorkgroupsPerDimension) {
    throw new Error(`linearBackward(${w.label}): ${T} tokens exceed one dispatch; split them`);
  }
  if (w instanceof BlockMatrix) return linearBackwardGgml(rec, dy, w, dx, T, accumulate, tt);
  const base = { T, K, dyStride: N };
  if (w.format === "f32") {
    w.chunks.forEach((c, i) => {
      for (const [rowBegin, rows] of backwardSpans(c.tensor.shape[0])) {
        rec.dispatch(linearBackwardF32Kernel(tt), {
          params: {
            ...base,
            rowBegin,
            rows,
            dyOffset: c.rowStart,
            accumulate: accumulate || i > 0 || rowBegin > 0 ? 1 : 0,
            wordsPerRow: 0,
            scalePairsPerRow: 0,
          },
          buffers: [dy.binding, c.tensor.binding, dx.binding],
          workgroups,
        });
      }
    });
    return;
  }
  const l = w.layout;
  const kernel = linearBackwardQuantKernel(l, tt);
  w.chunks.forEach((c, i) => {
    for (const [rowBegin, rows] of backwardSpans(c.rows)) {
      rec.dispatch(kernel, {
        params: {
          ...base,
          rowBegin,
          rows,
          dyOffset: c.rowStart,
          accumulate: accumulate || i > 0 || rowBegin > 0 ? 1 : 0,
          wordsPerRow: l.wordsPerRow,
          scalePairsPerRow: l.scalesPerRow / 2,
        },
        buffers: [dy.binding, c.words.binding, c.scales.binding, dx.binding],
        workgroups,
      });
    }
  });
}

/** dx [T, K] = dy [T, N] @ w [N, K] in f64 (w: the values the device format stands for). */
export function linearBackwardReference(
  dy: ArrayLike<number>,
  w: ArrayLike<number>,
  T: number,
  N: number,
  K: number,
): Float64Array {
  const dx = new Float64Array(T * K);
  for (let t = 0; t < T; t++) {
    for (let n = 0; n < N; n++) {
      const g = dy[t * N + n];
      if (g === 0) continue;
      for (let k = 0; k < K; k++) dx[t * K + k] += g * w[n * K + k];
    }
  }
  return dx;
}
