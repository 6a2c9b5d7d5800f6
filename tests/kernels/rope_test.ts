import assert from "node:assert/strict";
import { rope, ropeAt, ropeReference } from "../../shaders/rope.ts";
import { ropeInvFreq, ropeTable } from "../../engine/model/rope.ts";
import { Recorder } from "../../engine/gpu/recorder.ts";
import { Tensor } from "../../engine/gpu/tensor.ts";
import { assertClose, randomArray, rng } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";

const gpu = await testGpu();
const llama3 = {
  factor: 8,
  lowFreqFactor: 1,
  highFreqFactor: 4,
  originalMaxPositionEmbeddings: 8192,
};

// The reference reads the same (cos, sin) table and rotates in f64; what is
// left is the GPU's f32 rotation: two products and a sum, each rounded, at most
// 1.5 ulp of max|x| (1.8e-7). No sin/cos runs on the GPU, so this holds on
// every adapter.
const TOLERANCE = { rel: 3e-7 };

// [T, nHeads, headDim, positionStart, theta]
const cases: [number, number, number, number, number][] = [
  [3, 2, 6, 0, 10000],
  [37, 5, 18, 4000, 500000],
  [1, 32, 128, 8191, 500000],
  [13, 3, 10, 5997, 500000],
  [70, 1, 8, 0, 10000],
  [9, 7, 14, 2049, 10000],
];

for (const [T, nHeads, headDim, start, theta] of cases) {
  Deno.test(`rope: [${T}, ${nHeads}, ${headDim}] at positions ${start}.. matches the reference`, async () => {
    const random = rng(T * 7919 + headDim + start);
    const shape = [T, nHeads, headDim] as const;
    const x = randomArray(random, T * nHeads * headDim);
    const inv = ropeInvFreq(headDim, theta, theta === 500000 ? llama3 : null);
    // A few rows past the end, so that reading the wrong rows shows.
    const context = start + T + 5;
    const table = ropeTable(inv, context);
    const tx = Tensor.from(gpu, "x", x, shape, "f32");
    const tt = Tensor.from(gpu, "table", table, [context, headDim / 2, 2], "f32");
    const rec = new Recorder(gpu, "test.rope");
    rope(rec, tx, tt, start);
    rec.submit();
    const want = ropeReference(x, shape, table, start);
    assertClose("rope", await tx.toArray(), want, { ...TOLERANCE, shape });
    tx.dispose();
    tt.dispose();
  });
}

Deno.test("rope: rotation at position 0 is the identity, and the test can fail", async () => {
  const shape = [2, 1, 4] as const;
  const x = randomArray(rng(5), 8);
  const tx = Tensor.from(gpu, "x", x, shape, "f32");
  const tt = Tensor.from(gpu, "table", ropeTable([1, 0.01], 2), [2, 2, 2], "f32");
  const rec = new Recorder(gpu, "test.rope.identity");
  rope(rec, tx, tt, 0);
  rec.submit();
  const got = await tx.toArray();
  assertClose("rope row 0", got.subarray(0, 4), x.subarray(0, 4), { abs: 0 });
  // Row 1 (position 1) did rotate: comparing it with the input must fail.
  assert.throws(() => assertClose("rope row 1", got.subarray(4), x.subarray(4), TOLERANCE));
  tx.dispose();
  tt.dispose();
});

Deno.test("rope: rejects a table too short for the positions, or of the wrong head_dim", () => {
  const tx = Tensor.empty(gpu, "x", [3, 2, 8], "f32");
  const short = Tensor.empty(gpu, "table", [10, 4, 2], "f32");
  const wide = Tensor.empty(gpu, "table", [10, 3, 2], "f32");
  const rec = new Recorder(gpu, "test.rope.errors");
  rope(rec, tx, short, 7); // positions 7..9, the last rows
  assert.throws(() => rope(rec, tx, short, 8), /positions 8\.\.11 need 11 table rows.* has 10/);
  assert.throws(
    () => rope(rec, tx, short, -1),
    /positionStart must be a non-negative integer, got -1/,
  );
  assert.throws(() => rope(rec, tx, wide, 0), /table must be \[context, 4, 2\]/);
  rec.submit();
  for (const t of [tx, short, wide]) t.dispose();
});

Deno.test("rope (positions): rows at their own positions (batched prompts restart at 0) match the reference", async () => {
  const shape = [11, 3, 10] as const;
  const positions = new Uint32Array([0, 1, 2, 0, 0, 1, 2, 3, 4, 5, 40]);
  const x = randomArray(rng(77), 11 * 3 * 10);
  const table = ropeTable(ropeInvFreq(10, 10000, null), 41);
  const tx = Tensor.from(gpu, "x", x, shape, "f32");
  const tt = Tensor.from(gpu, "table", table, [41, 5, 2], "f32");
  const tp = Tensor.from(gpu, "positions", positions, [11], "u32");
  const rec = new Recorder(gpu, "test.rope.positions");
  ropeAt(rec, tx, tt, tp, 40);
  assert.throws(() => ropeAt(rec, tx, tt, tp, 41), /position 41 needs table row 41/);
  rec.submit();
  const got = await tx.toArray();
  assertClose("rope positions", got, ropeReference(x, shape, table, positions), {
    ...TOLERANCE,
    shape,
  });
  // Rows 3.. are not at 3, 4, ...: the start-based rotation must differ.
  assert.throws(() => assertClose("rope start", got, ropeReference(x, shape, table, 0), TOLERANCE));
  for (const t of [tx, tt, tp]) t.dispose();
});
