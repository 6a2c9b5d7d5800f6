import assert from "node:assert/strict";
import { type Llama3Factors, ropeInvFreq } from "../engine/model/rope.ts";

interface RopeCase {
  case: string;
  head_dim: number;
  rope_theta: number;
  rope_scaling: {
    rope_type: string;
    factor: number;
    low_freq_factor: number;
    high_freq_factor: number;
    original_max_position_embeddings: number;
  } | null;
  inv_freq: number[];
}

const vectors: { cases: RopeCase[] } = JSON.parse(
  await Deno.readTextFile(new URL("../../shared/rope_vectors.json", import.meta.url)),
);

Deno.test("rope_vectors.json holds the four documented cases", () => {
  assert.equal(vectors.cases.length, 4);
});

function factors(s: RopeCase["rope_scaling"]): Llama3Factors | null {
  if (!s) return null;
  assert.equal(s.rope_type, "llama3");
  return {
    factor: s.factor,
    lowFreqFactor: s.low_freq_factor,
    highFreqFactor: s.high_freq_factor,
    originalMaxPositionEmbeddings: s.original_max_position_embeddings,
  };
}

for (const c of vectors.cases) {
  Deno.test(`ropeInvFreq matches rope_vectors.json to 1e-12 relative: ${c.case}`, () => {
    const got = ropeInvFreq(c.head_dim, c.rope_theta, factors(c.rope_scaling));
    assert.equal(got.length, c.head_dim / 2);
    assert.equal(c.inv_freq.length, c.head_dim / 2);
    let worst = 0, at = -1;
    for (let i = 0; i < got.length; i++) {
      const rel = Math.abs(got[i] - c.inv_freq[i]) / Math.abs(c.inv_freq[i]);
      if (!(rel <= worst)) [worst, at] = [rel, i];
    }
    assert.ok(
      worst <= 1e-12,
      `${c.case}: inv_freq[${at}] = ${got[at]}, want ${c.inv_freq[at]} (rel ${worst})`,
    );
  });
}

Deno.test("ropeInvFreq rejects an odd head_dim", () => {
  assert.throws(() => ropeInvFreq(7, 10000, null), /even/);
});
