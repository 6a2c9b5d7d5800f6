// The probe kernels (pool, predict, step) against their f64 references on
// random odd shapes, and a recorded training loop against the reference run.

import assert from "node:assert/strict";
import { Recorder } from "../../engine/gpu/recorder.ts";
import { Tensor } from "../../engine/gpu/tensor.ts";
import { probePool, probePoolReference } from "../../shaders/probe_pool.ts";
import { probePredict, probePredictReference } from "../../shaders/probe_predict.ts";
import { probeStep, probeStepReference } from "../../shaders/probe_step.ts";
import { trainProbeReference } from "../../sae/probe_reference.ts";
import { assertClose, randomArray, rng } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";

const gpu = await testGpu();

function upload(name: string, data: ArrayLike<number>, shape: number[]): Tensor<"f32"> {
  return Tensor.from(gpu, name, Float32Array.from(data), shape, "f32");
}

// [T, d, rowStart of the first call]: one row, odd widths, a width past one workgroup row.
for (const [T, d, rowStart] of [[1, 5, 0], [37, 70, 1], [9, 1029, 3]]) {
  for (const pool of ["max", "mean"] as const) {
    Deno.test(`probePool ${pool}: [${T}, ${d}] from row ${rowStart}, then combined with a second chunk`, async () => {
      const random = rng(T * 7 + d);
      const f = randomArray(random, T * d, 2);
      const rows = 3, dst = rows - 1;
      const before = randomArray(random, rows * d, 1);
      const tf = upload("f", f, [T, d]), out = upload("out", before, [rows, d]);
      const scale = 1 / (2 * T - rowStart);
      const first = { dstRow: dst, rowStart, first: true, scale };
      const second = { dstRow: dst, rowStart: 0, first: false, scale };
      const rec = new Recorder(gpu, "test.probePool");
      probePool(rec, pool, tf, out, first);
      probePool(rec, pool, tf, out, second);
      rec.submit();
      const once = probePoolReference(pool, f, T, d, Float64Array.from(before), first);
      const want = probePoolReference(pool, f, T, d, once, second);
      // max picks an input exactly; mean sums up to 2T scaled f32 terms.
      assertClose(`probePool ${pool}`, await out.toArray(), want, {
        rel: pool === "max" ? 0 : 1e-6,
        shape: [rows, d],
      });
      tf.dispose();
      out.dispose();
    });
  }
}

// [rows, d]: a single value, odd widths, several workgroups' worth of rows.
for (const [rows, d] of [[1, 1], [5, 67], [33, 300]]) {
  Deno.test(`probePredict: [${rows}, ${d}] with zero weights and left-out columns matches the reference`, async () => {
    const random = rng(rows * 13 + d);
    const x = randomArray(random, rows * d, 2);
    // Weights scaled so that logits stay in sigmoid's sensitive range; every third one 0.
    const w = randomArray(random, d + 1, 0.3).map((v, j) => j < d && j % 3 === 0 ? 0 : v);
    const s = randomArray(random, 2 * d, 1).map((v, j) => j >= d ? (j % 5 === 0 ? 0 : 1 + v) : v);
    const tx = upload("x", x, [rows, d]), tw = upload("w", w, [d + 1]);
    const ts = upload("s", s, [2, d]), out = upload("p", new Float32Array(rows), [rows]);
    const rec = new Recorder(gpu, "test.probePredict");
    probePredict(rec, tx, tw, ts, out);
    rec.submit();
    const want = probePredictReference(x, rows, d, w, s);
    // f32 dot products of up to 300 terms of magnitude ~1: logit errors ~1e-5, damped by sigmoid' <= 1/4.
    assertClose("probePredict", await out.toArray(), want, { abs: 1e-5, shape: [rows] });
    for (const t of [tx, tw, ts, out]) t.dispose();
  });
}

// [n training rows, rows of x, d]
for (const [n, rows, d] of [[1, 1, 1], [7, 9, 33], [40, 40, 129]]) {
  Deno.test(`probeStep: ${n} of ${rows} rows, d ${d}: gradient, soft threshold and bias match the reference`, async () => {
    const random = rng(n * 17 + d);
    const x = randomArray(random, rows * d, 2);
    const y = Array.from({ length: rows }, () => random() < 0.5 ? 0 : 1);
    const prob = Array.from({ length: rows }, () => random());
    const w = randomArray(random, d + 1, 0.5);
    const s = randomArray(random, 2 * d, 1).map((v, j) => j >= d ? (j % 4 === 1 ? 0 : 1 + v) : v);
    const o = { lr: 0.3, l1: 0.05 };
    const tx = upload("x", x, [rows, d]), ty = upload("y", y, [rows]);
    const tp = upload("prob", prob, [rows]), ts = upload("s", s, [2, d]);
    const tw = upload("w", w, [d + 1]);
    const rec = new Recorder(gpu, "test.probeStep");
    probeStep(rec, tx, ty, tp, ts, tw, n, o);
    rec.submit();
    const f32 = (a: ArrayLike<number>) => Float32Array.from(a);
    const want = probeStepReference(f32(x), f32(y), f32(prob), f32(s), f32(w), n, d, o);
    const got = await tw.toArray();
    assertClose("probeStep", got, want, { rel: 1e-6, abs: 1e-7, shape: [d + 1] });
    // Exact zeros where the threshold clearly applies (pre-threshold values away from it).
    const pre = probeStepReference(f32(x), f32(y), f32(prob), f32(s), f32(w), n, d, {
      ...o,
      l1: 0,
    });
    for (let j = 0; j < d; j++) {
      if (Math.abs(Math.abs(pre[j]) - o.lr * o.l1) > 1e-4 && want[j] === 0) {
        // -0 is fine: sign(v) * 0 keeps v's sign.
        assert.ok(
          got[j] === 0,
          `weight ${j} is ${got[j]}, not exactly 0 (pre-threshold ${pre[j]})`,
        );
      }
    }
    for (const t of [tx, ty, tp, ts, tw]) t.dispose();
  });
}

Deno.test("probe training loop: 40 recorded steps on random data match the f64 reference run", async () => {
  const random = rng(99);
  const n = 23, rows = 30, d = 37, steps = 40, o = { steps, lr: 0.5, l1: 0.02 };
  // Two informative columns, the rest noise; column 5 constant (left out by the standardization).
  const y = Array.from({ length: rows }, (_, i) => i % 2);
  const x = randomArray(random, rows * d, 1).map((v, k) => {
    const r = Math.floor(k / d), j = k % d;
    return j === 5 ? 0.75 : j < 2 ? v + 1.5 * y[r] : v;
  });
  const ref = trainProbeReference(Float32Array.from(x), y, n, d, o);
  const s = new Float32Array(2 * d);
  s.set(ref.standardization.mean);
  s.set(ref.standardization.invStd, d);
  const init = new Float32Array(d + 1);
  init[d] = Math.log(
    y.slice(0, n).filter((v) => v).length / y.slice(0, n).filter((v) => !v).length,
  );
  const tx = upload("x", x, [rows, d]), ty = upload("y", y, [rows]), ts = upload("s", s, [2, d]);
  const tw = upload("w", init, [d + 1]), tp = upload("p", new Float32Array(rows), [rows]);
  const rec = new Recorder(gpu, "test.probeLoop");
  for (let i = 0; i < steps; i++) {
    probePredict(rec, tx.rows(0, n), tw, ts, tp.rows(0, n));
    probeStep(rec, tx, ty, tp, ts, tw, n, o);
  }
  rec.submit();
  const got = await tw.toArray();
  assert.equal(ref.standardization.invStd[5], 0, "the constant column is left out");
  assert.ok(got[5] === 0, `column 5: ${got[5]}`);
  assert.ok(
    Math.abs(ref.weights[0]) > 0.1 && Math.abs(ref.weights[1]) > 0.1,
    "informative columns get weight",
  );
  // f32 against f64 over 40 contracting steps: ~1e-6 of the largest weight.
  assertClose("trained weights", got, ref.weights, { rel: 1e-4, shape: [d + 1] });
  for (const t of [tx, ty, ts, tw, tp]) t.dispose();
});

Deno.test("probe kernels: refuse mismatched shapes and rows outside the matrix", () => {
  const x = Tensor.empty(gpu, "x", [4, 6], "f32");
  const w = Tensor.empty(gpu, "w", [6], "f32"); // d + 1 = 7 expected
  const s = Tensor.empty(gpu, "s", [2, 6], "f32");
  const p = Tensor.empty(gpu, "p", [4], "f32");
  const out = Tensor.empty(gpu, "out", [2, 5], "f32");
  const rec = new Recorder(gpu, "test.probe.errors");
  assert.throws(() => probePredict(rec, x, w, s, p), /needs weights \[7\]/);
  assert.throws(() => probeStep(rec, x, p, p, s, w, 4, { lr: 1, l1: 0 }), /needs weights \[7\]/);
  assert.throws(() => probeStep(rec, x, p, p, s, w, 5, { lr: 1, l1: 0 }), /n = 5 rows/);
  const first = { dstRow: 0, rowStart: 0, first: true, scale: 1 };
  assert.throws(() => probePool(rec, "max", x, out, first), /must be \[T, d\] and \[rows, d\]/);
  const ok = Tensor.empty(gpu, "ok", [2, 6], "f32");
  assert.throws(() => probePool(rec, "mean", x, ok, { ...first, dstRow: 2 }), /dstRow 2 outside/);
  assert.throws(() => probePool(rec, "mean", x, ok, { ...first, rowStart: 4 }), /no rows to pool/);
  rec.abandon();
  for (const t of [x, w, s, p, out, ok]) t.dispose();
});
