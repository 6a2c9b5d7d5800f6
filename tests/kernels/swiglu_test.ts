import assert from "node:assert/strict";
import { swiglu, swigluReference } from "../../shaders/swiglu.ts";
import { Recorder } from "../../engine/gpu/recorder.ts";
import { Tensor } from "../../engine/gpu/tensor.ts";
import { assertClose, randomArray, rng } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";

const gpu = await testGpu();

// One exp, a division and two products in f32 (llvmpipe: ~1e-7 of max|want|).
const TOLERANCE = { rel: 1e-6 };

async function run(gate: Float32Array, up: Float32Array, shape: readonly number[]) {
  const tg = Tensor.from(gpu, "gate", gate, shape, "f32");
  const tu = Tensor.from(gpu, "up", up, shape, "f32");
  const out = Tensor.empty(gpu, "out", shape, "f32");
  const rec = new Recorder(gpu, "test.swiglu");
  swiglu(rec, tg, tu, out);
  rec.submit();
  const got = await out.toArray();
  for (const t of [tg, tu, out]) t.dispose();
  return got;
}

// [T, intermediate, gate scale]
const cases: [number, number, number][] = [[1, 7, 4], [3, 172, 8], [37, 385, 100], [5, 11_008, 20]];

for (const [T, I, scale] of cases) {
  Deno.test(`swiglu: [${T}, ${I}] with |gate| up to ${scale} matches the reference`, async () => {
    const random = rng(T * 1000 + I);
    const gate = randomArray(random, T * I, scale), up = randomArray(random, T * I, 2);
    const got = await run(gate, up, [T, I]);
    assertClose("swiglu", got, swigluReference(gate, up), { ...TOLERANCE, shape: [T, I] });
  });
}

Deno.test("swiglu: large negative gates give 0, never NaN; large positive give gate * up", async () => {
  const gate = new Float32Array([-100, -88.8, -1000, -3e38, 100, 1000, 0, -0.5, 89]);
  const up = new Float32Array(gate.length).fill(3);
  const got = await run(gate, up, [gate.length]);
  const want = swigluReference(gate, up);
  for (let i = 0; i < 4; i++) {
    assert.ok(Math.abs(got[i]) < 1e-30, `silu(${gate[i]}) * 3 = ${got[i]}`);
  }
  assertClose("swiglu extremes", got, want, { ...TOLERANCE, shape: [gate.length] });
});
