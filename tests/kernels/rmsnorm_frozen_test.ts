// The frozen-scale RMSNorm (shaders/rmsnorm_frozen.ts) against its plain-TS
// reference on random odd shapes, overwriting and accumulating; the reference
// against the definition (y = x gives the ordinary norm; the map is linear in y
// with the scale read from x alone).

import assert from "node:assert/strict";
import { rmsnormFrozen, rmsnormFrozenReference } from "../../shaders/rmsnorm_frozen.ts";
import { rmsnormBackwardReference } from "../../shaders/rmsnorm_backward.ts";
import { Recorder } from "../../engine/gpu/recorder.ts";
import { Tensor } from "../../engine/gpu/tensor.ts";
import { assertClose, randomArray, rng } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";

const gpu = await testGpu();
const f32 = (name: string, data: Float32Array, shape: number[]) =>
  Tensor.from(gpu, name, data, shape, "f32");

Deno.test("rmsnormFrozen reference: the norm at y = x, and the backward without its x term", () => {
  const random = rng(5), [T, H, eps] = [3, 13, 1e-5];
  const x = randomArray(random, T * H, 2),
    w = randomArray(random, H),
    dy = randomArray(random, T * H);
  const normed = rmsnormFrozenReference(x, w, x, H, eps);
  for (let t = 0; t < T; t++) {
    let ss = 0;
    for (let h = 0; h < H; h++) ss += x[t * H + h] ** 2;
    for (let h = 0; h < H; h++) {
      const want = w[h] * x[t * H + h] / Math.sqrt(ss / H + eps);
      assert.ok(Math.abs(normed[t * H + h] - want) <= 1e-12 * Math.max(1, Math.abs(want)));
    }
  }
  // The full backward minus the frozen one is x * r^3 (sum dy w x) / H: parallel to x.
  const full = rmsnormBackwardReference(x, w, dy, H, eps);
  const frozen = rmsnormFrozenReference(x, w, dy, H, eps);
  for (let t = 0; t < T; t++) {
    const ratio = (full[t * H] - frozen[t * H]) / x[t * H];
    for (let h = 1; h < H; h++) {
      const got = (full[t * H + h] - frozen[t * H + h]) / x[t * H + h];
      assert.ok(Math.abs(got - ratio) <= 1e-9 * Math.max(1, Math.abs(ratio)), `row ${t} col ${h}`);
    }
  }
});

for (const [T, H] of [[1, 7], [3, 64], [17, 100], [5, 129], [2, 300]]) {
  Deno.test(`rmsnormFrozen: [${T}, ${H}] matches the reference, overwriting and accumulating`, async () => {
    const random = rng(T * 37 + H), eps = 1e-5;
    const x = randomArray(random, T * H, 2), w = randomArray(random, H).map((v) => 1 + 0.3 * v);
    const y = randomArray(random, T * H), before = randomArray(random, T * H);
    const want = rmsnormFrozenReference(x, w, y, H, eps);
    const [tx, tw, ty] = [f32("x", x, [T, H]), f32("w", w, [H]), f32("y", y, [T, H])];
    const out = f32("out", before, [T, H]), acc = f32("acc", before, [T, H]);
    const rec = new Recorder(gpu, "test.rmsnormFrozen");
    rmsnormFrozen(rec, tx, tw, ty, out, eps);
    rmsnormFrozen(rec, tx, tw, ty, acc, eps, true);
    rec.submit();
    assertClose(`rmsnormFrozen [${T}, ${H}]`, await out.toArray(), want, {
      rel: 1e-5,
      shape: [T, H],
    });
    assertClose(
      `rmsnormFrozen += [${T}, ${H}]`,
      await acc.toArray(),
      want.map((v, i) => v + before[i]),
      { rel: 1e-5, shape: [T, H] },
    );
    for (const t of [tx, tw, ty, out, acc]) t.dispose();
  });
}

Deno.test("rmsnormFrozen: refuses out over y and mismatched shapes", () => {
  const x = Tensor.empty(gpu, "x", [2, 8], "f32"), w = Tensor.empty(gpu, "w", [8], "f32");
  const y = Tensor.empty(gpu, "y", [2, 8], "f32"), bad = Tensor.empty(gpu, "bad", [2, 7], "f32");
  const rec = new Recorder(gpu, "test.bad");
  assert.throws(() => rmsnormFrozen(rec, x, w, y, y, 1e-5), /out overlaps x or y/);
  assert.throws(() => rmsnormFrozen(rec, x, w, y, bad, 1e-5), /want weight \[8\]/);
  assert.equal(rec.dispatchCount, 0);
  rec.abandon();
  for (const t of [x, w, y, bad]) t.dispose();
});
