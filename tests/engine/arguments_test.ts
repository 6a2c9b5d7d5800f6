// Arguments refused where they enter, with a typed error naming them:
// non-finite scalars (on llvmpipe NaN * x gives zeros, which no check after
// the fact would see), mismatched shapes, and sampling options.

import assert from "node:assert/strict";
import { Engine } from "../../engine/engine.ts";
import { UsageError } from "../../engine/errors.ts";
import { Tensor } from "../../engine/ops/tensor.ts";
import { attachSae, Sae, steering } from "../../sae/mod.ts";
import { testGpu } from "../util/gpu.ts";
import { FIXTURES, modelPath } from "../util/fixtures.ts";

const gpu = await testGpu();
const BAD = [NaN, Infinity, -Infinity];

Deno.test("Tensor.scale and addVector refuse non-finite factors, naming them", async () => {
  const x = Tensor.from(gpu, "x", Float32Array.of(1, 2, 3, 4, 5, 6), [2, 3], "f32");
  const v = Tensor.from(gpu, "v", Float32Array.of(1, 1, 1), [3], "f32");
  const before = gpu.liveBuffers.count;
  try {
    for (const s of BAD) {
      assert.throws(
        () => x.scale(s),
        (e) => e instanceof UsageError && /scale: the factor s/.test(e.message),
      );
      assert.throws(
        () => x.addVector(v, s),
        (e) => e instanceof UsageError && /addVector: the factor s/.test(e.message),
      );
    }
    assert.equal(gpu.liveBuffers.count, before, "a refused op allocates nothing");
    const y = x.addVector(v, 2);
    assert.deepEqual(await y.toArray(), Float32Array.of(3, 4, 5, 6, 7, 8));
    y.dispose();
  } finally {
    x.dispose();
    v.dispose();
  }
});

Deno.test("elementwise ops compare shapes, not element counts", async () => {
  const a = Tensor.from(gpu, "a", new Float32Array(6).fill(1), [2, 3], "f32");
  const b = Tensor.from(gpu, "b", new Float32Array(6).fill(2), [3, 2], "f32");
  try {
    for (const op of ["add", "sub", "mul"] as const) {
      assert.throws(
        () => a[op](b),
        (e) => e instanceof UsageError && /\[2,3\] and \[3,2\] differ/.test(e.message),
      );
    }
    const c = a.add(b.reshape([2, 3]));
    assert.deepEqual(await c.toArray(), new Float32Array(6).fill(3));
    c.dispose();
  } finally {
    a.dispose();
    b.dispose();
  }
});

Deno.test("a non-finite scale inside an intervention fails the pass with UsageError", async () => {
  const engine = await Engine.load(modelPath("stories260K"), { gpu });
  try {
    await assert.rejects(
      engine.forward([1, 403, 407], { interventions: { "model.layers.1": (x) => x.scale(NaN) } }),
      (e) => e instanceof UsageError && /Tensor.scale/.test((e as Error).message),
    );
    assert.equal(gpu.activeRecorder, null);
    // Sampling options are checked at the call, not at the first step.
    const cases: [Record<string, number>, RegExp][] = [
      [{ temperature: NaN }, /temperature/],
      [{ temperature: Infinity }, /temperature/],
      [{ topP: NaN }, /topP/],
      [{ topK: NaN }, /topK/],
      [{ seed: NaN }, /seed/],
      [{ maxNewTokens: NaN }, /maxNewTokens/],
    ];
    for (const [o, name] of cases) {
      assert.throws(
        () => engine.generate([1], o),
        (e) => e instanceof UsageError && name.test((e as Error).message),
        JSON.stringify(o),
      );
    }
  } finally {
    engine.dispose();
  }
});

Deno.test("steering refuses non-finite edit values when it is made, not at the first pass", async () => {
  const engine = await Engine.load(modelPath("stories260K"), { gpu });
  const sae = await Sae.load(`${FIXTURES}saes/stories260K-layer2/saelens`, engine);
  try {
    const site = attachSae(engine, "model.layers.2", sae);
    for (const v of BAD) {
      for (
        const edit of [{ add: v }, { set: v }, { mul: v }, { clamp: [0, v] as [number, number] }]
      ) {
        const e = { feature: 3, ...edit };
        assert.throws(() => steering(sae, [e]), UsageError, JSON.stringify(edit));
        assert.throws(() => site.steer([e]), UsageError, JSON.stringify(edit));
      }
    }
    assert.throws(
      () => steering(sae, [{ feature: 3, add: 1 }], { method: "fast" as "full" }),
      UsageError,
    );
  } finally {
    sae.dispose();
    engine.dispose();
  }
});
