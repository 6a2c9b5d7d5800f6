// linearBackward (dx = dy w) on GGML block matrices (shaders/linear_backward_ggml.ts)
// against the plain-TS reference (linearBackwardReference on the rows'
// bytes dequantized by dequantizeBlockRows, in f64): every block format on
// random blocks at odd row counts, widths that are not whole blocks (a
// row's padding must not reach dx), T not a multiple of the token tile,
// accumulation, row chunks; and the adjoint identity through the forward
// kernel (<dy, x w^T> = <dy w, x>). Shapes stay small: Chromium runs this too.

import assert from "node:assert/strict";
import {
  BLOCK_FORMATS,
  type BlockFormat,
  blockLayout,
  BlockMatrix,
  dequantizeBlockRows,
  padBlocks,
  randomBlockRows,
} from "../../engine/quant/block_matrix.ts";
import { Recorder } from "../../engine/gpu/recorder.ts";
import { Tensor } from "../../engine/gpu/tensor.ts";
import type { Gpu } from "../../engine/gpu/gpu.ts";
import { linear } from "../../shaders/linear.ts";
import { linearBackward, linearBackwardReference } from "../../shaders/linear_backward.ts";
import { assertClose, randomArray, rng } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";

// f32 sums of N <= 300 products (with fma) against f64: a wrong code, scale,
// group or row moves dx by ~1/N of its max or more, far above this.
const REL = 1e-5;

const gpu = await testGpu();

/** A random [N, K] matrix of `format` blocks and the f32 values it stands for. */
function randomMatrix(g: Gpu, format: BlockFormat, N: number, K: number, seed: number) {
  const l = blockLayout(format, K);
  const bytes = randomBlockRows(l, N, rng(seed), 0.05);
  const m = BlockMatrix.create(g, `w.${format}`, N, K, format);
  m.writeBlocks(0, bytes);
  return { m, w: dequantizeBlockRows(l, padBlocks(l, bytes)) };
}

async function check(
  g: Gpu,
  format: BlockFormat,
  [T, K, N]: number[],
  seed: number,
  accumulate = false,
): Promise<number> {
  const random = rng(seed);
  const { m, w } = randomMatrix(g, format, N, K, seed);
  const dy = randomArray(random, T * N), before = randomArray(random, T * K);
  const want = linearBackwardReference(dy, w, T, N, K);
  if (accumulate) want.forEach((v, i) => want[i] = v + before[i]);
  const tdy = Tensor.from(g, "dy", dy, [T, N], "f32");
  const dx = Tensor.from(g, "dx", before, [T, K], "f32");
  try {
    const rec = new Recorder(g, "test.linearBackwardGgml");
    linearBackward(rec, tdy, m, dx, accumulate);
    rec.submit();
    const name = `linearBackward ${format} dy [${T},${N}] w [${N},${K}]${accumulate ? " +=" : ""}`;
    assertClose(name, await dx.toArray(), want, { rel: REL, shape: [T, K] });
    return m.chunks.length;
  } finally {
    for (const t of [tdy, dx, m]) t.dispose();
  }
}

/** [T, K, N]: whole and partial blocks (32 and 256), T % 4 != 0, one token, odd N. */
const SHAPES = [[1, 256, 3], [5, 45, 13], [7, 300, 9], [2, 512, 31], [9, 33, 5]];

for (const format of BLOCK_FORMATS) {
  Deno.test(`linearBackward ${format}: random blocks, odd shapes, accumulation, row chunks`, async () => {
    for (const [i, s] of SHAPES.entries()) await check(gpu, format, s, 100 * i + s[1]);
    await check(gpu, format, [6, 70, 21], 3, true);
    const small = await testGpu({ maxBindingBytes: 4096 });
    const chunks = await check(small, format, [3, 256, 60], 5);
    assert.ok(chunks > 1, `expected several chunks, got ${chunks}`);
  });
}

Deno.test("linearBackward GGML: the transpose of linear (<dy, x w^T> = <dy w, x>)", async () => {
  const random = rng(91);
  const [T, K, N] = [5, 288, 19];
  for (const format of BLOCK_FORMATS) {
    const { m } = randomMatrix(gpu, format, N, K, 17);
    const x = randomArray(random, T * K), dy = randomArray(random, T * N);
    const tx = Tensor.from(gpu, "x", x, [T, K], "f32");
    const tdy = Tensor.from(gpu, "dy", dy, [T, N], "f32");
    const y = Tensor.empty(gpu, "y", [T, N], "f32"), dx = Tensor.empty(gpu, "dx", [T, K], "f32");
    try {
      const rec = new Recorder(gpu, "test.adjoint");
      linear(rec, tx, m, y);
      linearBackward(rec, tdy, m, dx);
      rec.submit();
      const [yv, dxv] = [await y.toArray(), await dx.toArray()];
      let lhs = 0, rhs = 0, scale = 0;
      for (let i = 0; i < yv.length; i++) {
        lhs += dy[i] * yv[i];
        scale += Math.abs(dy[i] * yv[i]);
      }
      for (let i = 0; i < dxv.length; i++) rhs += dxv[i] * x[i];
      assert.ok(
        Math.abs(lhs - rhs) <= 1e-5 * scale,
        `${format}: <dy, x w^T> = ${lhs}, <dy w, x> = ${rhs} (sum of |terms| ${scale})`,
      );
    } finally {
      for (const t of [tx, tdy, y, dx, m]) t.dispose();
    }
  }
});

// More rows than one invocation may loop over on llvmpipe (a 128k-vocabulary
// lm_head): several accumulating dispatches per chunk (backwardSpans).
Deno.test("linearBackward q4k: 70,000 rows in several dispatches", async () => {
  await check(gpu, "q4k", [2, 256, 70000], 9);
});
