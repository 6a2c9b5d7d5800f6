// The feature-fidelity figures of bench/fidelity.ts on hand-made features,
// where the right answer is known.

import assert from "node:assert/strict";
import { featureFidelity, roundedL0, steerAgreement } from "../../bench/fidelity.ts";

// 3 tokens x 5 features.
const WANT = Float32Array.from([
  [3, 2, 1, 0, 0],
  [0, 0, 0, 0, 0],
  [0, 5, 0, 4, 1],
].flat());

Deno.test("fidelity: identical features give 1, 1, 1; round(L0) counts active features", () => {
  assert.equal(roundedL0(WANT, 5), 2); // (3 + 0 + 3) / 3
  assert.deepEqual(featureFidelity(WANT, WANT, 5, 2), { topkJaccard: 1, correlation: 1, top1: 1 });
});

Deno.test("fidelity: a swapped top feature and a lost one are counted per token", () => {
  const got = Float32Array.from([
    [2, 3, 0, 0, 0], // top-2 {1, 0} = {0, 1}: Jaccard 1, top-1 differs
    [0, 0, 0, 0, 0], // both empty: 1, top-1 equal (none)
    [0, 5, 0, 0, 1], // top-2 {1, 4} vs {1, 3}: 1/3
  ].flat());
  const f = featureFidelity(got, WANT, 5, 2);
  assert.ok(Math.abs(f.topkJaccard - (1 + 1 + 1 / 3) / 3) < 1e-12, `${f.topkJaccard}`);
  assert.ok(Math.abs(f.top1 - 2 / 3) < 1e-12, `${f.top1}`);
  assert.ok(f.correlation > 0 && f.correlation < 1, `${f.correlation}`);
});

Deno.test("fidelity: steering agreement and first divergence", () => {
  assert.deepEqual(steerAgreement([1, 2, 3, 4], [1, 2, 3, 4]), { agreement: 1, divergence: 4 });
  assert.deepEqual(steerAgreement([1, 9, 3, 8], [1, 2, 3, 4]), { agreement: 0.5, divergence: 1 });
});
