// The budgeted mix's host side (engine/quant/search_quant.ts, budget.ts): the
// Q4_1 / Q5_1 quantizers write ggml's bytes (decoded by dequantizeGgml) with
// less error than plain min/max scales; searched q4 / q8 scales beat max|w|
// scales and honour importance; each menu choice's stored bytes equal the
// device matrix's; the round trip equals what the device matrix holds; and
// the greedy allocation keeps its budget and spends it where KL falls most.

import assert from "node:assert/strict";
import { dequantizeGgml } from "../../engine/quant/ggml.ts";
import { quantizeBlock32Rows, quantizeRowsSearched } from "../../engine/quant/search_quant.ts";
import { dequantizeRows, quantizeRows, quantLayout } from "../../engine/quant/format.ts";
import {
  allocate,
  budgetMenu,
  choiceName,
  parseChoice,
  roundTrip,
  storedRowBytes,
} from "../../engine/quant/budget.ts";
import { createWeightMatrix, readWeightMatrix } from "../../engine/quant/matrix.ts";
import { rng } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";

/** Roughly Gaussian weights with a few outliers, as in real layers. */
function weights(n: number, seed: number): Float32Array {
  const random = rng(seed), out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    out[i] = (random() + random() + random() - 1.5) * 0.05 * (random() < 0.01 ? 6 : 1);
  }
  return out;
}

/** sum_k imp_k (w - q)^2 over all rows (imp = 1 without importance). */
function error(w: Float32Array, q: Float32Array, cols: number, imp?: Float32Array): number {
  let e = 0;
  for (let i = 0; i < w.length; i++) e += (imp ? imp[i % cols] : 1) * (w[i] - q[i]) ** 2;
  return e;
}

/** ggml rows of `cols` (ceil(cols / 32) blocks each) decoded, padding dropped. */
function decode(type: "Q4_1" | "Q5_1", bytes: Uint8Array, rows: number, cols: number) {
  const padded = Math.ceil(cols / 32) * 32, all = dequantizeGgml(type, bytes, rows * padded);
  const out = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) out.set(all.subarray(r * padded, r * padded + cols), r * cols);
  return out;
}

Deno.test("budget quant: Q4_1 / Q5_1 bytes decode within a code step, 5-bit ~2x better", () => {
  const rows = 6, cols = 172, w = weights(rows * cols, 3);
  const rms: Record<string, number> = {};
  for (const [format, type] of [["q4_1", "Q4_1"], ["q5_1", "Q5_1"]] as const) {
    const bytes = quantizeBlock32Rows(format, w, cols);
    assert.equal(bytes.length, rows * 6 * (format === "q4_1" ? 20 : 24));
    rms[format] = Math.sqrt(error(w, decode(type, bytes, rows, cols), cols) / w.length);
    // A code step of a 32-value block spans ~(max - min) / nmax ~ 0.1 / 15.
    const bound = format === "q4_1" ? 4e-3 : 1.2e-3;
    console.log(`  ${format} [${rows}, ${cols}]: RMS error ${rms[format].toExponential(3)}`);
    assert.ok(rms[format] > 0 && rms[format] < bound, `${format}: RMS ${rms[format]}`);
  }
  // One more bit halves the step: about half the RMS error.
  assert.ok(rms.q5_1 < 0.6 * rms.q4_1, `q5_1 ${rms.q5_1} vs q4_1 ${rms.q4_1}`);
  assert.throws(() => quantizeBlock32Rows("q4_1", new Float32Array(10), 3), /not whole rows/);
});

Deno.test("budget quant: searched q4 / q8 scales beat max|w| scales; importance is honoured", () => {
  const rows = 8, cols = 172, w = weights(rows * cols, 11), random = rng(12);
  const imp = Float32Array.from({ length: cols }, () => Math.exp(7 * random()));
  for (const format of ["q4", "q8"] as const) {
    const l = quantLayout(format, cols, 32);
    const plain = dequantizeRows(quantizeRows(w, l), l);
    const searched = dequantizeRows(quantizeRowsSearched(w, l), l);
    const weighted = dequantizeRows(quantizeRowsSearched(w, l, imp), l);
    const [ep, es] = [error(w, plain, cols), error(w, searched, cols)];
    const [wp, ww] = [error(w, searched, cols, imp), error(w, weighted, cols, imp)];
    console.log(
      `  ${format}: squared error searched ${es.toExponential(3)} vs max|w| ${
        ep.toExponential(3)
      }; ` +
        `weighted ${ww.toExponential(3)} vs ${wp.toExponential(3)} without importance`,
    );
    assert.ok(es < ep, `${format}: searched ${es} >= plain ${ep}`);
    assert.ok(ww < wp, `${format}: with importance ${ww} >= without ${wp}`);
  }
  // Zeros stay zeros (padding and all-zero blocks).
  const l = quantLayout("q4", 40, 32);
  const z = dequantizeRows(quantizeRowsSearched(new Float32Array(80), l), l);
  assert.ok(z.every((v) => v === 0));
});

Deno.test("budget menu: stored bytes equal the device matrix's; round trip equals its values", async () => {
  const gpu = await testGpu();
  for (const cols of [64, 172, 256]) {
    const rows = 3, w = weights(rows * cols, cols), imp = new Float32Array(cols).fill(2);
    const menu = budgetMenu(cols);
    assert.deepEqual(menu.map((c) => parseChoice(choiceName(c))), menu);
    for (const choice of menu) {
      const m = createWeightMatrix(
        gpu,
        choiceName(choice),
        rows,
        cols,
        choice.format,
        choice.block,
        {
          importance: imp,
          search: true,
        },
      );
      try {
        m.writeRows(0, w);
        assert.equal(m.byteLength, rows * storedRowBytes(choice, cols), choiceName(choice));
        const got = await readWeightMatrix(m), want = roundTrip(choice, w, cols, imp);
        const bad = got.findIndex((v, i) => v !== want[i]);
        assert.equal(bad, -1, `${choiceName(choice)} cols ${cols}: element ${bad} differs`);
      } finally {
        m.dispose();
      }
    }
  }
  assert.deepEqual(budgetMenu(256).map(choiceName), ["q4k", "q5k", "q6k", "q8/32"]);
  assert.deepEqual(budgetMenu(128).map(choiceName), [
    "q4/64",
    "q4/32",
    "q4/16",
    "q4_1",
    "q5_1",
    "q8/32",
  ]);
  assert.throws(() => parseChoice("q3k"), /unknown format choice "q3k"/);
});

Deno.test("budget allocation: within the budget, best KL saved per byte first", () => {
  const opt = (format: "q4" | "q5_1" | "q8", bytes: number, kl: number) => ({
    choice: format === "q5_1" ? { format } : { format, block: 32 },
    bytes,
    kl,
  });
  // Three tensors of 100 weights; 4.5 bits = 56.25 bytes, 6 bits 75, 8.5 ~106.
  const tensors = [
    {
      name: "a",
      params: 100,
      options: [opt("q4", 56, 0.1), opt("q5_1", 75, 0.02), opt("q8", 106, 0.001)],
    },
    {
      name: "b",
      params: 100,
      options: [opt("q4", 56, 0.01), opt("q5_1", 75, 0.003), opt("q8", 106, 1e-4)],
    },
    {
      name: "c",
      params: 100,
      options: [opt("q4", 56, 0.05), opt("q5_1", 75, 0.06), opt("q8", 106, 0.02)],
    },
  ];
  const all4 = allocate(tensors, 4.5);
  assert.deepEqual([...all4.plan.values()].map(choiceName), ["q4/32", "q4/32", "q4/32"]);
  assert.ok(Math.abs(all4.predictedKl - 0.16) < 1e-12 && !all4.overBudget);
  // 5 bits: 187.5 bytes, room for one q5_1 upgrade: a's (0.08 saved) beats b's and c's.
  const five = allocate(tensors, 5);
  assert.deepEqual([...five.plan.values()].map(choiceName), ["q5_1", "q4/32", "q4/32"]);
  assert.ok(five.bits <= 5, `${five.bits} bits`);
  // Enough for everything: each at its least KL, which for c is q8, not the worse q5_1.
  const rich = allocate(tensors, 9);
  assert.deepEqual([...rich.plan.values()].map(choiceName), ["q8/32", "q8/32", "q8/32"]);
  assert.ok(allocate(tensors, 3).overBudget);
});
