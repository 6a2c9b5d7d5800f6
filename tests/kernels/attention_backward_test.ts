// Causal GQA attention backward (two kernels, probabilities recomputed) against
// the plain-TS reference, which forms the [T, T] probabilities explicitly;
// the reference against central differences of an f64 attention forward.

import { attentionBackward, attentionBackwardReference } from "../../shaders/attention_backward.ts";
import { Recorder } from "../../engine/gpu/recorder.ts";
import { Tensor } from "../../engine/gpu/tensor.ts";
import { assertClose, randomArray, rng } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";

const gpu = await testGpu();

interface Shape {
  nHeads: number;
  nKvHeads: number;
  headDim: number;
}

/** <dOut, attention(q, k, v)> in f64, causal, GQA. */
function attentionLoss(
  q: Float64Array,
  k: Float64Array,
  v: Float64Array,
  dOut: ArrayLike<number>,
  T: number,
  s: Shape,
) {
  const group = s.nHeads / s.nKvHeads, d = s.headDim, scale = 1 / Math.sqrt(d);
  let loss = 0;
  for (let t = 0; t < T; t++) {
    for (let h = 0; h < s.nHeads; h++) {
      const g = Math.floor(h / group), qb = (t * s.nHeads + h) * d;
      const p = new Float64Array(t + 1);
      for (let j = 0; j <= t; j++) {
        for (let i = 0; i < d; i++) p[j] += q[qb + i] * k[(j * s.nKvHeads + g) * d + i] * scale;
      }
      const max = Math.max(...p);
      let sum = 0;
      for (let j = 0; j <= t; j++) sum += p[j] = Math.exp(p[j] - max);
      for (let j = 0; j <= t; j++) {
        for (let i = 0; i < d; i++) {
          loss += dOut[qb + i] * (p[j] / sum) * v[(j * s.nKvHeads + g) * d + i];
        }
      }
    }
  }
  return loss;
}

Deno.test("attentionBackward reference: matches central differences", () => {
  const random = rng(3), T = 4, s = { nHeads: 4, nKvHeads: 2, headDim: 3 };
  const q = Float64Array.from(randomArray(random, T * 12, 2));
  const k = Float64Array.from(randomArray(random, T * 6, 2));
  const v = Float64Array.from(randomArray(random, T * 6));
  const dOut = randomArray(random, T * 12);
  const r = attentionBackwardReference(q, k, v, dOut, T, s);
  const numeric = (which: Float64Array) => {
    const g = new Float64Array(which.length), h = 1e-6;
    for (let i = 0; i < which.length; i++) {
      const keep = which[i];
      which[i] = keep + h;
      const a = attentionLoss(q, k, v, dOut, T, s);
      which[i] = keep - h;
      const b = attentionLoss(q, k, v, dOut, T, s);
      which[i] = keep;
      g[i] = (a - b) / (2 * h);
    }
    return g;
  };
  assertClose("dq vs differences", r.dq, numeric(q), { rel: 1e-7 });
  assertClose("dk vs differences", r.dk, numeric(k), { rel: 1e-7 });
  assertClose("dv vs differences", r.dv, numeric(v), { rel: 1e-7 });
});

// f32 sums over up to T keys of products of recomputed probabilities: seen
// ~1e-6 of max; 2e-5 leaves margin and still catches a missing key or head.
const REL = 2e-5;

const CASES: [number, Shape][] = [
  [1, { nHeads: 1, nKvHeads: 1, headDim: 4 }],
  [5, { nHeads: 3, nKvHeads: 1, headDim: 5 }],
  [24, { nHeads: 8, nKvHeads: 4, headDim: 8 }],
  [24, { nHeads: 8, nKvHeads: 2, headDim: 16 }],
  [70, { nHeads: 2, nKvHeads: 2, headDim: 65 }], // more keys than a tile, head_dim over WG
];

for (const [T, s] of CASES) {
  Deno.test(`attentionBackward: T ${T}, heads ${s.nHeads}/${s.nKvHeads}, head_dim ${s.headDim}`, async () => {
    const random = rng(T * 13 + s.headDim);
    const qn = T * s.nHeads * s.headDim, kn = T * s.nKvHeads * s.headDim;
    // Scores of a few units: peaked and flat rows both occur.
    const q = randomArray(random, qn, 2), k = randomArray(random, kn, 2);
    const v = randomArray(random, kn), dOut = randomArray(random, qn);
    const want = attentionBackwardReference(q, k, v, dOut, T, s);
    const qs = [T, s.nHeads, s.headDim], ks = [T, s.nKvHeads, s.headDim];
    const up = (n: string, d: Float32Array, shape: number[]) =>
      Tensor.from(gpu, n, d, shape, "f32");
    const t = {
      q: up("q", q, qs),
      k: up("k", k, ks),
      v: up("v", v, ks),
      dOut: up("dOut", dOut, qs),
      dq: Tensor.empty(gpu, "dq", qs, "f32"),
      dk: Tensor.empty(gpu, "dk", ks, "f32"),
      dv: Tensor.empty(gpu, "dv", ks, "f32"),
      stats: Tensor.empty(gpu, "stats", [T, s.nHeads, 2], "f32"),
    };
    const rec = new Recorder(gpu, "test.attentionBackward");
    attentionBackward(rec, t, s);
    rec.submit();
    const name = `T ${T} heads ${s.nHeads}/${s.nKvHeads} d ${s.headDim}`;
    assertClose(`dq ${name}`, await t.dq.toArray(), want.dq, { rel: REL, shape: qs });
    assertClose(`dk ${name}`, await t.dk.toArray(), want.dk, { rel: REL, shape: ks });
    assertClose(`dv ${name}`, await t.dv.toArray(), want.dv, { rel: REL, shape: ks });
    for (const x of Object.values(t)) x.dispose();
  });
}
