import assert from "node:assert/strict";
import { rope, ropeReference } from "../../shaders/rope.ts";
import { ropeInvFreq } from "../../engine/model/rope.ts";
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

// The reference takes sin/cos of the same f32 angle in f64; what is left is the
// GPU's sin/cos and one rounding per product (llvmpipe: at most 1.5e-7 of
// max|want|, at any position up to 131072).
const TOLERANCE = { rel: 3e-7 };

// [T, nHeads, headDim, positionStart, theta]
const cases: [number, number, number, number, number][] = [
  [3, 2, 6, 0, 10000],
  [37, 5, 16, 4000, 500000],
  [1, 32, 128, 8191, 500000],
  [13, 3, 10, 131_000, 500000],
  [70, 1, 8, 0, 10000],
];

for (const [T, nHeads, headDim, start, theta] of cases) {
  Deno.test(`rope: [${T}, ${nHeads}, ${headDim}] at positions ${start}.. matches the reference`, async () => {
    const random = rng(T * 7919 + headDim + start);
    const shape = [T, nHeads, headDim] as const;
    const x = randomArray(random, T * nHeads * headDim);
    const inv = new Float32Array(ropeInvFreq(headDim, theta, theta === 500000 ? llama3 : null));
    const tx = Tensor.from(gpu, "x", x, shape, "f32");
    const ti = Tensor.from(gpu, "invFreq", inv, [headDim / 2], "f32");
    const rec = new Recorder(gpu, "test.rope");
    rope(rec, tx, ti, start);
    rec.submit();
    const want = ropeReference(x, shape, inv, start);
    assertClose("rope", await tx.toArray(), want, { ...TOLERANCE, shape });
    tx.dispose();
    ti.dispose();
  });
}

Deno.test("rope: rotation at position 0 is the identity, and the test can fail", async () => {
  const shape = [2, 1, 4] as const;
  const x = randomArray(rng(5), 8);
  const tx = Tensor.from(gpu, "x", x, shape, "f32");
  const ti = Tensor.from(gpu, "invFreq", new Float32Array([1, 0.01]), [2], "f32");
  const rec = new Recorder(gpu, "test.rope.identity");
  rope(rec, tx, ti, 0);
  rec.submit();
  const got = await tx.toArray();
  assertClose("rope row 0", got.subarray(0, 4), x.subarray(0, 4), { abs: 0 });
  // Row 1 (position 1) did rotate: comparing it with the input must fail.
  assert.throws(() => assertClose("rope row 1", got.subarray(4), x.subarray(4), TOLERANCE));
  tx.dispose();
  ti.dispose();
});

Deno.test("rope: rejects an invFreq of the wrong length and positions past 2^24", () => {
  const tx = Tensor.empty(gpu, "x", [1, 1, 8], "f32");
  const ti = Tensor.empty(gpu, "invFreq", [3], "f32");
  const ok = Tensor.empty(gpu, "invFreq", [4], "f32");
  const rec = new Recorder(gpu, "test.rope.errors");
  assert.throws(() => rope(rec, tx, ti, 0), /invFreq has 3/);
  assert.throws(() => rope(rec, tx, ok, 2 ** 24), /2\^24/);
  rec.submit();
  for (const t of [tx, ti, ok]) t.dispose();
});
