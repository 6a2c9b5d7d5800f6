// linearBackward (dx = dy w) against the plain-TS reference, for f32 and the
// q8/q4 packed weights (dequantized on the CPU, multiplied in f64): random and
// odd shapes, partial blocks, several row chunks, accumulation. Plus the
// adjoint identity <dy, x w^T> = <dy w, x> through the forward kernel, which
// checks that the reference is the transpose of what linear() computes.

import assert from "node:assert/strict";
import {
  BACKWARD_ROWS_PER_DISPATCH,
  linearBackward,
  linearBackwardReference,
} from "../../shaders/linear_backward.ts";
import { linear } from "../../shaders/linear.ts";
import { Matrix } from "../../engine/gpu/matrix.ts";
import { QuantMatrix, readWeightMatrix, type WeightMatrix } from "../../engine/quant/matrix.ts";
import type { QuantFormat } from "../../engine/quant/format.ts";
import { Recorder } from "../../engine/gpu/recorder.ts";
import { Tensor } from "../../engine/gpu/tensor.ts";
import type { Gpu } from "../../engine/gpu/gpu.ts";
import { assertClose, randomArray, rng } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";

// f32 sums of N <= 300 products against f64: a wrong or missing term moves
// the result by ~1/N of max, far above this.
const REL = 1e-5;

const gpu = await testGpu();

function upload(g: Gpu, format: "f32" | QuantFormat, w: Float32Array, N: number, K: number) {
  return format === "f32"
    ? Matrix.upload(g, "w", w, N, K)
    : QuantMatrix.upload(g, "w", w, N, K, format);
}

async function check(
  g: Gpu,
  format: "f32" | QuantFormat,
  [T, K, N]: number[],
  seed: number,
  accumulate = false,
): Promise<number> {
  const random = rng(seed);
  const w = upload(g, format, randomArray(random, N * K), N, K);
  const dy = randomArray(random, T * N), before = randomArray(random, T * K);
  const host = await readWeightMatrix(w); // the values the packed codes stand for
  const want = linearBackwardReference(dy, host, T, N, K);
  if (accumulate) want.forEach((v, i) => want[i] = v + before[i]);
  const tdy = Tensor.from(g, "dy", dy, [T, N], "f32");
  const dx = Tensor.from(g, "dx", before, [T, K], "f32");
  const rec = new Recorder(g, "test.linearBackward");
  linearBackward(rec, tdy, w, dx, accumulate);
  rec.submit();
  const name = `linearBackward ${format} dy [${T},${N}] w [${N},${K}]${accumulate ? " +=" : ""}`;
  assertClose(name, await dx.toArray(), want, { rel: REL, shape: [T, K] });
  const chunks = w.chunks.length;
  for (const t of [tdy, dx, w]) t.dispose();
  return chunks;
}

const SHAPES = [[1, 7, 3], [2, 13, 33], [5, 64, 172], [9, 172, 64], [33, 37, 40], [3, 300, 5]];

for (const format of ["f32", "q8", "q4"] as const) {
  Deno.test(`linearBackward ${format}: random and odd shapes (partial blocks, T % 4 != 0)`, async () => {
    for (const [i, s] of SHAPES.entries()) await check(gpu, format, s, 100 * i + s[1]);
  });
  Deno.test(`linearBackward ${format}: accumulates into dx`, async () => {
    await check(gpu, format, [6, 40, 21], 3, true);
  });
  Deno.test(`linearBackward ${format}: a matrix in several row chunks`, async () => {
    const small = await testGpu({ maxBindingBytes: 4096 });
    const chunks = await check(small, format, [3, 70, 300], 5);
    assert.ok(chunks > 1, `expected several chunks, got ${chunks}`);
  });
}

Deno.test("linearBackward: the transpose of linear (<dy, x w^T> = <dy w, x>)", async () => {
  const random = rng(77);
  const [T, K, N] = [5, 45, 31];
  for (const format of ["f32", "q8", "q4"] as const) {
    const w: WeightMatrix = upload(gpu, format, randomArray(random, N * K), N, K);
    const x = randomArray(random, T * K), dy = randomArray(random, T * N);
    const tx = Tensor.from(gpu, "x", x, [T, K], "f32"),
      tdy = Tensor.from(gpu, "dy", dy, [T, N], "f32");
    const y = Tensor.empty(gpu, "y", [T, N], "f32"), dx = Tensor.empty(gpu, "dx", [T, K], "f32");
    const rec = new Recorder(gpu, "test.adjoint");
    linear(rec, tx, w, y);
    linearBackward(rec, tdy, w, dx);
    rec.submit();
    const ya = await y.toArray(), dxa = await dx.toArray();
    let a = 0, b = 0, scale = 0;
    for (let i = 0; i < T * N; i++) (a += dy[i] * ya[i]), (scale += Math.abs(dy[i] * ya[i]));
    for (let i = 0; i < T * K; i++) b += dxa[i] * x[i];
    assert.ok(
      Math.abs(a - b) <= 1e-5 * scale,
      `${format}: <dy, y> = ${a} but <dx, x> = ${b} (|diff| ${Math.abs(a - b)}, scale ${scale})`,
    );
    for (const t of [w, tx, tdy, y, dx]) t.dispose();
  }
});

Deno.test("linearBackward: rejects shapes that do not fit the matrix, and dx over dy", () => {
  const w = Matrix.upload(gpu, "w", new Float32Array(12), 3, 4);
  const dy = Tensor.empty(gpu, "dy", [2, 3], "f32"), bad = Tensor.empty(gpu, "dx", [2, 3], "f32");
  const rec = new Recorder(gpu, "test.bad");
  assert.throws(
    () => linearBackward(rec, dy, w, bad),
    /linearBackward\(w\): dy \[2,3\] and dx \[2,3\] do not fit w \[3, 4\]; want dy \[T, 3\] and dx \[T, 4\]/,
  );
  assert.equal(rec.dispatchCount, 0);
  for (const t of [w, dy, bad]) t.dispose();
});

// More rows than one invocation may loop over on llvmpipe (~65,536: a
// 128k-vocabulary lm_head): several accumulating dispatches per chunk.
for (const format of ["f32", "q8"] as const) {
  Deno.test(`linearBackward ${format}: 70,000 rows (a dispatch per ${BACKWARD_ROWS_PER_DISPATCH})`, async () => {
    assert.ok(70000 > 4 * BACKWARD_ROWS_PER_DISPATCH);
    await check(gpu, format, [1, 32, 70000], 7);
    await check(gpu, format, [3, 32, 70000], 8, true);
  });
}
