// Loupe's K-quant quantizers (engine/quant/kquant.ts): bytes per row and bits
// per weight, the searched scales beating plain min/max ones, importance
// weighting lowering the weighted error, zero-padded partial super-blocks,
// and q4k/q6k matrices created through createWeightMatrix.

import assert from "node:assert/strict";
import { dequantizeGgml } from "../../engine/quant/ggml.ts";
import { kBitsPerWeight, type KFormat, quantizeKRows } from "../../engine/quant/kquant.ts";
import { createWeightMatrix, readWeightMatrix } from "../../engine/quant/matrix.ts";
import { checkMatrixFormat } from "../../engine/quant/format.ts";
import { rng } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";

const TYPE = { q4k: "Q4_K", q5k: "Q5_K", q6k: "Q6_K" } as const;
const FORMATS: KFormat[] = ["q4k", "q5k", "q6k"];

/** Roughly Gaussian weights (sum of uniforms) with a few outliers, as in real layers. */
function weights(n: number, seed: number): Float32Array {
  const random = rng(seed), out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = (random() + random() + random() - 1.5) * 0.05 * (random() < 0.01 ? 6 : 1);
  }
  return out;
}

/** The values quantized rows stand for, [rows, cols] (padding dropped). */
function dequantized(format: KFormat, bytes: Uint8Array, rows: number, cols: number) {
  const padded = Math.ceil(cols / 256) * 256;
  const all = dequantizeGgml(TYPE[format], bytes, rows * padded);
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) out.set(all.subarray(r * padded, r * padded + cols), r * cols);
  return out;
}

/** sum_k imp_k (w - q)^2 over all rows (imp = 1 without importance). */
function error(w: Float32Array, q: Float32Array, cols: number, imp?: Float32Array): number {
  let e = 0;
  for (let i = 0; i < w.length; i++) e += (imp ? imp[i % cols] : 1) * (w[i] - q[i]) ** 2;
  return e;
}

Deno.test("kquant: bytes per row and bits per weight (Q4_K 4.5, Q5_K 5.5, Q6_K 6.5625)", () => {
  assert.equal(kBitsPerWeight("q4k"), 4.5);
  assert.equal(kBitsPerWeight("q5k"), 5.5);
  assert.equal(kBitsPerWeight("q6k"), 6.5625);
  for (const format of FORMATS) {
    const per = { q4k: 144, q5k: 176, q6k: 210 }[format];
    assert.equal(quantizeKRows(format, new Float32Array(3 * 512), 512).length, 3 * 2 * per);
    // 300 columns: two super-blocks per row, the second zero-padded.
    assert.equal(quantizeKRows(format, new Float32Array(2 * 300), 300).length, 2 * 2 * per);
    console.log(`  ${format}: ${kBitsPerWeight(format)} bits per weight`);
  }
  assert.throws(() => quantizeKRows("q4k", new Float32Array(10), 3), /not whole rows of 3/);
  assert.throws(
    () => quantizeKRows("q4k", new Float32Array(8), 4, new Float32Array(3)),
    /importance has 3 values, want one per column \(4\)/,
  );
});

Deno.test("kquant: searched scales have less error than min/max scales; padding is exact zero", () => {
  for (const format of FORMATS) {
    for (const cols of [512, 300]) {
      const rows = 8, w = weights(rows * cols, cols);
      const searched = error(
        w,
        dequantized(format, quantizeKRows(format, w, cols), rows, cols),
        cols,
      );
      const naive = error(
        w,
        dequantized(format, quantizeKRows(format, w, cols, null, { search: false }), rows, cols),
        cols,
      );
      console.log(
        `  ${format} [${rows}, ${cols}]: RMS error searched ${
          Math.sqrt(searched / w.length).toExponential(3)
        }, ` +
          `min/max ${Math.sqrt(naive / w.length).toExponential(3)}`,
      );
      assert.ok(
        searched < naive,
        `${format} cols ${cols}: searched ${searched} >= min/max ${naive}`,
      );
      // The error is that of a code step: well under the weights' own RMS (~0.025).
      const rms = Math.sqrt(searched / w.length), bound = format === "q4k" ? 4e-3 : 1.5e-3;
      assert.ok(rms < bound, `${format}: RMS error ${rms} >= ${bound}`);
    }
  }
  // All-zero rows stay exactly zero (the padded sub-blocks are such rows).
  for (const format of FORMATS) {
    const z = dequantizeGgml(TYPE[format], quantizeKRows(format, new Float32Array(256), 256), 256);
    assert.ok(z.every((v) => v === 0), `${format}: zeros do not round-trip`);
  }
});

Deno.test("kquant: importance weighting lowers the importance-weighted error", () => {
  const cols = 512, rows = 8, w = weights(rows * cols, 5), random = rng(6);
  // E[x^2] per column spans three orders of magnitude, as in real activations.
  const imp = Float32Array.from({ length: cols }, () => Math.exp(7 * random()));
  for (const format of FORMATS) {
    const plain = error(
      w,
      dequantized(format, quantizeKRows(format, w, cols), rows, cols),
      cols,
      imp,
    );
    const weighted = error(
      w,
      dequantized(format, quantizeKRows(format, w, cols, imp), rows, cols),
      cols,
      imp,
    );
    console.log(
      `  ${format}: weighted error ${weighted.toExponential(3)} vs ${
        plain.toExponential(3)
      } without importance`,
    );
    assert.ok(weighted < plain, `${format}: with importance ${weighted} >= without ${plain}`);
  }
});

Deno.test("kquant: q4k and q6k are weight formats: createWeightMatrix, writeRows, importance", async () => {
  checkMatrixFormat("test", "q4k");
  checkMatrixFormat("test", "q6k");
  assert.throws(() => checkMatrixFormat("Engine.load quant", "q5k"), /unknown weight format "q5k"/);
  const gpu = await testGpu();
  const cols = 300, rows = 5, w = weights(rows * cols, 9);
  const imp = Float32Array.from({ length: cols }, (_, k) => 1 + (k % 7));
  for (const format of ["q4k", "q6k"] as const) {
    const m = createWeightMatrix(gpu, `m.${format}`, rows, cols, format, undefined, {
      importance: imp,
    });
    try {
      assert.equal(m.format, format);
      m.writeRows(0, w.subarray(0, 2 * cols));
      m.writeRows(2, w.subarray(2 * cols));
      const want = dequantized(format, quantizeKRows(format, w, cols, imp), rows, cols);
      const got = await readWeightMatrix(m);
      assert.ok(
        got.every((v, i) => v === want[i]),
        `${format}: device rows differ from quantizeKRows`,
      );
    } finally {
      m.dispose();
    }
  }
  assert.throws(
    () =>
      createWeightMatrix(gpu, "bad", 2, 8, "q4k", undefined, { importance: new Float32Array(3) }),
    /bad: importance has 3 values, want one per column \(8\)/,
  );
});
