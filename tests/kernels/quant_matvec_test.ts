// matvecQuant against the plain-TS reference: dequantize the packed rows on
// the CPU (format.ts), then multiply in f64. Random and odd shapes, partial
// last blocks, chunked matrices, both splits of the work and several tunings,
// for q8 and q4.

import assert from "node:assert/strict";
import {
  matvecQuant,
  type MatvecQuantConfig,
  matvecQuantConfig,
  matvecQuantKernel,
  uniformXFits,
  usesDot4,
} from "../../shaders/matvec_quant.ts";
import { quantizeXReference, X_BLOCK } from "../../shaders/quantize_x.ts";
import { matmulReference } from "../../shaders/matmul.ts";
import { QuantMatrix } from "../../engine/quant/matrix.ts";
import {
  dequantizeRows,
  type QuantFormat,
  quantizeRows,
  quantLayout,
} from "../../engine/quant/format.ts";
import { Recorder } from "../../engine/gpu/recorder.ts";
import { Tensor } from "../../engine/gpu/tensor.ts";
import type { Gpu } from "../../engine/gpu/gpu.ts";
import { assertClose, randomArray, rng } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";
import { IN_BROWSER } from "../util/fixtures_dir.ts";

// The reference multiplies the same dequantized values in f64; the kernel sums
// f32 products per block, then scaled block sums: errors seen <= 4e-7 of
// max|want| up to K = 1000, so 1e-5 has margin yet catches any wrong code.
const REL = 1e-5;
const FORMATS: QuantFormat[] = ["q8", "q4"];
// Both splits: the software tunings (threads owning 12 rows for q8, 16 for
// q4), the hardware one (32 threads splitting K over 4 rows), and odd sizes.
// x is a uniform array where it fits (K % 4 == 0 here), so each tuning is also
// run with uniformX false: storage x.
const CONFIGS: MatvecQuantConfig[] = [
  { wg: 8, rows: 12, split: "rows" },
  { wg: 8, rows: 16, split: "rows" },
  { wg: 32, rows: 4, split: "k" },
  { wg: 8, rows: 12, split: "rows", uniformX: false },
  { wg: 32, rows: 4, split: "k", uniformX: false },
  { wg: 8, rows: 16, split: "k" },
  { wg: 4, rows: 5, split: "rows" },
  { wg: 4, rows: 3, split: "k" },
];

const gpu = await testGpu();

// The fast variant: the "k" split reducing with subgroupAdd, one subgroup per
// workgroup. Only where subgroups have a fixed size (Chromium/SwiftShader: 4;
// Deno's llvmpipe offers no "subgroups"), against the same reference.
const SUBGROUP = gpu.subgroupSize;
if (SUBGROUP) {
  CONFIGS.push(
    { wg: SUBGROUP, rows: 4, split: "k", reduce: "subgroup" },
    { wg: SUBGROUP, rows: 3, split: "k", reduce: "subgroup", uniformX: false },
  );
} else {
  console.log(
    "matvecQuant subgroup variant NOT TESTED here: this adapter has no fixed-size subgroups " +
      `(features: ${[...gpu.device.features].join(", ") || "none"}); the browser suite tests it`,
  );
}

// The dot4 variant (q4 blocks of 32; other layouts take the plain path), where
// WGSL has dot4I8Packed: Deno 2.9 and Chromium both do.
if (gpu.hasPacked4x8) {
  CONFIGS.push(
    { wg: 8, rows: 12, split: "rows", dot4: true },
    { wg: 32, rows: 4, split: "k", dot4: true },
    { wg: 4, rows: 3, split: "k", dot4: true },
    ...(SUBGROUP
      ? [{ wg: SUBGROUP, rows: 4, split: "k", reduce: "subgroup", dot4: true } as const]
      : []),
  );
} else {
  console.log(
    "matvecQuant dot4 variant NOT TESTED here: WGSL has no packed_4x8_integer_dot_product",
  );
}

/** x as the dot4 variant sees it: int8 codes times block scales. */
function roundedX(x: Float32Array): Float32Array {
  const { codes, scales } = quantizeXReference(x);
  return x.map((_, k) => codes[k] * scales[Math.floor(k / X_BLOCK)]);
}

/** The software and hardware tunings, and the fast variants where there are. */
const MAIN_CONFIGS = [
  ...CONFIGS.slice(0, 3),
  ...CONFIGS.filter((c) => c.reduce === "subgroup" || c.dot4),
];

function tagOf(c: MatvecQuantConfig): string {
  return `wg${c.wg}_r${c.rows}_${c.split ?? "k"}${c.reduce === "subgroup" ? "_subgroup" : ""}${
    c.uniformX === false ? "_storage-x" : ""
  }${c.dot4 ? "_dot4" : ""}`;
}

async function checkMatvecQuant(
  g: Gpu,
  format: QuantFormat,
  K: number,
  N: number,
  config: MatvecQuantConfig,
  seed: number,
  block?: number,
): Promise<number> {
  const random = rng(seed);
  const x = randomArray(random, K), w = randomArray(random, N * K);
  const tw = QuantMatrix.upload(g, "w", w, N, K, format, block);
  const wq = dequantizeRows(quantizeRows(w, tw.layout), tw.layout);
  // The dot4 variant multiplies by x rounded to int8 blocks: its reference
  // takes the same rounded x (quantize_x.ts), so the tolerance stays REL.
  const dot4 = usesDot4(tw.layout, config);
  const want = matmulReference(dot4 ? roundedX(x) : x, wq, 1, K, N);
  const tx = Tensor.from(g, "x", x, [K], "f32");
  const out = Tensor.empty(g, "out", [N], "f32");
  const rec = new Recorder(g, "test.matvecQuant");
  matvecQuant(rec, tx, tw, out, config);
  rec.submit();
  const name = `matvec_${format}_b${tw.layout.block} [${N},${K}] ${tagOf(config)}`;
  const got = await out.toArray();
  assertClose(name, got, want, { rel: REL, shape: [N] });
  if (dot4) {
    // Against the plain variant's answer: rounding x to int8 moves each output
    // by at most sum_k |w_k| s_b / 2 (s_b: x's block scale, quantize_x.ts).
    const plain = matmulReference(x, wq, 1, K, N);
    const { scales } = quantizeXReference(x);
    for (let n = 0; n < N; n++) {
      let bound = 0;
      for (let k = 0; k < K; k++) {
        bound += Math.abs(wq[n * K + k]) * scales[Math.floor(k / X_BLOCK)] / 2;
      }
      const diff = Math.abs(got[n] - plain[n]);
      assert.ok(
        diff <= bound * 1.001 + 1e-6,
        `${name} row ${n}: ${diff} from f32 x, bound ${bound}`,
      );
    }
  }
  const chunks = tw.chunks.length;
  for (const t of [tx, tw, out]) t.dispose();
  return chunks;
}

for (const format of FORMATS) {
  for (const config of CONFIGS) {
    const tag = `${format} ${tagOf(config)}`;
    Deno.test(`matvecQuant ${tag}: random and odd shapes, partial blocks`, async () => {
      // K = 7, 37, 172 (stories260K's intermediate), 1000 end in a partial block.
      for (const [K, N] of [[7, 1], [32, 5], [37, 13], [64, 9], [172, 64], [1000, 33]]) {
        await checkMatvecQuant(gpu, format, K, N, config, K * 31 + N);
      }
    });
  }
  Deno.test(`matvecQuant ${format}: blocks of 16, 32, 64 and 128`, async () => {
    // Block sizes are code generation, the same on every adapter: Deno sweeps
    // them all; Chromium (where each variant compiles slowly) checks the two
    // ends on the odd shape, which keeps the browser suite's time in bounds.
    const blocks = IN_BROWSER ? [16, 128] : [16, 32, 64, 128];
    const shapes = IN_BROWSER ? [[300, 17]] : [[100, 7], [256, 10], [300, 17]];
    if (IN_BROWSER) console.log("  Chromium: blocks 16 and 128 at [300, 17]; Deno runs all four");
    for (const block of blocks) {
      for (const [K, N] of shapes) {
        for (const config of MAIN_CONFIGS) {
          await checkMatvecQuant(gpu, format, K, N, config, K + N, block);
        }
      }
    }
  });
  Deno.test(`matvecQuant ${format}: matrices split into row chunks`, async () => {
    const small = await testGpu({ maxBindingBytes: 4096 });
    for (const K of [64, 70]) {
      for (const config of MAIN_CONFIGS) {
        const chunks = await checkMatvecQuant(small, format, K, 300, config, K);
        assert.ok(chunks > 1, `expected several chunks, got ${chunks}`);
      }
    }
  });
}

Deno.test("matvecQuant: x is bound as a uniform only where it fits; row views fall back to storage", async () => {
  const limits = gpu.device.limits;
  const x = Tensor.empty(gpu, "x", [3, 64], "f32");
  assert.ok(uniformXFits(gpu, x.rows(0, 1), 64), "an activation at offset 0 binds as uniform");
  // Row 1 starts 256 bytes in: aligned only where the adapter allows 256.
  assert.equal(
    uniformXFits(gpu, x.rows(1, 1), 64),
    256 % limits.minUniformBufferOffsetAlignment === 0,
  );
  assert.ok(!uniformXFits(gpu, x.rows(0, 1), 63), "K % 4 != 0 stays storage");
  const big = Tensor.empty(gpu, "big", [limits.maxUniformBufferBindingSize / 4 + 4], "f32");
  assert.ok(!uniformXFits(gpu, big, big.size), "over maxUniformBufferBindingSize stays storage");
  // Row 1 of [3, K] with K = 3/4 of the storage alignment starts 3 alignments
  // in: a legal storage offset, and not a uniform one where the uniform
  // alignment is larger (256 on every adapter seen). Same answer either way.
  const random = rng(9);
  const K = 3 * limits.minStorageBufferOffsetAlignment / 4,
    N = 7,
    xs = randomArray(random, 3 * K),
    w = randomArray(random, N * K);
  const tx = Tensor.from(gpu, "x3", xs, [3, K], "f32");
  const tw = QuantMatrix.upload(gpu, "w", w, N, K, "q8");
  const out = Tensor.empty(gpu, "out", [N], "f32");
  const row = tx.rows(1, 1);
  assert.equal(
    uniformXFits(gpu, row, K),
    (4 * K) % limits.minUniformBufferOffsetAlignment === 0,
  );
  const rec = new Recorder(gpu, "test.matvecQuant.view");
  matvecQuant(rec, row, tw, out, { wg: 8, rows: 12, split: "rows" });
  rec.submit();
  const want = matmulReference(
    xs.subarray(K, 2 * K),
    dequantizeRows(quantizeRows(w, tw.layout), tw.layout),
    1,
    K,
    N,
  );
  assertClose("matvec_q8 row view", await out.toArray(), want, { rel: REL, shape: [N] });
  for (const t of [x, big, tx, tw, out]) t.dispose();
});

Deno.test("matvecQuantConfig: rows per thread on CPUs; on GPUs the fast variants offered", () => {
  const cpu = { isFallbackAdapter: true, subgroupSize: 4, hasPacked4x8: true };
  assert.equal(matvecQuantConfig(cpu, "q4", 4096).split, "rows");
  assert.equal(matvecQuantConfig(cpu, "q4", 4096).rows, 16);
  assert.equal(matvecQuantConfig(cpu, "q4", 8192).rows, 12);
  assert.equal(matvecQuantConfig(cpu, "q8", 4096).rows, 12);
  assert.ok(!matvecQuantConfig(cpu, "q4", 4096).dot4, "llvmpipe emulates dot4I8Packed: slower");
  const gpuWith = { isFallbackAdapter: false, subgroupSize: 32, hasPacked4x8: true };
  assert.deepEqual(matvecQuantConfig(gpuWith, "q4", 4096), {
    wg: 32,
    rows: 4,
    split: "k",
    reduce: "subgroup",
    dot4: true,
  });
  const plain = matvecQuantConfig(
    {
      isFallbackAdapter: false,
      subgroupSize: null,
      hasPacked4x8: false,
    },
    "q8",
    4096,
  );
  assert.deepEqual(plain, { wg: 32, rows: 4, split: "k" });
  assert.throws(
    () =>
      matvecQuantKernel(quantLayout("q8", 64), {
        wg: 4,
        rows: 2,
        split: "rows",
        reduce: "subgroup",
      }),
    /reduce "subgroup" needs split "k"/,
  );
});

Deno.test("matvecQuant: more than 65,535 workgroups of rows fold into y", async () => {
  await checkMatvecQuant(gpu, "q4", 32, 65_535 * 8 + 5, { wg: 8, rows: 8, split: "k" }, 3);
  await checkMatvecQuant(gpu, "q8", 16, 65_535 * 4 + 5, { wg: 2, rows: 2, split: "rows" }, 4);
});

Deno.test("matvecQuant: rejects several tokens and mismatched shapes, naming the matrix", () => {
  const tw = QuantMatrix.create(gpu, "lm_head", 6, 40, "q8");
  const rec = new Recorder(gpu, "test.matvecQuant.bad");
  const x2 = Tensor.empty(gpu, "x", [2, 40], "f32"), out2 = Tensor.empty(gpu, "out", [2, 6], "f32");
  assert.throws(
    () => matvecQuant(rec, x2, tw, out2),
    /matvecQuant\(lm_head\): x \[2,40\] holds 2 tokens/,
  );
  const x = Tensor.empty(gpu, "x", [5], "f32"), out = Tensor.empty(gpu, "out", [6], "f32");
  assert.throws(
    () => matvecQuant(rec, x, tw, out),
    /^Error: matvecQuant\(lm_head\): x \[5\] and out \[6\] do not fit lm_head \[6, 40\] \(q8\)/,
  );
  assert.equal(rec.dispatchCount, 0);
  for (const t of [x2, out2, x, out, tw]) t.dispose();
});
