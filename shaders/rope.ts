import type { Recorder } from "../engine/gpu/recorder.ts";
import { defineKernel, defineParams, fill } from "../engine/gpu/kernel.ts";
import type { Tensor } from "../engine/gpu/tensor.ts";
import { grid1d } from "./grid.ts";
import common from "./common.wgsl" with { type: "text" };
import source from "./rope.wgsl" with { type: "text" };

const WG = 64;
const ropeParams = defineParams({
  pairs: "u32", // T * n_heads * half
  half: "u32", // head_dim / 2
  n_heads: "u32",
  position_start: "u32",
});
export const ropeKernel = defineKernel({
  key: `rope_halves_table_wg${WG}`,
  params: ropeParams,
  parts: [common, fill("rope", source, { POSITION_OF_ROW: "(p.position_start + t)" })],
  constants: { WG },
});

// Batched prompts (several prompts concatenated along T) restart their
// positions at each prompt's first row, so each row's position comes from a
// buffer; the rotation is the same code.
const POSITIONS_BINDING = [
  "// Row t sits at positions[t] (batched prompts restart at 0), not position_start + t.",
  "@group(0) @binding(3) var<storage, read> positions: array<u32>; // [T]",
].join("\n");
export const ropePositionsKernel = defineKernel({
  key: `rope_halves_table_positions_wg${WG}`,
  params: ropeParams,
  parts: [
    common,
    fill("rope_positions", source, { POSITION_OF_ROW: "positions[t]" }),
    POSITIONS_BINDING,
  ],
  constants: { WG },
});

/**
 * Rotates q or k in place (HF rotate-half). x: [T, nHeads, headDim], row t at
 * absolute position positionStart + t; table: [context, headDim / 2, 2], the
 * (cos, sin) of every position's angles (ropeTable in engine/model/rope.ts).
 */
export function rope(
  rec: Recorder,
  x: Tensor<"f32">,
  table: Tensor<"f32">,
  positionStart: number,
): void {
  const [T, nHeads, headDim] = x.shape;
  if (x.shape.length !== 3 || headDim % 2 !== 0) {
    throw new Error(`rope: x must be [T, nHeads, even headDim], got [${x.shape}]`);
  }
  const half = headDim / 2;
  const [rows, tableHalf, two] = table.shape;
  if (table.shape.length !== 3 || tableHalf !== half || two !== 2) {
    throw new Error(
      `rope: table must be [context, ${half}, 2] for head_dim ${headDim}, got [${table.shape}]`,
    );
  }
  if (!Number.isInteger(positionStart) || positionStart < 0) {
    throw new Error(`rope: positionStart must be a non-negative integer, got ${positionStart}`);
  }
  if (positionStart + T > rows) {
    throw new Error(
      `rope: positions ${positionStart}..${positionStart + T} need ${
        positionStart + T
      } table rows, the table has ${rows} (build it for a longer context)`,
    );
  }
  const pairs = T * nHeads * half;
  rec.dispatch(ropeKernel, {
    params: { pairs, half, n_heads: nHeads, position_start: positionStart },
    buffers: [x.binding, table.binding],
    workgroups: grid1d(rec.gpu, pairs, WG),
  });
}

/**
 * Like `rope`, but row t of x [T, nHeads, headDim] sits at `positions[t]`
 * (positions: u32 [T], on x's device), for several prompts concatenated along
 * T. `maxPosition` (the largest entry, known to the caller) is checked against
 * the table on the CPU, since the kernel cannot.
 */
export function ropeAt(
  rec: Recorder,
  x: Tensor<"f32">,
  table: Tensor<"f32">,
  positions: Tensor<"u32">,
  maxPosition: number,
): void {
  const [T, nHeads, headDim] = x.shape;
  if (x.shape.length !== 3 || headDim % 2 !== 0) {
    throw new Error(`ropeAt: x must be [T, nHeads, even headDim], got [${x.shape}]`);
  }
  const half = headDim / 2;
  if (table.shape.length !== 3 || table.shape[1] !== half || table.shape[2] !== 2) {
    throw new Error(`ropeAt: table must be [context, ${half}, 2], got [${table.shape}]`);
  }
  if (positions.size < T) {
    throw new Error(`ropeAt: positions [${positions.shape}] must hold ${T} rows' positions`);
  }
  if (!Number.isInteger(maxPosition) || maxPosition < 0 || maxPosition >= table.shape[0]) {
    throw new Error(
      `ropeAt: position ${maxPosition} needs table row ${maxPosition}, the table has ${
        table.shape[0]
      }`,
    );
  }
  const pairs = T * nHeads * half;
  rec.dispatch(ropePositionsKernel, {
    params: { pairs, half, n_heads: nHeads, position_start: 0 },
    buffers: [x.binding, table.binding, positions.binding],
    workgroups: grid1d(rec.gpu, pairs, WG),
  });
}

/** CPU reference, from the same (cos, sin) table; the rotation in f64. Positions: a start or one per row. */
export function ropeReference(
  x: Float32Array, // [T, nHeads, headDim]
  shape: readonly [number, number, number],
  table: Float32Array, // [context, headDim / 2, 2]
  positionStart: number | ArrayLike<number>,
): Float32Array {
  const [T, nHeads, headDim] = shape;
  const half = headDim / 2;
  const out = x.slice();
  const at = (t: number) =>
    typeof positionStart === "number" ? positionStart + t : positionStart[t];
  for (let t = 0; t < T; t++) {
    for (let h = 0; h < nHeads; h++) {
      const base = (t * nHeads + h) * headDim;
      for (let i = 0; i < half; i++) {
        const cs = (at(t) * half + i) * 2;
        const c = table[cs], s = table[cs + 1];
        const x1 = x[base + i], x2 = x[base + i + half];
        out[base + i] = x1 * c - x2 * s;
        out[base + i + half] = x2 * c + x1 * s;
      }
    }
  }
  return out;
}
