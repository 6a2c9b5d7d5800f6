// The ceiling kernels of bench/harness.ts (streamQuant) really read and
// dequantize every code and scale: the sum of their per-thread partials is the
// sum of the dequantized matrix (format.ts), for q8 and q4, partial blocks,
// row counts that leave the last workgroup short, chunked matrices, both
// splits of the work. A ceiling that skipped bytes would not be a ceiling.
// Row slots past a chunk's end re-read its last row (as the matvec does), so
// the last row counts once per such slot.

import assert from "node:assert/strict";
import { streamQuant, streamThreads } from "../../shaders/stream.ts";
import { type MatvecQuantConfig, rowsPerGroup } from "../../shaders/matvec_quant.ts";
import { QuantMatrix } from "../../engine/quant/matrix.ts";
import { dequantizeRows, type QuantFormat, quantizeRows } from "../../engine/quant/format.ts";
import { Recorder } from "../../engine/gpu/recorder.ts";
import { Tensor } from "../../engine/gpu/tensor.ts";
import type { Gpu } from "../../engine/gpu/gpu.ts";
import { randomArray, rng } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";

const gpu = await testGpu();
const CONFIGS: MatvecQuantConfig[] = [
  { wg: 8, rows: 12, split: "rows" },
  { wg: 8, rows: 16, split: "k" },
  { wg: 4, rows: 3, split: "rows" },
  { wg: 32, rows: 4, split: "k" },
];

async function checkStream(
  g: Gpu,
  format: QuantFormat,
  K: number,
  N: number,
  config: MatvecQuantConfig,
  block?: number,
): Promise<number> {
  const random = rng(K * 7 + N);
  const w = randomArray(random, N * K);
  const tw = QuantMatrix.upload(g, "w", w, N, K, format, block);
  const deq = dequantizeRows(quantizeRows(w, tw.layout), tw.layout);
  const rowSum = new Float64Array(N);
  let scale = 0;
  for (let i = 0; i < deq.length; i++) {
    rowSum[Math.floor(i / K)] += deq[i];
    scale += Math.abs(deq[i]);
  }
  // One dispatch per chunk (each overwrites its partials), so sum chunk by chunk.
  let got = 0, want = 0;
  const perGroup = rowsPerGroup(config);
  for (const c of tw.chunks) {
    const slots = Math.ceil(c.rows / perGroup) * perGroup;
    for (let i = 0; i < slots; i++) want += rowSum[c.rowStart + Math.min(i, c.rows - 1)];
    const one = { ...tw, chunks: [c] } as unknown as QuantMatrix;
    const out = Tensor.empty(g, "out", [streamThreads(c.rows, config)], "f32");
    const rec = new Recorder(g, "test.streamQuant");
    streamQuant(rec, one, out, config);
    rec.submit();
    for (const v of await out.toArray()) got += v;
    scale += Math.abs(rowSum[c.rowStart + c.rows - 1]) * (slots - c.rows);
    out.dispose();
  }
  const chunks = tw.chunks.length;
  tw.dispose();
  const tag = `stream_${format} [${N},${K}] wg${config.wg}_r${config.rows}_${config.split}`;
  // f32 partial sums of up to a few thousand terms: 1e-5 of the sum of |w|.
  assert.ok(
    Math.abs(got - want) <= 1e-5 * scale,
    `${tag}: sum ${got}, want ${want} (sum |w| ${scale})`,
  );
  return chunks;
}

for (const format of ["q8", "q4"] as QuantFormat[]) {
  Deno.test(`streamQuant ${format}: sums every dequantized weight, both splits`, async () => {
    for (const config of CONFIGS) {
      for (const [K, N] of [[16, 1], [37, 13], [172, 64], [1000, 33], [256, 130]]) {
        await checkStream(gpu, format, K, N, config);
      }
    }
  });
  Deno.test(`streamQuant ${format}: blocks of 16 to 128 and row chunks`, async () => {
    for (const block of [16, 32, 64, 128]) {
      await checkStream(gpu, format, 300, 17, CONFIGS[0], block);
      await checkStream(gpu, format, 300, 17, CONFIGS[1], block);
    }
    const small = await testGpu({ maxBindingBytes: 4096 });
    for (const config of CONFIGS.slice(0, 2)) {
      const chunks = await checkStream(small, format, 64, 300, config);
      assert.ok(chunks > 1, `expected several chunks, got ${chunks}`);
    }
  });
}
