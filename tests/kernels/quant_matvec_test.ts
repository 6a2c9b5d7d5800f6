// matvecQuant against the plain-TS reference: dequantize the packed rows on
// the CPU (format.ts), then multiply in f64. Random and odd shapes, partial
// last blocks, chunked matrices, both splits of the work and several tunings,
// for q8 and q4.

import assert from "node:assert/strict";
import { matvecQuant, type MatvecQuantConfig } from "../../shaders/matvec_quant.ts";
import { matmulReference } from "../../shaders/matmul.ts";
import { QuantMatrix } from "../../engine/quant/matrix.ts";
import { dequantizeRows, type QuantFormat, quantizeRows } from "../../engine/quant/format.ts";
import { Recorder } from "../../engine/gpu/recorder.ts";
import { Tensor } from "../../engine/gpu/tensor.ts";
import type { Gpu } from "../../engine/gpu/gpu.ts";
import { assertClose, randomArray, rng } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";

// The reference multiplies the same dequantized values in f64; the kernel sums
// f32 products per block, then scaled block sums: errors seen <= 4e-7 of
// max|want| up to K = 1000, so 1e-5 has margin yet catches any wrong code.
const REL = 1e-5;
const FORMATS: QuantFormat[] = ["q8", "q4"];
// Both splits: the software tuning (threads owning 12 rows), the hardware one
// (32 threads splitting K over 4 rows), and odd sizes of each.
const CONFIGS: MatvecQuantConfig[] = [
  { wg: 8, rows: 12, split: "rows" },
  { wg: 32, rows: 4, split: "k" },
  { wg: 8, rows: 16, split: "k" },
  { wg: 4, rows: 5, split: "rows" },
  { wg: 4, rows: 3, split: "k" },
];

const gpu = await testGpu();

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
  const want = matmulReference(x, dequantizeRows(quantizeRows(w, tw.layout), tw.layout), 1, K, N);
  const tx = Tensor.from(g, "x", x, [K], "f32");
  const out = Tensor.empty(g, "out", [N], "f32");
  const rec = new Recorder(g, "test.matvecQuant");
  matvecQuant(rec, tx, tw, out, config);
  rec.submit();
  const name = `matvec_${format}_b${tw.layout.block} [${N},${K}] wg${config.wg}_r${config.rows}_${
    config.split ?? "k"
  }`;
  assertClose(name, await out.toArray(), want, { rel: REL, shape: [N] });
  const chunks = tw.chunks.length;
  for (const t of [tx, tw, out]) t.dispose();
  return chunks;
}

for (const format of FORMATS) {
  for (const config of CONFIGS) {
    const tag = `${format} wg${config.wg}_r${config.rows}_${config.split}`;
    Deno.test(`matvecQuant ${tag}: random and odd shapes, partial blocks`, async () => {
      // K = 7, 37, 172 (stories260K's intermediate), 1000 end in a partial block.
      for (const [K, N] of [[7, 1], [32, 5], [37, 13], [64, 9], [172, 64], [1000, 33]]) {
        await checkMatvecQuant(gpu, format, K, N, config, K * 31 + N);
      }
    });
  }
  Deno.test(`matvecQuant ${format}: blocks of 16, 32, 64 and 128`, async () => {
    for (const block of [16, 32, 64, 128]) {
      for (const [K, N] of [[100, 7], [256, 10], [300, 17]]) {
        for (const config of CONFIGS.slice(0, 2)) {
          await checkMatvecQuant(gpu, format, K, N, config, K + N, block);
        }
      }
    }
  });
  Deno.test(`matvecQuant ${format}: matrices split into row chunks`, async () => {
    const small = await testGpu({ maxBindingBytes: 4096 });
    for (const K of [64, 70]) {
      for (const config of CONFIGS.slice(0, 2)) {
        const chunks = await checkMatvecQuant(small, format, K, 300, config, K);
        assert.ok(chunks > 1, `expected several chunks, got ${chunks}`);
      }
    }
  });
}

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
