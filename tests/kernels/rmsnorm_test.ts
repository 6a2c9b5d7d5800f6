import assert from "node:assert/strict";
import { rmsnorm, rmsnormReference } from "../../shaders/rmsnorm.ts";
import { Recorder } from "../../engine/gpu/recorder.ts";
import { Tensor } from "../../engine/gpu/tensor.ts";
import { assertClose, randomArray, rng } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";

// A few f32 roundings per element after a sum of H <= 4096 squares: observed
// errors are <= 3e-7 of max|want|; 1e-5 leaves margin.
const REL = 1e-5;

const gpu = await testGpu();

async function checkRmsnorm(T: number, H: number, eps: number, seed: number, scale = 1) {
  const random = rng(seed);
  const x = randomArray(random, T * H, scale);
  const weight = randomArray(random, H).map((v) => 1 + 0.1 * v);
  const tx = Tensor.from(gpu, "x", x, [T, H], "f32");
  const tw = Tensor.from(gpu, "weight", weight, [H], "f32");
  const out = Tensor.empty(gpu, "out", [T, H], "f32");
  const rec = new Recorder(gpu, "test.rmsnorm");
  rmsnorm(rec, tx, tw, out, eps);
  rec.submit();
  assertClose(`rmsnorm [${T}, ${H}]`, await out.toArray(), rmsnormReference(x, weight, H, eps), {
    rel: REL,
    shape: [T, H],
  });
  for (const t of [tx, tw, out]) t.dispose();
}

for (const [T, H] of [[1, 7], [3, 64], [17, 100], [37, 129], [2, 4096]]) {
  Deno.test(`rmsnorm: x [${T}, ${H}] matches the reference`, async () => {
    await checkRmsnorm(T, H, 1e-5, T * 100 + H);
  });
}

Deno.test("rmsnorm: eps matters for tiny activations", async () => {
  // mean(x^2) ~ 3e-13 << eps: the output depends on eps, so a dropped eps fails.
  await checkRmsnorm(5, 33, 1e-6, 9, 1e-6);
});

Deno.test("rmsnorm: more than 65,535 rows fold into y", async () => {
  await checkRmsnorm(65_537, 3, 1e-5, 4);
});

Deno.test("rmsnorm: rejects mismatched shapes and out overlapping x", () => {
  const x = Tensor.empty(gpu, "x", [2, 8], "f32");
  const rec = new Recorder(gpu, "test.rmsnorm.bad");
  const w7 = Tensor.empty(gpu, "weight", [7], "f32"), out = Tensor.empty(gpu, "out", [2, 8], "f32");
  assert.throws(
    () => rmsnorm(rec, x, w7, out, 1e-5),
    /^Error: rmsnorm: x \[2,8\], weight \[7\] and out \[2,8\] differ; want weight \[8\] and out \[2,8\]$/,
  );
  const w8 = Tensor.empty(gpu, "weight", [8], "f32"),
    out3 = Tensor.empty(gpu, "out", [3, 8], "f32");
  assert.throws(() => rmsnorm(rec, x, w8, out3, 1e-5), /want weight \[8\] and out \[2,8\]/);
  assert.throws(() => rmsnorm(rec, x, w8, x, 1e-5), /out overlaps x/);
  assert.equal(rec.dispatchCount, 0);
  for (const t of [x, w7, out, w8, out3]) t.dispose();
});
