import assert from "node:assert/strict";
import { featureStats, featureStatsReference } from "../../shaders/sae_feature_stats.ts";
import { Recorder } from "../../engine/gpu/recorder.ts";
import { Tensor } from "../../engine/gpu/tensor.ts";
import { assertClose, randomArray, rng } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";

const gpu = await testGpu();

// f32 sums of up to 37 terms against f64: a few ulp of the largest partial sum.
const TOLERANCE = { rel: 1e-6 };

// [T, d, rowStart]: odd widths, one row, skipped first rows.
for (const [T, d, rowStart] of [[1, 5, 0], [37, 70, 1], [9, 1029, 3]]) {
  Deno.test(`featureStats: [${T}, ${d}] from row ${rowStart}, accumulated twice, matches the reference`, async () => {
    const random = rng(T * 31 + d);
    // ReLU-like: about half the values exactly 0, so counting firing matters.
    const f = randomArray(random, T * d, 2).map((v) => Math.max(0, v));
    const tf = Tensor.from(gpu, "f", f, [T, d], "f32");
    const stats = Tensor.empty(gpu, "stats", [3, d], "f32");
    const rec = new Recorder(gpu, "test.featureStats");
    featureStats(rec, tf, stats, rowStart);
    featureStats(rec, tf, stats, 0);
    rec.submit();
    const once = featureStatsReference(f, T, d, undefined, rowStart);
    const want = featureStatsReference(f, T, d, once, 0);
    const got = await stats.toArray();
    assertClose("featureStats", got, want, { ...TOLERANCE, shape: [3, d] });
    // The counts are exact.
    assert.deepEqual(Array.from(got.subarray(2 * d)), Array.from(want.subarray(2 * d)));
    tf.dispose();
    stats.dispose();
  });
}

Deno.test("featureStats: refuses stats of the wrong width and rows outside f", () => {
  const tf = Tensor.empty(gpu, "f", [4, 6], "f32");
  const bad = Tensor.empty(gpu, "stats", [3, 5], "f32");
  const rec = new Recorder(gpu, "test.featureStats.errors");
  assert.throws(() => featureStats(rec, tf, bad), /needs stats \[3, 6\]/);
  const ok = Tensor.empty(gpu, "stats", [3, 6], "f32");
  assert.throws(() => featureStats(rec, tf, ok, 5), /rowStart 5 outside \[0, 4\]/);
  rec.abandon();
  for (const t of [tf, bad, ok]) t.dispose();
});
