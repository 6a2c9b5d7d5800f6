// formatBits: bits per weight of every format a matrix can hold, scales
// included, at widths the format divides. A GGUF file can store Q5_0 and the
// other GGML block types, so the accuracy bench's bits-per-weight column must
// be finite for each of them (it was NaN for Q5_0).

import assert from "node:assert/strict";
import { formatBits } from "../../engine/quant/mix.ts";
import { BLOCK_FORMATS } from "../../engine/quant/block_matrix.ts";

Deno.test("formatBits: ggml's block sizes over their elements, for every block format", () => {
  const want: Record<string, number> = {
    q4_1: 20 * 8 / 32,
    q5_0: 22 * 8 / 32,
    q5_1: 24 * 8 / 32,
    q4k: 144 * 8 / 256,
    q5k: 176 * 8 / 256,
    q6k: 210 * 8 / 256,
  };
  assert.deepEqual(Object.keys(want).sort(), [...BLOCK_FORMATS].sort());
  for (const f of BLOCK_FORMATS) assert.equal(formatBits(f), want[f], f);
});

Deno.test("formatBits: f32, and q8/q4 with one f16 scale per block", () => {
  assert.equal(formatBits("f32"), 32);
  assert.equal(formatBits("q8", 32), 8.5);
  assert.equal(formatBits("q4", 16), 5);
  assert.equal(formatBits("q4", 64), 4.25);
});
