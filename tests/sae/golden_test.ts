// The SAE fixtures (tests/fixtures/README.md "saes/stories260K-layer2"): every file loads to
// the same weights, and features and reconstructions match the float64
// reference on the model's own residual stream.

import assert from "node:assert/strict";
import { Sae } from "../../sae/sae.ts";
import { FIXTURES, readReference } from "../util/fixtures.ts";
import { assertClose } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";

const DIR = `${FIXTURES}saes/stories260K-layer2`;
// The reference is f64; f32 sums of 64 (encode) and 1024 (decode) products
// land near 3e-7 relative (the fixtures README: the independent f32 implementation: 2.3e-7, 4.1e-7).
const REL = 1e-4;

const gpu = await testGpu();
const ref = await readReference(DIR, "reference.safetensors");
const input = ref.get("input") as Float32Array;
const T = 24;

Deno.test("SAE fixtures: goodfire.pth (bf16), goodfire-f32.pth and saelens/ hold identical weights", async () => {
  // A first load creates the Recorder's pooled uniform slab; count from after it.
  (await Sae.load(`${DIR}/saelens`, gpu)).dispose();
  const before = gpu.liveBuffers;
  const saes = [];
  for (const f of ["goodfire.pth", "goodfire-f32.pth", "saelens"]) {
    saes.push(await Sae.load(`${DIR}/${f}`, gpu));
  }
  assert.deepEqual(saes.map((s) => s.format), ["goodfire-pth", "goodfire-pth", "saelens"]);
  const weights = await Promise.all(saes.map((s) => s.readWeights()));
  for (const s of saes) {
    assert.equal(s.dIn, 64);
    assert.equal(s.dSae, 1024);
    assert.deepEqual(s.activation, { kind: "relu" });
    assert.equal(s.applyBDecToInput, false);
  }
  for (const i of [1, 2]) {
    for (const key of ["wEnc", "wDec", "bEnc", "bDec"] as const) {
      assert.deepEqual(
        weights[i][key],
        weights[0][key],
        `${key} of file ${i} differs from goodfire.pth`,
      );
    }
  }
  for (const s of saes) s.dispose();
  assert.deepEqual(gpu.liveBuffers, before);
});

for (const f of ["goodfire.pth", "goodfire-f32.pth", "saelens"]) {
  Deno.test(`SAE fixtures: ${f} features and reconstruction match the reference`, async () => {
    const sae = await Sae.load(`${DIR}/${f}`, gpu);
    const features = await sae.encodeToArray(input);
    assertClose(`${f} features`, features, ref.get("features")!, { rel: REL, shape: [T, 1024] });
    const recon = await sae.decodeToArray(features);
    assertClose(`${f} reconstruction`, recon, ref.get("reconstruction")!, {
      rel: REL,
      shape: [T, 64],
    });
    const err = await sae.errorToArray(input);
    const wantErr = input.map((v, i) => v - ref.get("reconstruction")![i]);
    assertClose(`${f} error`, err, wantErr, { rel: REL, shape: [T, 64] });
    sae.dispose();
  });
}

Deno.test("SAE fixtures: saelens-topk features and reconstruction, away from near-ties", async () => {
  const sae = await Sae.load(`${DIR}/saelens-topk`, gpu);
  assert.deepEqual(sae.activation, { kind: "topk", k: 16 });
  const features = await sae.encodeToArray(input);
  const recon = await sae.decodeToArray(features);
  const margin = ref.get("topk.margin") as Float32Array;
  const wantF = ref.get("topk.features")!, wantR = ref.get("topk.reconstruction")!;
  let checked = 0;
  for (let t = 0; t < T; t++) {
    // tests/fixtures/README.md: a margin < 1e-4 between the k-th and (k+1)-th pre-activation
    // may let an f32 implementation keep the other feature.
    if (margin[t] < 1e-4) continue;
    checked++;
    const row = (a: ArrayLike<number>, n: number) =>
      Array.from({ length: n }, (_, i) => a[t * n + i]);
    assertClose(`topk features, token ${t}`, row(features, 1024), row(wantF, 1024), { rel: REL });
    assertClose(`topk reconstruction, token ${t}`, row(recon, 64), row(wantR, 64), { rel: REL });
    assert.equal(row(features, 1024).filter((v) => v !== 0).length <= 16, true);
  }
  assert.equal(checked, 22); // positions 0 and 6 are skipped
  sae.dispose();
});
