// The feature map's layout (demo/web/map_layout.ts, the code the page's worker
// runs) in Deno: rows unit-normalised, rows wider than 64 projected with a
// seeded Gaussian matrix (angles roughly kept, the same output every time),
// and a UMAP layout that is seeded, in [0, 1], and keeps clusters apart.

import assert from "node:assert/strict";
import { layoutEpochs, layoutMap, prepareRows } from "../../demo/web/map_layout.ts";
import { projectionDirections } from "../../demo/web/map_projection.ts";
import { decoderProjection, Sae } from "../../mod.ts";
import { assertClose, randomArray, rng } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";
import { randomSae, saeLensFiles, writeFolder } from "../util/sae_build.ts";

const cos = (a: Float32Array, b: Float32Array) => {
  let ab = 0, aa = 0, bb = 0;
  for (let i = 0; i < a.length; i++) {
    [ab, aa, bb] = [ab + a[i] * b[i], aa + a[i] ** 2, bb + b[i] ** 2];
  }
  return ab / Math.sqrt(aa * bb);
};
const row = (m: Float32Array, w: number, i: number) => m.subarray(i * w, (i + 1) * w);

Deno.test("map layout: rows of width <= 64 are normalised, not projected; zero rows stay zero", () => {
  const d = 37, n = 5, rows = randomArray(rng(1), n * d, 3);
  rows.fill(0, 2 * d, 3 * d);
  const { data, width } = prepareRows(rows, n, d);
  assert.equal(width, d);
  for (const i of [0, 1, 3, 4]) {
    assert.ok(Math.abs(Math.hypot(...row(data, d, i)) - 1) < 1e-5, `row ${i} unit`);
    assert.ok(cos(row(data, d, i), row(rows, d, i)) > 0.99999, `row ${i} same direction`);
  }
  assert.ok(row(data, d, 2).every((v) => v === 0));
  assert.throws(() => prepareRows(rows, n, d + 1), /expected 5 x 38/);
});

Deno.test("map layout: rows wider than 64 are projected (seeded) and keep their angles roughly", () => {
  const d = 1031, n = 40, r = rng(2), rows = randomArray(r, n * d);
  // Rows 2k+1 are near copies of rows 2k (cosine ~0.95).
  for (let i = 0; i < n; i += 2) {
    for (let k = 0; k < d; k++) rows[(i + 1) * d + k] = rows[i * d + k] + (r() * 2 - 1) * 0.3;
  }
  const a = prepareRows(rows, n, d), b = prepareRows(rows, n, d);
  assert.equal(a.width, 64);
  assert.deepEqual(a.data, b.data, "seeded: the same projection every time");
  for (let i = 0; i < n; i += 2) {
    assert.ok(Math.abs(Math.hypot(...row(a.data, 64, i)) - 1) < 1e-5);
    const near = cos(row(a.data, 64, i), row(a.data, 64, i + 1));
    const far = cos(row(a.data, 64, i), row(a.data, 64, (i + 2) % n));
    const want = cos(row(rows, d, i), row(rows, d, i + 1));
    assert.ok(Math.abs(near - want) < 0.1, `pair ${i}: ${near} vs ${want} before projection`);
    assert.ok(Math.abs(far) < 0.5, `rows ${i}, ${(i + 2) % n}: unrelated, cosine ${far}`);
  }
});

Deno.test("map layout: seeded UMAP in [0, 1] keeps three clusters apart", () => {
  const d = 24, n = 240, r = rng(3), centres = randomArray(r, 3 * d);
  const rows = new Float32Array(n * d);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < d; k++) rows[i * d + k] = centres[(i % 3) * d + k] + (r() * 2 - 1) * 0.2;
  }
  const phases = new Set<string>();
  const a = layoutMap(rows, n, d, (phase) => phases.add(phase));
  const b = layoutMap(rows, n, d);
  assert.deepEqual([...phases], ["projecting", "neighbours", "optimising"]);
  assert.equal(a.times.epochs, layoutEpochs(n));
  assert.deepEqual(a.xy, b.xy, "seeded: the same layout every time");
  assert.ok(a.xy.every((v) => v >= 0 && v <= 1));
  let inside = 0, across = 0, ni = 0, na = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const dist = Math.hypot(a.xy[i * 2] - a.xy[j * 2], a.xy[i * 2 + 1] - a.xy[j * 2 + 1]);
      if (i % 3 === j % 3) [inside, ni] = [inside + dist, ni + 1];
      else [across, na] = [across + dist, na + 1];
    }
  }
  assert.ok(
    inside / ni < 0.25 * (across / na),
    `mean distance ${inside / ni} within, ${across / na} across`,
  );
});

// The page projects the decoder on the GPU (Session.decoderDirections):
// decoderProjection with projectionDirections, then prepareRows, must give the
// unit rows prepareRows makes of the decoder itself (f32 sums on the GPU
// against f64 ones: 1e-4), for an f32 and a q8 SAE, wide (projected) and
// narrow (identity), without reading W_enc or W_dec back.
for (const [dIn, quant] of [[96, "f32"], [96, "q8"], [40, "f32"]] as const) {
  Deno.test(`map layout: the GPU projection of an SAE's decoder (d_in ${dIn}, ${quant}) gives the same unit rows`, async () => {
    const dSae = 300;
    const w = randomSae(7 + dIn, dIn, dSae);
    const dir = await writeFolder(
      saeLensFiles(w, dIn, dSae, { hook_name: "blocks.0.hook_resid_post" }),
    );
    const gpu = await testGpu();
    const sae = await Sae.load(dir, gpu, { quant });
    try {
      const host = await sae.readWeights(); // the decoder as stored (q8: its dequantized values)
      const want = prepareRows(host.wDec, dSae, dIn);
      const { directions, width } = projectionDirections(dIn);
      assert.equal(width, Math.min(dIn, 64));
      const got = prepareRows(await decoderProjection(sae, directions, width), dSae, width);
      assert.equal(got.width, want.width);
      assertClose("unit rows", got.data, want.data, { abs: 1e-4, shape: [dSae, width] });
      await assert.rejects(() => decoderProjection(sae, directions.subarray(1), width), /expected/);
    } finally {
      sae.dispose();
      await Deno.remove(dir, { recursive: true });
    }
  });
}
