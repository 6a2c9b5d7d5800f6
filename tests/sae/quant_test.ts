// q8 SAEs (Sae.load({ quant: "q8" })): the kernels that read quantized W_enc /
// W_dec against a dequantize-then-multiply reference on odd shapes (one token
// through the q8 matvec, several through the q8 matmul, partial blocks,
// chunked matrices), and the fixture SAE in q8 against its f32 self and the
// float64 reference (features, steered logits and greedy ids).

import assert from "node:assert/strict";
import { Engine } from "../../engine/engine.ts";
import type { Gpu } from "../../engine/gpu/gpu.ts";
import { Matrix } from "../../engine/gpu/matrix.ts";
import { Recorder } from "../../engine/gpu/recorder.ts";
import { Tensor } from "../../engine/ops/tensor.ts";
import { dequantizeRows, quantizeRows, quantLayout } from "../../engine/quant/format.ts";
import { QuantMatrix } from "../../engine/quant/matrix.ts";
import { decoderRow } from "../../sae/features.ts";
import { encodeReference, steerReference } from "../../sae/reference.ts";
import { attachSae, Sae } from "../../sae/mod.ts";
import { type FeatureEdit, planEdits } from "../../sae/steer.ts";
import { saeDecode, saeDecodeReference } from "../../shaders/sae_decode.ts";
import {
  type EncodeActivation,
  saeEncode,
  saeEncodeReference,
  type SaeGpuWeights,
} from "../../shaders/sae_encode.ts";
import { saeSparseDecode, saeSparseDecodeReference } from "../../shaders/sae_sparse_decode.ts";
import { topFeatures } from "../../shaders/sae_topk.ts";
import { FIXTURES, modelPath, readReference } from "../util/fixtures.ts";
import { assertClose, compareClose, randomArray, rng } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";
import { randomSae, saeLensFiles, writeFolder } from "../util/sae_build.ts";

// Against the dequantized weights the kernels differ only by f32 summation
// order (d * q is exact in f32: an f16 scale times an 8-bit code), as for f32.
const REL = 1e-5;
const DIR = `${FIXTURES}saes/stories260K-layer2`;
const gpu = await testGpu();
const small = await testGpu({ maxBindingBytes: 4096 });

/** Quantizes a host matrix the way QuantMatrix does and returns what it stands for. */
function dequantized(a: Float32Array, cols: number, format: "q8" | "q4" = "q8"): Float32Array {
  const l = quantLayout(format, cols);
  return dequantizeRows(quantizeRows(a, l), l);
}

function uploadQuant(
  g: Gpu,
  seed: number,
  dIn: number,
  dSae: number,
  center: boolean,
  format: "q8" | "q4" = "q8",
) {
  const host = randomSae(seed, dIn, dSae, true);
  const w: SaeGpuWeights = {
    wEnc: QuantMatrix.upload(g, "W_enc", host.wEnc, dSae, dIn, format),
    wDec: QuantMatrix.upload(g, "W_dec", host.wDec, dSae, dIn, format),
    bEnc: Tensor.from(g, "b_enc", host.bEnc, [dSae], "f32"),
    bDec: Tensor.from(g, "b_dec", host.bDec, [dIn], "f32"),
    threshold: Tensor.from(g, "threshold", host.threshold!, [dSae], "f32"),
    center,
  };
  const deq = {
    ...host,
    wEnc: dequantized(host.wEnc, dIn, format),
    wDec: dequantized(host.wDec, dIn, format),
  };
  return { w, host, deq };
}

function free(w: SaeGpuWeights) {
  for (const t of [w.wEnc, w.wDec, w.bEnc, w.bDec, w.threshold!]) t.dispose();
}

for (
  const [g, T, dIn, dSae, act, center, format] of [
    [gpu, 1, 7, 33, "relu", false, "q8"], // matvec, one partial block
    [gpu, 1, 64, 200, "jumprelu", true, "q8"],
    [gpu, 5, 64, 200, "jumprelu", true, "q8"], // matmul
    [gpu, 37, 13, 129, "none", true, "q8"],
    [gpu, 3, 45, 70, "relu", false, "q4"],
    [small, 1, 19, 150, "relu", true, "q8"], // 4096-byte bindings: W_enc in chunks
    [small, 6, 19, 150, "relu", true, "q8"],
  ] as [Gpu, number, number, number, EncodeActivation, boolean, "q8" | "q4"][]
) {
  Deno.test(`saeEncode ${format} ${act}${center ? " centered" : ""}: x [${T}, ${dIn}] -> [${T}, ${dSae}]${g === small ? ", chunked" : ""}`, async () => {
    const { w, deq } = uploadQuant(g, T * 7 + dIn, dIn, dSae, center, format);
    const x = randomArray(rng(T), T * dIn);
    const tx = Tensor.from(g, "x", x, [T, dIn], "f32");
    const out = Tensor.empty(g, "f", [T, dSae], "f32");
    const centered = Tensor.empty(g, "xc", [T, dIn], "f32");
    const rec = new Recorder(g, "test.encode");
    saeEncode(rec, tx, w, act, out, { centered });
    rec.submit();
    const want = saeEncodeReference(
      x,
      { ...deq, center: center ? deq.bDec : null },
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
    for (const t of [tx, out, centered]) t.dispose();
  });
}

Deno.test("saeEncode: f32 weights through linear() (one token) equal the tiled kernel", async () => {
  const T = 1, dIn = 30, dSae = 77;
  const host = randomSae(3, dIn, dSae, true);
  const w: SaeGpuWeights = {
    wEnc: Matrix.upload(gpu, "W_enc", host.wEnc, dSae, dIn),
    wDec: Matrix.upload(gpu, "W_dec", host.wDec, dSae, dIn),
    bEnc: Tensor.from(gpu, "b_enc", host.bEnc, [dSae], "f32"),
    bDec: Tensor.from(gpu, "b_dec", host.bDec, [dIn], "f32"),
    threshold: Tensor.from(gpu, "threshold", host.threshold!, [dSae], "f32"),
    center: true,
  };
  const x = randomArray(rng(5), T * dIn);
  const tx = Tensor.from(gpu, "x", x, [T, dIn], "f32");
  const a = Tensor.empty(gpu, "a", [T, dSae], "f32"), b = Tensor.empty(gpu, "b", [T, dSae], "f32");
  const centered = Tensor.empty(gpu, "xc", [T, dIn], "f32");
  const rec = new Recorder(gpu, "test.encode");
  saeEncode(rec, tx, w, "jumprelu", a, { centered });
  saeEncode(rec, tx, w, "jumprelu", b, { path: "tiled" });
  assert.throws(() => saeEncode(rec, tx, w, "relu", a), /needs a \[1, 30\] scratch/);
  rec.submit();
  const want = saeEncodeReference(x, { ...host, center: host.bDec }, "jumprelu", T, dIn, dSae);
  assertClose("linear path", await a.toArray(), want, { rel: REL });
  assertClose("tiled path", await b.toArray(), want, { rel: REL });
  free(w);
  for (const t of [tx, a, b, centered]) t.dispose();
});

for (
  const [g, T, dIn, dSae] of [
    [gpu, 3, 5, 7],
    [gpu, 33, 70, 129],
    [small, 6, 40, 100],
    [gpu, 1, 70, 129], // one token: the one_token kernel
    [small, 1, 40, 100],
  ] as [
    Gpu,
    number,
    number,
    number,
  ][]
) {
  Deno.test(`saeDecode q8 dense and error, sparse decode: f [${T}, ${dSae}] -> [${T}, ${dIn}]${g === small ? ", chunked" : ""}`, async () => {
    const { w, deq } = uploadQuant(g, dSae, dIn, dSae, false);
    const r = rng(dIn);
    const f = randomArray(r, T * dSae).map((v) => Math.max(v, 0));
    const x = randomArray(r, T * dIn);
    const k = Math.min(4, dSae);
    const tf = Tensor.from(g, "f", f, [T, dSae], "f32"),
      tx = Tensor.from(g, "x", x, [T, dIn], "f32");
    const recon = Tensor.empty(g, "recon", [T, dIn], "f32"),
      err = Tensor.empty(g, "err", [T, dIn], "f32"),
      sparse = Tensor.empty(g, "sparse", [T, dIn], "f32");
    const idx = Tensor.empty(g, "idx", [T, k], "u32"), val = Tensor.empty(g, "val", [T, k], "f32");
    const rec = new Recorder(g, "test.decode");
    saeDecode(rec, tf, w.wDec, w.bDec, recon);
    saeDecode(rec, tf, w.wDec, w.bDec, err, { alpha: -1, residual: tx });
    topFeatures(rec, tf, k, idx, val);
    saeSparseDecode(rec, idx, val, w.wDec, w.bDec, sparse);
    rec.submit();
    const want = saeDecodeReference(f, deq.wDec, deq.bDec, T, dSae, dIn);
    assertClose("decode", await recon.toArray(), want, { rel: REL, shape: [T, dIn] });
    assertClose("error", await err.toArray(), x.map((v, i) => v - want[i]), {
      rel: REL,
      abs: 1e-6,
      shape: [T, dIn],
    });
    const wantSparse = saeSparseDecodeReference(
      await idx.toArray(),
      await val.toArray(),
      deq.wDec,
      deq.bDec,
      T,
      k,
      dIn,
    );
    assertClose("sparse", await sparse.toArray(), wantSparse, { rel: REL, shape: [T, dIn] });
    if (g === small) assert.ok(w.wDec.chunks.length > 1);
    free(w);
    for (const t of [tf, tx, recon, err, sparse, idx, val]) t.dispose();
  });
}

Deno.test("q8 SAELens JumpReLU SAE with apply_b_dec_to_input: load, encode, steer cheap = full = reference, decoderRow", async () => {
  const dIn = 24, dSae = 97, T = 11;
  const host = randomSae(8, dIn, dSae, true);
  const dir = await writeFolder(
    saeLensFiles(host, dIn, dSae, { architecture: "jumprelu", apply_b_dec_to_input: true }),
  );
  for (const g of [gpu, small]) {
    // A first load creates the Recorder's pooled uniform slab; count from after it.
    (await Sae.load(dir, g, { quant: "q8" })).dispose();
    const before = g.liveBuffers;
    const sae = await Sae.load(dir, g, { quant: "q8" });
    assert.equal(sae.quant, "q8");
    assert.ok(sae.weights.wEnc instanceof QuantMatrix && sae.weights.wDec instanceof QuantMatrix);
    const w = await sae.readWeights();
    // Quantized on load: exactly the host quantizer's values (W_enc was stored transposed).
    assert.deepEqual(w.wEnc, dequantized(host.wEnc, dIn));
    assert.deepEqual(w.wDec, dequantized(host.wDec, dIn));
    assert.deepEqual(await decoderRow(sae, 50), w.wDec.subarray(50 * dIn, 51 * dIn));
    const x = randomArray(rng(4), T * dIn, 2);
    const edits: FeatureEdit[] = [{ feature: 3, add: 2 }, {
      feature: 50,
      set: 1,
      positions: [0, 10],
    }];
    const cheap = await sae.steerToArray(x, edits);
    const full = await sae.steerToArray(x, edits, { method: "full" });
    const want = steerReference(w, sae, x, planEdits(edits, dSae, T));
    assertClose("cheap vs full", cheap, full, { rel: 1e-5 });
    assertClose("cheap vs reference", cheap, want, { rel: 1e-5 });
    const top = await sae.topFeaturesToArray(x, 5);
    // [11, 97] features exceed one 4 KiB binding: the CPU reference on the q8 values.
    const f = encodeReference(w, sae, x);
    for (let t = 0; t < T; t++) {
      const row = [...f.subarray(t * dSae, (t + 1) * dSae)].sort((a, b) => b - a).slice(0, 5);
      assertClose(`top, token ${t}`, [...top.values.subarray(t * 5, t * 5 + 5)], row, {
        rel: 1e-5,
      });
    }
    sae.dispose();
    assert.deepEqual(g.liveBuffers, before);
  }
  await assert.rejects(
    () => Sae.load(dir, gpu, { quant: "q4" as "q8" }),
    /quant must be "f32" or "q8"/,
  );
});

// ---- the fixture SAE in q8 ------------------------------------------------------

const ref = await readReference(DIR, "reference.safetensors");
const input = ref.get("input") as Float32Array;
/**
 * Features of the q8 SAE vs the float64 reference, as a fraction of max|feature|
 * (5.17). Measured 2.6e-3 to 3.1e-3 on the three files: a pre-activation sums 64
 * products whose weights carry q8 rounding of up to half a step (max|w| / 254 in
 * their block of 16), about 0.2% of a typical term, partly cancelling. 1e-2
 * leaves a 3x margin and is still 30x below the smallest top-8 feature gap
 * that matters for steering (feature 989 leads by 0.186).
 */
const FEATURE_REL = 1e-2;

for (const f of ["goodfire.pth", "goodfire-f32.pth", "saelens", "saelens-topk"]) {
  Deno.test(`q8 ${f}: features and reconstruction vs the f32 SAE and the reference`, async () => {
    const q = await Sae.load(`${DIR}/${f}`, gpu, { quant: "q8" });
    const s = await Sae.load(`${DIR}/${f}`, gpu);
    const fq = await q.encodeToArray(input), fs = await s.encodeToArray(input);
    const vsF32 = compareClose(fq, fs, { rel: FEATURE_REL });
    const topk = f === "saelens-topk";
    if (!topk) {
      const vsRef = assertClose(`${f} q8 features`, fq, ref.get("features")!, {
        rel: FEATURE_REL,
        shape: [24, 1024],
      });
      console.log(
        `  ${f}: q8 features ${vsRef.maxRel.toExponential(2)} of max vs reference, ` +
          `${vsF32.maxRel.toExponential(2)} vs f32`,
      );
      const recon = await q.decodeToArray(fq);
      const r = assertClose(`${f} q8 reconstruction`, recon, ref.get("reconstruction")!, {
        rel: FEATURE_REL,
        shape: [24, 64],
      });
      console.log(`  ${f}: q8 reconstruction ${r.maxRel.toExponential(2)} of max`);
    } else {
      // TopK may swap near-tied features (margins down to 1.6e-5 at f32 already).
      console.log(`  ${f}: q8 vs f32 features ${vsF32.maxRel.toExponential(2)} of max`);
      assert.ok(vsF32.maxRel < 0.1, `topk q8 vs f32: ${vsF32.maxRel}`);
    }
    // Quantized bytes: codes and f16 scales, 9/32 of f32 at block 16 (d_in 64).
    assert.equal(q.weights.wEnc.byteLength * 32, s.weights.wEnc.byteLength * 9);
    q.dispose();
    s.dispose();
  });
}

Deno.test("q8 goodfire.pth on model.layers.2: steered logits and greedy ids vs the reference", async () => {
  const engine = await Engine.load(modelPath("stories260K"), { gpu });
  const sae = await Sae.load(`${DIR}/goodfire.pth`, engine, { quant: "q8" });
  try {
    const sites = attachSae(engine, "model.layers.2", sae);
    const tokens = Array.from(ref.get("tokens")!);
    for (
      const [name, edits] of [["steer", [{ feature: 989, add: 4 }]], ["clamp", [{
        feature: 989,
        set: 8,
      }]]] as [string, FeatureEdit[]][]
    ) {
      const r = await engine.forward(tokens, {
        allLogits: true,
        interventions: sites.steer(edits),
      });
      // Cheap steering adds (f' - f) * W_dec[989]: q8 touches the feature value
      // (via W_enc) and the decoder row, each ~3e-3 relative, on a change of up
      // to 20 in the logits.
      const rep = assertClose(
        `${name} q8 logits`,
        await r.logits.toArray(),
        ref.get(`${name}.logits`)!,
        {
          rel: 1e-2,
          shape: [24, 512],
        },
      );
      console.log(`  ${name} (q8): ${rep.maxRel.toExponential(2)} of max|logit|`);
      r.dispose();
      const ids: number[] = [];
      for await (
        const step of engine.generate(tokens, {
          maxNewTokens: 32,
          ignoreEos: true,
          interventions: sites.steer(edits),
        })
      ) ids.push(step.token);
      assert.deepEqual(ids, Array.from(ref.get(`${name}.greedy`)!), `${name} greedy ids`);
    }
  } finally {
    sae.dispose();
    engine.dispose();
  }
});
