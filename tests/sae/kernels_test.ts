// The SAE kernels against their CPU references on random odd shapes, including
// matrices split into chunks, ties and NaN in top-k, and sparse = dense decode.

import assert from "node:assert/strict";
import { Matrix } from "../../engine/gpu/matrix.ts";
import { Recorder } from "../../engine/gpu/recorder.ts";
import { Tensor } from "../../engine/ops/tensor.ts";
import type { Gpu } from "../../engine/gpu/gpu.ts";
import { saeDecode, saeDecodeReference } from "../../shaders/sae_decode.ts";
import { applyOpReference, editFeature, type FeatureOp } from "../../shaders/sae_edit.ts";
import {
  type EncodeActivation,
  saeEncode,
  saeEncodeReference,
  type SaeGpuWeights,
} from "../../shaders/sae_encode.ts";
import { saeSparseDecode, saeSparseDecodeReference } from "../../shaders/sae_sparse_decode.ts";
import {
  topFeatures,
  topFeaturesReference,
  topkMask,
  topkMaskReference,
} from "../../shaders/sae_topk.ts";
import { assertClose, randomArray, rng } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";
import { randomSae } from "../util/sae_build.ts";

// f32 sums of <= 200 terms vs f64: observed <= 1e-6 of max|want|.
const REL = 1e-5;
const gpu = await testGpu();
const small = await testGpu({ maxBindingBytes: 4096 });

function upload(
  g: Gpu,
  seed: number,
  dIn: number,
  dSae: number,
  center: boolean,
): SaeGpuWeights & { host: ReturnType<typeof randomSae> } {
  const host = randomSae(seed, dIn, dSae, true);
  return {
    host,
    wEnc: Matrix.upload(g, "W_enc", host.wEnc, dSae, dIn),
    wDec: Matrix.upload(g, "W_dec", host.wDec, dSae, dIn),
    bEnc: Tensor.from(g, "b_enc", host.bEnc, [dSae], "f32"),
    bDec: Tensor.from(g, "b_dec", host.bDec, [dIn], "f32"),
    threshold: Tensor.from(g, "threshold", host.threshold!, [dSae], "f32"),
    center,
  };
}
/** Exact equality (NaN equals NaN, -0 equals 0), naming the first difference; fast on large arrays. */
function assertSame(name: string, got: ArrayLike<number>, want: ArrayLike<number>) {
  assert.equal(got.length, want.length, `${name}: length`);
  for (let i = 0; i < want.length; i++) {
    if (got[i] !== want[i] && !(Number.isNaN(got[i]) && Number.isNaN(want[i]))) {
      assert.fail(`${name}: element ${i} is ${got[i]}, want ${want[i]}`);
    }
  }
}

function free(w: SaeGpuWeights) {
  for (const t of [w.wEnc, w.wDec, w.bEnc, w.bDec, w.threshold!]) t.dispose();
}

for (
  const [g, T, dIn, dSae, act, center] of [
    [gpu, 1, 7, 33, "relu", false],
    [gpu, 5, 64, 200, "jumprelu", true],
    [gpu, 37, 13, 129, "none", true],
    [small, 6, 19, 150, "relu", true], // 4096-byte bindings: W_enc in 3 chunks
  ] as [Gpu, number, number, number, EncodeActivation, boolean][]
) {
  for (const path of ["tiled", "linear"] as const) {
    Deno.test(`saeEncode ${act}${center ? " centered" : ""} (${path}): x [${T}, ${dIn}] -> [${T}, ${dSae}]${g === small ? ", chunked" : ""}`, async () => {
      const w = upload(g, T * 7 + dIn, dIn, dSae, center);
      const x = randomArray(rng(T), T * dIn);
      const tx = Tensor.from(g, "x", x, [T, dIn], "f32");
      const out = Tensor.empty(g, "f", [T, dSae], "f32");
      const centered = Tensor.empty(g, "centered", [T, dIn], "f32");
      const rec = new Recorder(g, "test.encode");
      saeEncode(rec, tx, w, act, out, { path, centered });
      rec.submit();
      const want = saeEncodeReference(
        x,
        { ...w.host, center: center ? w.host.bDec : null },
        act,
        T,
        dIn,
        dSae,
      );
      assertClose("encode", await out.toArray(), want, { rel: REL, shape: [T, dSae] });
      if (act !== "none") {
        assert.ok(want.some((v) => v === 0) && want.some((v) => v > 0), "activation never bites");
      }
      if (g === small) assert.ok(w.wEnc.chunks.length > 1);
      free(w);
      tx.dispose();
      out.dispose();
      centered.dispose();
    });
  }
}

for (
  const [g, T, dIn, dSae] of [
    [gpu, 3, 5, 7],
    [gpu, 33, 70, 129],
    [small, 6, 11, 100],
    [gpu, 1, 70, 129], // one token: the one_token kernel
    [small, 1, 11, 100],
    // One token over more rows than one invocation may loop on llvmpipe
    // (~65,536): the rows go in several dispatches (ONE_TOKEN_ROWS each).
    [gpu, 1, 4, 70000],
  ] as [
    Gpu,
    number,
    number,
    number,
  ][]
) {
  Deno.test(`saeDecode dense, error and +residual: f [${T}, ${dSae}] -> [${T}, ${dIn}]${g === small ? ", chunked" : ""}`, async () => {
    const w = upload(g, dSae, dIn, dSae, false);
    const r = rng(dIn);
    const f = randomArray(r, T * dSae).map((v) => Math.max(v, 0));
    const x = randomArray(r, T * dIn);
    const tf = Tensor.from(g, "f", f, [T, dSae], "f32"),
      tx = Tensor.from(g, "x", x, [T, dIn], "f32");
    const recon = Tensor.empty(g, "recon", [T, dIn], "f32"),
      err = Tensor.empty(g, "err", [T, dIn], "f32");
    const back = Tensor.empty(g, "back", [T, dIn], "f32");
    const rec = new Recorder(g, "test.decode");
    saeDecode(rec, tf, w.wDec, w.bDec, recon);
    saeDecode(rec, tf, w.wDec, w.bDec, err, { alpha: -1, residual: tx });
    saeDecode(rec, tf, w.wDec, w.bDec, back, { residual: err });
    rec.submit();
    const want = saeDecodeReference(f, w.host.wDec, w.host.bDec, T, dSae, dIn);
    assertClose("decode", await recon.toArray(), want, { rel: REL, shape: [T, dIn] });
    assertClose("error", await err.toArray(), x.map((v, i) => v - want[i]), {
      rel: REL,
      abs: 1e-6,
      shape: [T, dIn],
    });
    // decode(f) + (x - decode(f)) = x
    assertClose("decode + error", await back.toArray(), x, { rel: REL, shape: [T, dIn] });
    free(w);
    for (const t of [tf, tx, recon, err, back]) t.dispose();
  });
}

Deno.test("topFeatures and topkMask: random rows, ties, NaN, k = 1 and k = n, smallest with sign -1", async () => {
  const cases: [number, number, number][] = [
    [3, 1000, 16],
    [2, 7, 7],
    [4, 65, 1],
    [1, 5000, 1024],
    [2, 300, 257],
  ];
  for (const [R, n, k] of cases) {
    const r = rng(n + k);
    const v = randomArray(r, R * n);
    // Ties across the cut and a NaN: the lowest index must win, NaN never (k < numbers).
    for (let i = 0; i < R * n; i += 5) v[i] = 0.5;
    v[3] = NaN;
    v[1] = -0;
    for (const sign of [1, -1] as const) {
      const tv = Tensor.from(gpu, "v", v, [R, n], "f32");
      const idx = Tensor.empty(gpu, "idx", [R, k], "u32"),
        val = Tensor.empty(gpu, "val", [R, k], "f32");
      const rec = new Recorder(gpu, "test.topk");
      topFeatures(rec, tv, k, idx, val, sign);
      if (sign === 1) topkMask(rec, tv, k);
      rec.submit();
      const want = topFeaturesReference(v, n, k, sign);
      const where = `R=${R} n=${n} k=${k} sign=${sign}`;
      assertSame(`indices ${where}`, await idx.toArray(), want.idx);
      assertSame(`values ${where}`, await val.toArray(), want.val);
      if (sign === 1) {
        const masked = await tv.toArray();
        const wantMask = topkMaskReference(v, n, k);
        assertSame(`mask ${where}`, masked, wantMask);
      }
      for (const t of [tv, idx, val]) t.dispose();
    }
  }
});

Deno.test("topFeatures: k out of range is refused", () => {
  const v = Tensor.empty(gpu, "v", [2, 10], "f32");
  const idx = Tensor.empty(gpu, "i", [2, 11], "u32"), val = Tensor.empty(gpu, "v", [2, 11], "f32");
  const rec = new Recorder(gpu, "bad");
  assert.throws(() => topFeatures(rec, v, 11, idx, val), /k = 11 must be an integer in \[1, 10\]/);
  assert.throws(() => topFeatures(rec, v, 0, idx, val), /k = 0/);
  for (const t of [v, idx, val]) t.dispose();
});

for (const g of [gpu, small]) {
  Deno.test(`sparse decode from top-k equals dense decode of the same features${g === small ? ", chunked" : ""}`, async () => {
    const T = 7, dIn = 23, dSae = 90, k = 9;
    const w = upload(g, 5, dIn, dSae, false);
    const x = randomArray(rng(2), T * dIn, 3);
    const tx = Tensor.from(g, "x", x, [T, dIn], "f32");
    const f = Tensor.empty(g, "f", [T, dSae], "f32");
    const idx = Tensor.empty(g, "idx", [T, k], "u32"), val = Tensor.empty(g, "val", [T, k], "f32");
    const dense = Tensor.empty(g, "dense", [T, dIn], "f32"),
      sparse = Tensor.empty(g, "sparse", [T, dIn], "f32");
    const rec = new Recorder(g, "test.sparse");
    saeEncode(rec, tx, w, "none", f);
    topkMask(rec, f, k);
    topFeatures(rec, f, k, idx, val);
    saeDecode(rec, f, w.wDec, w.bDec, dense);
    saeSparseDecode(rec, idx, val, w.wDec, w.bDec, sparse);
    rec.submit();
    const d = await dense.toArray();
    assertClose("sparse vs dense", await sparse.toArray(), d, { rel: REL, shape: [T, dIn] });
    const want = saeSparseDecodeReference(
      await idx.toArray(),
      await val.toArray(),
      w.host.wDec,
      w.host.bDec,
      T,
      k,
      dIn,
    );
    assertClose("sparse vs reference", await sparse.toArray(), want, { rel: REL, shape: [T, dIn] });
    assert.equal((await f.toArray()).filter((v) => v !== 0).length <= T * k, true);
    free(w);
    for (const t of [tx, f, idx, val, dense, sparse]) t.dispose();
  });
}

Deno.test("editFeature: every op, on all positions or a list (incl. beyond one 8192-bit window)", async () => {
  const T = 9000, stride = 3;
  const f = randomArray(rng(9), T * stride);
  const ops: [FeatureOp, number[] | null][] = [
    [{ op: "add", value: 1.5 }, null],
    [{ op: "mul", value: -2 }, [0, 5, 8191, 8192, 8999]],
    [{ op: "clamp", min: -0.1, max: 0.2 }, [3, 4]],
    [{ op: "set", value: 7 }, [8500]],
    [{ op: "ablate" }, [1]],
  ];
  const tf = Tensor.from(gpu, "f", f, [T, stride], "f32");
  const rec = new Recorder(gpu, "test.edit");
  const want = f.slice();
  for (const [i, [op, positions]] of ops.entries()) {
    const col = i % stride;
    editFeature(rec, tf, col, op, positions);
    for (let t = 0; t < T; t++) {
      if (!positions || positions.includes(t)) {
        want[t * stride + col] = applyOpReference(want[t * stride + col], op);
      }
    }
  }
  rec.submit();
  assertSame("edited", await tf.toArray(), want);
  assert.throws(
    () => editFeature(new Recorder(gpu, "bad"), tf, 0, { op: "ablate" }, [T]),
    /position 9000 outside/,
  );
  tf.dispose();
});
