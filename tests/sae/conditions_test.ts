// Steering modes and GPU conditions: the conditional edit kernel and the stop
// kernel against plain-TS references on odd shapes, and Sae.steer with modes
// and `when` conditions against a per-token CPU loop (steerReference), on the
// cheap and full paths, for a ReLU and a TopK SAE.

import assert from "node:assert/strict";
import { Recorder } from "../../engine/gpu/recorder.ts";
import { Tensor } from "../../engine/ops/tensor.ts";
import { STOP_CODES, STOP_NONE } from "../../engine/hooks.ts";
import { applyOpReference, editFeature, type FeatureOp } from "../../shaders/sae_edit.ts";
import {
  MAX_STOP_POSITION,
  raiseStops,
  raiseStopsReference,
  STOP_NONE as KERNEL_STOP_NONE,
  type StopColumn,
} from "../../shaders/sae_stop.ts";
import { encodeReference, steerReference } from "../../sae/reference.ts";
import { Sae } from "../../sae/sae.ts";
import { type FeatureEdit, planEdits, planSteer } from "../../sae/steer.ts";
import { conditionHolds, F32_MAX } from "../../sae/conditions.ts";
import { FIXTURES, readReference } from "../util/fixtures.ts";
import { assertClose, randomArray, rng } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";

const gpu = await testGpu();
const DIR = `${FIXTURES}saes/stories260K-layer2`;
const input = (await readReference(DIR, "reference.safetensors")).get("input") as Float32Array;

Deno.test("editFeature with a condition: per-row edit = reference, odd shape, lists and all rows", async () => {
  const T = 37, stride = 5;
  const f = randomArray(rng(3), T * stride);
  const src = randomArray(rng(4), T * stride);
  const cases: [FeatureOp, number[] | null, number, number, number][] = [
    // op, positions, condition column, lo, hi
    [{ op: "add", value: 1.5 }, null, 2, 0.1, F32_MAX],
    [{ op: "set", value: 7 }, [0, 3, 8, 36], 0, -F32_MAX, -0.2],
    [{ op: "mul", value: -2 }, null, 4, -0.5, 0.5],
    [{ op: "clamp", min: -F32_MAX, max: 0.05 }, null, 1, 0, F32_MAX],
    [{ op: "ablate" }, [5, 6, 7], 1, -0.3, 0.9],
  ];
  const tf = Tensor.from(gpu, "f", f, [T, stride], "f32");
  const ts = Tensor.from(gpu, "source", src, [T, stride], "f32");
  const rec = new Recorder(gpu, "test.edit_when");
  const want = f.slice();
  let edited = 0, skipped = 0;
  for (const [i, [op, positions, column, lo, hi]] of cases.entries()) {
    const col = i % stride;
    editFeature(rec, tf, col, op, positions, { source: ts, column, lo, hi });
    for (let t = 0; t < T; t++) {
      if (positions && !positions.includes(t)) continue;
      if (!conditionHolds(src[t * stride + column], { lo, hi })) {
        skipped++;
        continue;
      }
      edited++;
      want[t * stride + col] = applyOpReference(want[t * stride + col], op);
    }
  }
  rec.submit();
  assertClose("conditional edits", await tf.toArray(), want, {
    rel: 0,
    abs: 0,
    shape: [T, stride],
  });
  // Both outcomes occur, or the condition could be ignored and still pass.
  assert.ok(edited > 10 && skipped > 10, `edited ${edited}, skipped ${skipped}`);
  assert.throws(
    () => editFeature(rec, tf, 0, { op: "ablate" }, null, { source: ts, column: 5, lo: 0, hi: 1 }),
    /condition column 5/,
  );
  tf.dispose();
  ts.dispose();
});

Deno.test("raiseStops: the flag = per-token reference (earliest position, lowest code), 20 conditions", async () => {
  assert.equal(KERNEL_STOP_NONE, STOP_NONE);
  assert.equal(STOP_CODES, 256);
  const T = 37, stride = 7;
  const f = randomArray(rng(11), T * stride);
  const random = rng(12);
  // Thresholds high enough that the earliest hit is not row 0 for most sets.
  const stops: StopColumn[] = Array.from({ length: 20 }, (_, i) => ({
    column: i % stride,
    lo: 0.9 + 0.09 * random(),
    hi: F32_MAX,
    code: 1 + ((i * 7) % 30),
    fromRow: (i * 5) % 19,
  }));
  const tf = Tensor.from(gpu, "f", f, [T, stride], "f32");
  const flag = Tensor.from(gpu, "flag", Uint32Array.of(STOP_NONE), [1], "u32");
  const check = async (name: string, start: number, list: StopColumn[], before: number) => {
    const rec = new Recorder(gpu, `test.${name}`);
    raiseStops(rec, tf, flag, start, list);
    rec.submit();
    const got = (await flag.toArray())[0];
    const want = raiseStopsReference(f, stride, before, start, list);
    assert.equal(got, want, `${name}: flag ${got.toString(16)}, want ${want.toString(16)}`);
    return got;
  };
  const none = await check("none holds", 100, [{ ...stops[0], lo: 10 }], STOP_NONE);
  assert.equal(none, STOP_NONE);
  const first = await check("20 conditions", 1000, stops, STOP_NONE);
  assert.ok(first !== STOP_NONE && first >>> 8 >= 1000, `flag ${first.toString(16)}`);
  // A later pass cannot raise the flag again: the earliest position stays.
  assert.equal(await check("later pass", 5000, stops, first), first);
  // Positions past 24 bits saturate, below STOP_NONE.
  flag.gpu.write(flag.buffer, Uint32Array.of(STOP_NONE), flag.offset);
  const far = await check("far", 0xfffff0, [{ ...stops[0], lo: -F32_MAX, fromRow: 30 }], STOP_NONE);
  assert.equal(far, MAX_STOP_POSITION * 256 + stops[0].code);
  tf.dispose();
  flag.dispose();
});

Deno.test("modes: nudge, pin, mul and clamp plan as add, set, mul and min(f, value)", () => {
  const edits: FeatureEdit[] = [
    { feature: 1, mode: "nudge", value: 2 },
    { feature: 2, mode: "pin", value: -1 },
    { feature: 3, mode: "mul", value: 0.5 },
    { feature: 4, mode: "clamp", value: 0.25 },
  ];
  assert.deepEqual(planEdits(edits, 8, 4).map((p) => p.op), [
    { op: "add", value: 2 },
    { op: "set", value: -1 },
    { op: "mul", value: 0.5 },
    { op: "clamp", min: -F32_MAX, max: 0.25 },
  ]);
  const bad: [FeatureEdit, RegExp][] = [
    [{ feature: 1, mode: "nudge" }, /mode nudge needs a finite value/],
    [{ feature: 1, value: 2 } as FeatureEdit, /got none\), or a mode/],
    [{ feature: 1, mode: "push" as "pin", value: 1 }, /mode must be one of nudge, pin, mul, clamp/],
    [{ feature: 1, add: 1, mode: "pin", value: 1 }, /got add, mode/],
    [{ feature: 1, add: 1, when: { feature: 2 } }, /when: give above, below or both/],
    [
      { feature: 1, add: 1, when: { feature: 9, above: 1 } },
      /when: feature must be an integer in \[0, 8\)/,
    ],
    [{ feature: 1, add: 1, when: { feature: 2, above: 2, below: 1 } }, /above \(2\) must be less/],
    [{ feature: 1, add: 1, scope: "prompt" as "all" }, /scope must be "all" or "generated"/],
    [{ feature: 1, add: 1, scope: "generated" }, /scope "generated" needs a generation/],
  ];
  for (const [e, pattern] of bad) assert.throws(() => planEdits([e], 8, 4), pattern);
  assert.throws(
    () => planSteer([], [{ feature: 1, above: 0, code: 256, fromRow: 0 }], 8, 4),
    /code must be an integer in \[1, 255\]/,
  );
});

/** A threshold in the widest gap between activations of `feature` near their median. */
function splitThreshold(f: Float32Array, dSae: number, feature: number): number {
  const v = [...new Set(Array.from({ length: f.length / dSae }, (_, t) => f[t * dSae + feature]))]
    .sort((a, b) => a - b);
  assert.ok(v.length >= 4, `feature ${feature} takes only ${v.length} values`);
  let best = Math.floor(v.length / 2);
  for (let i = Math.floor(v.length / 4); i < Math.ceil((3 * v.length) / 4); i++) {
    if (v[i + 1] - v[i] > v[best + 1] - v[best]) best = i;
  }
  return (v[best] + v[best + 1]) / 2;
}

/** The fixture's busiest features on `input`: conditions split the tokens on them. */
function busiest(f: Float32Array, dSae: number, n: number): number[] {
  const T = f.length / dSae;
  const count = Array.from({ length: dSae }, (_, j) => {
    let c = 0;
    for (let t = 0; t < T; t++) c += f[t * dSae + j] > 0 ? 1 : 0;
    return [c, j];
  });
  return count.sort((a, b) => b[0] - a[0] || a[1] - b[1]).slice(0, n).map((c) => c[1]);
}

for (const file of ["goodfire.pth", "saelens-topk"]) {
  Deno.test(`conditional steering (${file}): cheap = full = per-token CPU loop, modes included`, async () => {
    const sae = await Sae.load(`${DIR}/${file}`, gpu);
    const w = await sae.readWeights();
    const T = input.length / sae.dIn;
    const f = encodeReference(w, sae, input);
    const [a, b, c] = busiest(f, sae.dSae, 3);
    const edits: FeatureEdit[] = [
      {
        feature: 989,
        mode: "nudge",
        value: 4,
        when: { feature: a, above: splitThreshold(f, sae.dSae, a) },
      },
      {
        feature: b,
        mode: "pin",
        value: 3,
        when: { feature: c, below: splitThreshold(f, sae.dSae, c) },
      },
      { feature: 5, mode: "mul", value: 2 },
      { feature: c, mode: "clamp", value: 0.05, positions: [1, 4, 9, 20] },
      // The condition reads f as encoded, not f' from the pin above.
      { feature: 17, add: 1, when: { feature: b, above: splitThreshold(f, sae.dSae, b) } },
    ];
    const plan = planEdits(edits, sae.dSae, T);
    const want = steerReference(w, sae, input, plan);
    const shape = [T, sae.dIn];
    for (const method of ["cheap", "full"] as const) {
      const got = await sae.steerToArray(input, edits, { method });
      const r = assertClose(`${file} ${method} vs per-token loop`, got, want, { rel: 1e-5, shape });
      console.log(`  ${file} ${method}: ${r.maxRel.toExponential(2)} of max|x'|`);
    }
    // The conditions must matter: dropping them changes x' (else the test could not fail).
    const always = steerReference(w, sae, input, plan.map((p) => ({ ...p, when: null })));
    let moved = 0;
    for (let i = 0; i < want.length; i++) moved = Math.max(moved, Math.abs(always[i] - want[i]));
    assert.ok(moved > 0.1, `conditions changed x' by only ${moved}`);
    sae.dispose();
  });
}
