// The Tensor users get is the GPU core's data type plus ops (engine/ops/):
// every tensor made from one (views, op results, saved copies, Tensor.result)
// keeps the ops, and the core type has none, so kernels stay below the ops.

import assert from "node:assert/strict";
import { Tensor } from "../../engine/ops/tensor.ts";
import { Tensor as CoreTensor } from "../../engine/gpu/tensor.ts";
import { Recorder } from "../../engine/gpu/recorder.ts";
import { testGpu } from "../util/gpu.ts";

const gpu = await testGpu();

Deno.test("views, op results and saved copies of a Tensor keep its ops", async () => {
  const x = Tensor.from(gpu, "x", Float32Array.of(1, 2, 3, 4, 5, 6), [3, 2], "f32");
  const made: Tensor[] = [x];
  try {
    const derived = [
      x.rows(1, 2),
      x.reshape([2, 3]),
      Tensor.empty(gpu, "e", [2], "f32"),
      Tensor.result(gpu, "r", [2]),
    ];
    made.push(derived[2], derived[3]);
    const sum = x.rows(1, 2).add(x.rows(0, 2));
    made.push(sum);
    for (const t of [...derived, sum]) {
      assert.ok(t instanceof Tensor, `${t.shape}: not an ops Tensor`);
      assert.equal(typeof t.scale, "function");
    }
    assert.deepEqual(await sum.toArray(), Float32Array.of(4, 6, 8, 10));
    // A copy saved out of a pass (x is no transient of that pass) keeps them too.
    const rec = new Recorder(gpu, "save");
    const saved = rec.asActive(() => x.rows(0, 1).save());
    rec.submit();
    made.push(saved);
    assert.ok(saved instanceof Tensor);
    const doubled = saved.scale(2);
    made.push(doubled);
    assert.deepEqual(await doubled.toArray(), Float32Array.of(2, 4));
  } finally {
    for (const t of made) t.dispose();
  }
});

Deno.test("the core Tensor is data only: no op dispatches a kernel from engine/gpu/", () => {
  const t = CoreTensor.empty(gpu, "core", [2], "f32");
  try {
    for (const op of ["add", "sub", "mul", "scale", "addVector", "project", "clone"]) {
      assert.equal(op in t, false, `engine/gpu/tensor.ts has ${op}`);
    }
  } finally {
    t.dispose();
  }
});
