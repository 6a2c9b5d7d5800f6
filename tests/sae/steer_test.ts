// Steering, top features and feature inspection through the Sae API: the cheap
// path x + W_dec^T (f' - f) agrees with the seed's decode(f') + (x - decode(f))
// and with an f64 reference, for ReLU, JumpReLU and TopK SAEs, chunked or not.

import assert from "node:assert/strict";
import { openSafetensors } from "../../engine/formats/safetensors.ts";
import { openSource } from "../../engine/formats/source.ts";
import { Matrix } from "../../engine/gpu/matrix.ts";
import { Recorder } from "../../engine/gpu/recorder.ts";
import { Tensor } from "../../engine/ops/tensor.ts";
import { featureLogitEffects } from "../../sae/features.ts";
import { decodeReference, encodeReference, steerReference } from "../../sae/reference.ts";
import { Sae } from "../../sae/sae.ts";
import { type FeatureEdit, planEdits } from "../../sae/steer.ts";
import { FIXTURES, readReference } from "../util/fixtures.ts";
import { assertClose, randomArray, rng } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";
import { randomSae, saeLensFiles, writeFolder } from "../util/sae_build.ts";

const DIR = `${FIXTURES}saes/stories260K-layer2`;
/** The brief's bar for cheap vs full: both are f32, the difference is rounding. */
const AGREE = 1e-5;
const gpu = await testGpu();
const small = await testGpu({ maxBindingBytes: 16384 });
const ref = await readReference(DIR, "reference.safetensors");
const input = ref.get("input") as Float32Array;

const EDITS: FeatureEdit[] = [
  { feature: 989, add: 4 },
  { feature: 809, ablate: true },
  { feature: 244, clamp: [0.1, 0.3], positions: [0, 3, 23] },
  { feature: 989, mul: 0.5, positions: [1, 2] }, // composes with the first edit
  { feature: 5, set: 8, positions: [7] },
];

async function checkSteer(sae: Sae, x: Float32Array, edits: FeatureEdit[], name: string) {
  const T = x.length / sae.dIn;
  const cheap = await sae.steerToArray(x, edits);
  const full = await sae.steerToArray(x, edits, { method: "full" });
  const want = steerReference(await sae.readWeights(), sae, x, planEdits(edits, sae.dSae, T));
  const shape = [T, sae.dIn];
  const r = assertClose(`${name}: cheap vs full`, cheap, full, { rel: AGREE, shape });
  assertClose(`${name}: cheap vs f64 reference`, cheap, want, { rel: AGREE, shape });
  assertClose(`${name}: full vs f64 reference`, full, want, { rel: AGREE, shape });
  // The edits must move x, or this test could not fail.
  let moved = 0;
  for (let i = 0; i < x.length; i++) moved = Math.max(moved, Math.abs(want[i] - x[i]));
  assert.ok(moved > 0.1, `${name}: edits moved x by only ${moved}`);
  return r.maxRel;
}

for (
  const [file, g] of [["goodfire.pth", gpu], ["saelens-topk", gpu], [
    "goodfire-f32.pth",
    small,
  ]] as const
) {
  Deno.test(`steer ${file}${g === small ? " (chunked)" : ""}: cheap = full = reference`, async () => {
    const sae = await Sae.load(`${DIR}/${file}`, g);
    if (g === small) {
      assert.ok(sae.weights.wEnc.chunks.length > 1 && sae.weights.wDec.chunks.length > 1);
    }
    // 16 KiB bindings hold [4, 1024] features: full steering runs in token blocks.
    await checkSteer(sae, input, EDITS, file);
    sae.dispose();
  });
}

Deno.test("steer: a JumpReLU SAELens SAE with apply_b_dec_to_input, against the TS reference", async () => {
  const dIn = 24, dSae = 97, T = 11;
  const w = randomSae(8, dIn, dSae, true);
  const dir = await writeFolder(
    saeLensFiles(w, dIn, dSae, { architecture: "jumprelu", apply_b_dec_to_input: true }),
  );
  const sae = await Sae.load(dir, gpu);
  assert.deepEqual([sae.activation.kind, sae.applyBDecToInput], ["jumprelu", true]);
  const x = randomArray(rng(4), T * dIn, 2);
  const f = await sae.encodeToArray(x);
  const want = encodeReference(w, sae, x);
  assertClose("jumprelu features", f, want, { rel: 1e-5, shape: [T, dSae] });
  assertClose("jumprelu decode", await sae.decodeToArray(f), decodeReference(w, sae, f), {
    rel: 1e-5,
    shape: [T, dIn],
  });
  // The threshold must matter: some features are above 0 but below it.
  const pre = encodeReference(w, { ...sae, activation: { kind: "relu" } }, x);
  assert.ok(pre.some((v, i) => v > 0 && want[i] === 0), "no feature was cut by its threshold");
  await checkSteer(
    sae,
    x,
    [{ feature: 3, add: 2 }, { feature: 50, set: 1, positions: [0, 10] }],
    "jumprelu",
  );
  sae.dispose();
});

Deno.test("steer: no edits and a no-op edit leave x unchanged; bad edits record nothing", async () => {
  const sae = await Sae.load(`${DIR}/goodfire.pth`, gpu);
  assert.deepEqual(await sae.steerToArray(input, []), input);
  for (const method of ["cheap", "full"] as const) {
    const same = await sae.steerToArray(input, [{ feature: 989, mul: 1 }], { method });
    assertClose(`noop ${method}`, same, input, { rel: 1e-6, shape: [24, 64] });
  }
  const tx = Tensor.from(gpu, "x", input, [24, 64], "f32");
  const rec = new Recorder(gpu, "bad");
  const bad: [FeatureEdit[], RegExp][] = [
    [[{ feature: 1024, add: 1 }], /feature must be an integer in \[0, 1024\)/],
    [
      [{ feature: 1, add: 1, set: 2 }],
      /exactly one of add, set, mul, clamp, ablate \(got add, set\)/,
    ],
    [[{ feature: 1 }], /got none/],
    [[{ feature: 1, clamp: [2, 1] }], /min <= max/],
    [[{ feature: 1, add: NaN }], /add must be a finite number/],
    [[{ feature: 1, ablate: true, positions: [24] }], /position 24 is outside the 24 tokens/],
  ];
  for (const [edits, pattern] of bad) {
    assert.throws(() => rec.asActive(() => sae.steer(tx, edits)), pattern);
  }
  assert.equal(rec.dispatchCount, 0);
  tx.dispose();
  sae.dispose();
});

Deno.test("topFeatures: per-token top 8 of the fixture match the reference features", async () => {
  const sae = await Sae.load(`${DIR}/goodfire.pth`, gpu);
  const k = 8, T = 24;
  const { indices, values } = await sae.topFeaturesToArray(input, k);
  const want = ref.get("features") as Float32Array;
  for (let t = 0; t < T; t++) {
    const row = want.subarray(t * 1024, (t + 1) * 1024);
    const sorted = [...row].sort((a, b) => b - a).slice(0, k);
    const got = [...values.subarray(t * k, (t + 1) * k)];
    assertClose(`top values, token ${t}`, got, sorted, { rel: 1e-4 });
    // Each index names a feature whose reference value is the one reported.
    const atIdx = [...indices.subarray(t * k, (t + 1) * k)].map((i) => row[i]);
    assertClose(`top indices, token ${t}`, atIdx, got, { rel: 1e-4 });
  }
  sae.dispose();
});

Deno.test("featureLogitEffects: W_dec[989] * model.norm through the tied lm_head, top and bottom tokens", async () => {
  const sae = await Sae.load(`${DIR}/goodfire.pth`, gpu);
  const model = await openSafetensors(
    await openSource(`${FIXTURES}models/stories260K`),
    "model.safetensors",
  );
  const embed = await model.readF32("model.embed_tokens.weight");
  const norm = await model.readF32("model.norm.weight");
  model.close();
  const vocab = 512, d = 64, k = 5;
  const lmHead = Matrix.upload(gpu, "lm_head", embed, vocab, d);
  const tNorm = Tensor.from(gpu, "norm", norm, [d], "f32");
  const { up, down } = await featureLogitEffects(sae, 989, tNorm, lmHead, k);
  const row = (await sae.readWeights()).wDec.subarray(989 * d, 990 * d);
  const logits = Array.from({ length: vocab }, (_, v) => {
    let s = 0;
    for (let i = 0; i < d; i++) s += embed[v * d + i] * Math.fround(row[i] * norm[i]);
    return s;
  });
  const order = logits.map((v, i) => [v, i]).sort((a, b) => b[0] - a[0]);
  assert.deepEqual(up.map((e) => e.token), order.slice(0, k).map((e) => e[1]));
  assert.deepEqual(down.map((e) => e.token), order.slice(-k).reverse().map((e) => e[1]));
  assertClose("up values", up.map((e) => e.value), order.slice(0, k).map((e) => e[0]), {
    rel: 1e-5,
  });
  lmHead.dispose();
  tNorm.dispose();
  sae.dispose();
});
