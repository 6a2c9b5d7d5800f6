// The elementwise and per-row backward kernels against their plain-TS
// references (random and odd shapes, two-sided tolerances, the worst element
// named), and each reference against central differences of an f64 forward,
// so that a reference with the wrong maths cannot pass.

import assert from "node:assert/strict";
import { rmsnormBackward, rmsnormBackwardReference } from "../../shaders/rmsnorm_backward.ts";
import { swigluBackward, swigluBackwardReference } from "../../shaders/swiglu_backward.ts";
import {
  conjugateRopeTable,
  ropeBackward,
  ropeBackwardReference,
} from "../../shaders/rope_backward.ts";
import { ropeReference } from "../../shaders/rope.ts";
import { logprobBackward, logprobBackwardReference } from "../../shaders/logprob_backward.ts";
import { ropeInvFreq, ropeTable } from "../../engine/model/rope.ts";
import { Recorder } from "../../engine/gpu/recorder.ts";
import { Tensor } from "../../engine/gpu/tensor.ts";
import { assertClose, randomArray, rng } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";

const gpu = await testGpu();
const f32 = (name: string, data: Float32Array, shape: number[]) =>
  Tensor.from(gpu, name, data, shape, "f32");

/** Central differences of f at x along every coordinate, in f64. */
function numericGradient(f: (x: Float64Array) => number, x: Float64Array, h = 1e-6): Float64Array {
  const g = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const a = x.slice(), b = x.slice();
    a[i] += h;
    b[i] -= h;
    g[i] = (f(a) - f(b)) / (2 * h);
  }
  return g;
}

// ---- RMSNorm ----

function rmsnormF64(x: Float64Array, w: ArrayLike<number>, H: number, eps: number) {
  const out = new Float64Array(x.length);
  for (let b = 0; b < x.length; b += H) {
    let ss = 0;
    for (let i = 0; i < H; i++) ss += x[b + i] ** 2;
    for (let i = 0; i < H; i++) out[b + i] = w[i] * x[b + i] / Math.sqrt(ss / H + eps);
  }
  return out;
}

Deno.test("rmsnormBackward reference: matches central differences", () => {
  const random = rng(1), [T, H, eps] = [3, 11, 1e-5];
  const x = Float64Array.from(randomArray(random, T * H)), w = randomArray(random, H);
  const dy = randomArray(random, T * H);
  const loss = (v: Float64Array) => rmsnormF64(v, w, H, eps).reduce((s, o, i) => s + o * dy[i], 0);
  assertClose(
    "rmsnorm dx vs differences",
    rmsnormBackwardReference(x, w, dy, H, eps),
    numericGradient(loss, x),
    { rel: 1e-7, shape: [T, H] },
  );
});

// f32 sums of H <= 300 terms against f64: seen ~1e-7 of max; 1e-5 catches any wrong term.
const REL = 1e-5;

for (const [T, H] of [[1, 7], [3, 64], [17, 100], [5, 129], [2, 300]]) {
  Deno.test(`rmsnormBackward: [${T}, ${H}] matches the reference, overwriting and accumulating`, async () => {
    const random = rng(T * 31 + H), eps = 1e-5;
    const x = randomArray(random, T * H, 2), w = randomArray(random, H).map((v) => 1 + 0.3 * v);
    const dy = randomArray(random, T * H), before = randomArray(random, T * H);
    const want = rmsnormBackwardReference(x, w, dy, H, eps);
    const [tx, tw, tdy] = [f32("x", x, [T, H]), f32("w", w, [H]), f32("dy", dy, [T, H])];
    const dx = f32("dx", before, [T, H]), acc = f32("acc", before, [T, H]);
    const rec = new Recorder(gpu, "test.rmsnormBackward");
    rmsnormBackward(rec, tx, tw, tdy, dx, eps);
    rmsnormBackward(rec, tx, tw, tdy, acc, eps, true);
    rec.submit();
    assertClose(`rmsnormBackward [${T}, ${H}]`, await dx.toArray(), want, {
      rel: REL,
      shape: [T, H],
    });
    assertClose(
      `rmsnormBackward += [${T}, ${H}]`,
      await acc.toArray(),
      want.map((v, i) => v + before[i]),
      {
        rel: REL,
        shape: [T, H],
      },
    );
    for (const t of [tx, tw, tdy, dx, acc]) t.dispose();
  });
}

Deno.test("rmsnormBackward: refuses dx over x", () => {
  const x = Tensor.empty(gpu, "x", [2, 8], "f32"), w = Tensor.empty(gpu, "w", [8], "f32");
  const rec = new Recorder(gpu, "test.bad");
  assert.throws(() => rmsnormBackward(rec, x, w, x.rows(0, 2), x, 1e-5), /dx overlaps x or dy/);
  assert.equal(rec.dispatchCount, 0);
  for (const t of [x, w]) t.dispose();
});

// ---- SwiGLU ----

Deno.test("swigluBackward reference: matches central differences", () => {
  const random = rng(2), n = 9;
  const v = Float64Array.from(randomArray(random, 2 * n, 6)), dAct = randomArray(random, n);
  const loss = (z: Float64Array) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += dAct[i] * z[i] / (1 + Math.exp(-z[i])) * z[n + i];
    return s;
  };
  const r = swigluBackwardReference(v.subarray(0, n), v.subarray(n), dAct);
  const num = numericGradient(loss, v);
  assertClose("swiglu dGate vs differences", r.dGate, num.subarray(0, n), { rel: 1e-7 });
  assertClose("swiglu dUp vs differences", r.dUp, num.subarray(n), { rel: 1e-7 });
});

Deno.test("swigluBackward: random odd sizes, large gates of both signs", async () => {
  for (const [T, I] of [[1, 5], [7, 172], [3, 1000]]) {
    const random = rng(T + I);
    // Gates up to +-100: exp(-gate) overflows f32 past 88, which the kernel avoids.
    const gate = randomArray(random, T * I, 100), up = randomArray(random, T * I);
    const dAct = randomArray(random, T * I);
    const want = swigluBackwardReference(gate, up, dAct);
    const ts = [f32("gate", gate, [T, I]), f32("up", up, [T, I]), f32("dAct", dAct, [T, I])];
    const dGate = Tensor.empty(gpu, "dGate", [T, I], "f32"),
      dUp = Tensor.empty(gpu, "dUp", [T, I], "f32");
    const rec = new Recorder(gpu, "test.swigluBackward");
    swigluBackward(rec, ts[0], ts[1], ts[2], dGate, dUp);
    rec.submit();
    // Elementwise: a few roundings of each element; relative to max|want|.
    assertClose(`swiglu dGate [${T}, ${I}]`, await dGate.toArray(), want.dGate, {
      rel: 1e-6,
      shape: [T, I],
    });
    assertClose(`swiglu dUp [${T}, ${I}]`, await dUp.toArray(), want.dUp, {
      rel: 1e-6,
      shape: [T, I],
    });
    for (const t of [...ts, dGate, dUp]) t.dispose();
  }
});

// ---- RoPE ----

for (
  const [T, heads, headDim, start] of [[1, 1, 2, 0], [5, 3, 6, 7], [24, 8, 16, 0], [9, 2, 64, 100]]
) {
  Deno.test(`ropeBackward: [${T}, ${heads}, ${headDim}] from ${start} is the transposed rotation`, async () => {
    const random = rng(T * heads + headDim);
    const table = ropeTable(ropeInvFreq(headDim, 10000, null), start + T);
    const shape = [T, heads, headDim] as const;
    const dy = randomArray(random, T * heads * headDim), x = randomArray(random, dy.length);
    const want = ropeBackwardReference(dy, shape, table, start);
    // The reference is the adjoint of the forward: <R x, dy> = <x, R^T dy>.
    const rx = ropeReference(x, shape, table, start);
    const lhs = rx.reduce((s, v, i) => s + v * dy[i], 0),
      rhs = want.reduce((s, v, i) => s + v * x[i], 0);
    assert.ok(
      Math.abs(lhs - rhs) <= 1e-5 * Math.sqrt(dy.length),
      `<Rx, dy> ${lhs} vs <x, R^T dy> ${rhs}`,
    );
    const t = f32("dy", dy, [...shape]),
      conj = f32("conj", conjugateRopeTable(table), [start + T, headDim / 2, 2]);
    const rec = new Recorder(gpu, "test.ropeBackward");
    ropeBackward(rec, t, conj, start);
    rec.submit();
    assertClose(`ropeBackward [${shape}]`, await t.toArray(), want, { rel: 1e-6, shape });
    for (const u of [t, conj]) u.dispose();
  });
}

// ---- log p(y) and its gradient ----

Deno.test("logprobBackward reference: matches central differences of log softmax", () => {
  const random = rng(4), V = 13, y = 5;
  const l = Float64Array.from(randomArray(random, V, 3));
  const logSoftmax = (z: Float64Array) => {
    const max = Math.max(...z);
    return z[y] - max - Math.log(z.reduce((s, v) => s + Math.exp(v - max), 0));
  };
  const r = logprobBackwardReference(l, y);
  assert.ok(Math.abs(r.metric - logSoftmax(l)) < 1e-14, `metric ${r.metric} vs ${logSoftmax(l)}`);
  assertClose("dlogits vs differences", r.dLogits, numericGradient(logSoftmax, l), { rel: 1e-7 });
});

// `shift` moves l_y: +25 makes p(y) ~ 1 - 5e-9 (log1p's series), +6 and +8 put
// sum_{k != y} e^(l_k - l_y) either side of the series' 0.05, -80 takes y so far
// below the maximum that the kernel's other form of m is used.
const LOGPROB_CASES = [
  [7, 0, 1, 0],
  [512, 417, 4, 0],
  [1000, 999, 2, 0],
  [512, 3, 1, 25],
  [64, 3, 1, 6],
  [64, 3, 1, 8],
  [16, 2, 1, -80],
];
for (const [V, y, spread, shift] of LOGPROB_CASES) {
  Deno.test(`logprobBackward: V ${V}, y ${y}${shift ? `, l_y shifted by ${shift}` : ""} matches the reference`, async () => {
    const random = rng(V + y);
    const logits = randomArray(random, V, spread);
    // p(y) close to 1 (as on the stories260K prompt): m ~ -1e-9, a difference would cancel.
    logits[y] += shift;
    const want = logprobBackwardReference(logits, y);
    const tl = f32("logits", logits, [1, V]);
    const d = Tensor.empty(gpu, "dLogits", [1, V], "f32"), m = Tensor.empty(gpu, "m", [1], "f32");
    const rec = new Recorder(gpu, "test.logprobBackward");
    logprobBackward(rec, tl, y, d, m);
    rec.submit();
    const got = (await m.toArray())[0];
    // The metric to a few f32 roundings relative to itself, also when it is tiny.
    assert.ok(
      Math.abs(got - want.metric) <= 1e-5 * Math.abs(want.metric) + 1e-30,
      `metric ${got}, want ${want.metric}`,
    );
    // Each element relative to its own size too: 1 - p(y) is as small as the metric.
    assertClose(`dlogits V ${V}`, await d.toArray(), want.dLogits, { rel: 1e-5 });
    const dy = (await d.toArray())[y];
    assert.ok(
      Math.abs(dy - want.dLogits[y]) <= 1e-5 * Math.abs(want.dLogits[y]),
      `dlogits[y] ${dy}, want ${want.dLogits[y]}`,
    );
    for (const t of [tl, d, m]) t.dispose();
  });
}
