import assert from "node:assert/strict";
import { type Llama3Factors, ropeInvFreq, ropeTable } from "../engine/model/rope.ts";
import { rng } from "./util/compare.ts";

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
  await Deno.readTextFile(new URL("./fixtures/rope_vectors.json", import.meta.url)),
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

Deno.test("ropeTable: row p holds (cos, sin) of p * f32(inv_freq), within f32 rounding", () => {
  const inv = ropeInvFreq(128, 500000, {
    factor: 8,
    lowFreqFactor: 1,
    highFreqFactor: 4,
    originalMaxPositionEmbeddings: 8192,
  });
  const context = 8192, half = inv.length;
  const table = ropeTable(inv, context);
  assert.equal(table.length, context * half * 2);
  const random = rng(42);
  let worst = 0;
  for (let n = 0; n < 2000; n++) {
    const p = Math.floor(random() * context), i = Math.floor(random() * half);
    const angle = p * Math.fround(inv[i]);
    const at = (p * half + i) * 2;
    worst = Math.max(
      worst,
      Math.abs(table[at] - Math.cos(angle)),
      Math.abs(table[at + 1] - Math.sin(angle)),
    );
  }
  // Rounding to f32 alone: at most half an ulp of 1.
  assert.ok(worst <= 2 ** -25, `worst |table - exact| ${worst.toExponential(2)} > 2^-25`);
  for (let i = 0; i < half; i++) assert.deepEqual([table[2 * i], table[2 * i + 1]], [1, 0]);
});

Deno.test("ropeTable rejects a context length that is not a positive integer", () => {
  assert.throws(() => ropeTable([1], 0), /contextLength/);
  assert.throws(() => ropeTable([1], 2.5), /contextLength/);
});
