import assert from "node:assert/strict";
import { addInPlace, addReference } from "../../shaders/add.ts";
import { Recorder } from "../../engine/gpu/recorder.ts";
import { Tensor } from "../../engine/gpu/tensor.ts";
import { assertClose, randomArray, rng } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";

const gpu = await testGpu();

for (const n of [1, 7, 1000, 70_001]) {
  Deno.test(`add: x += y matches the reference for n=${n}`, async () => {
    const random = rng(n);
    const x = randomArray(random, n), y = randomArray(random, n);
    const tx = Tensor.from(gpu, "x", x, [n], "f32");
    const ty = Tensor.from(gpu, "y", y, [n], "f32");
    const rec = new Recorder(gpu, "test.add");
    addInPlace(rec, tx, ty);
    rec.submit();
    assertClose("add", await tx.toArray(), addReference(x, y), { abs: 0 });
    tx.dispose();
    ty.dispose();
  });
}

Deno.test("add: a grid larger than 65,535 workgroups folds into y", async () => {
  const n = 65_536 * 256 + 3;
  const x = new Float32Array(n).fill(1), y = new Float32Array(n).fill(2);
  const tx = Tensor.from(gpu, "x", x, [n], "f32");
  const ty = Tensor.from(gpu, "y", y, [n], "f32");
  const rec = new Recorder(gpu, "test.add.big");
  addInPlace(rec, tx, ty);
  rec.submit();
  const got = await tx.toArray();
  assert.equal(got[0], 3);
  assert.equal(got[n - 1], 3);
  assert.equal(got.filter((v) => v !== 3).length, 0);
  tx.dispose();
  ty.dispose();
});
