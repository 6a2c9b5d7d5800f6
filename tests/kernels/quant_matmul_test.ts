// matmulQuant against the plain-TS reference (dequantize on the CPU, multiply
// in f64): random and odd shapes, partial last blocks, chunked matrices.

import assert from "node:assert/strict";
import { matmulQuant } from "../../shaders/matmul_quant.ts";
import {
  matmulQuantRows,
  matmulQuantRowsExpanded,
  quantRowsTile,
} from "../../shaders/matmul_quant_rows.ts";
import { expandsToF32 } from "../../shaders/matmul_expanded.ts";
import { dequantRows } from "../../shaders/dequant_rows.ts";
import { matmulDequantRows } from "../../shaders/matmul_dequant_rows.ts";
import { largestRowsTile } from "../../shaders/matmul_rows.ts";
import { matmulReference } from "../../shaders/matmul.ts";
import { QuantMatrix } from "../../engine/quant/matrix.ts";
import { dequantizeRows, type QuantFormat, quantizeRows } from "../../engine/quant/format.ts";
import { Recorder } from "../../engine/gpu/recorder.ts";
import { Tensor } from "../../engine/gpu/tensor.ts";
import type { Gpu } from "../../engine/gpu/gpu.ts";
import { assertClose, randomArray, rng } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";

// f32 accumulation of the same dequantized products against f64: errors seen
// <= 5e-7 of max|want| up to K = 300, so 1e-5 has margin yet catches any wrong term.
const REL = 1e-5;
const FORMATS: QuantFormat[] = ["q8", "q4"];

const gpu = await testGpu();

const QUANT_LARGEST = quantRowsTile(1024, 1024, 1024, largestRowsTile(gpu)).rows;

type MatmulFn = (rec: Recorder, x: Tensor<"f32">, w: QuantMatrix, out: Tensor<"f32">) => void;
/** The GPU kernel (tiled), the software-adapter one (rows) and rows at odd sizes. */
const KERNELS: Record<string, MatmulFn> = {
  matmulQuant,
  matmulQuantRows,
  "matmulQuantRows 4x3x5": (rec, x, w, out) =>
    matmulQuantRows(rec, x, w, out, { wg: 4, rows: 3, tokens: 5 }),
  // The largest tile quantRowsTile picks here (16 on llvmpipe, 8 on
  // SwiftShader), on shapes it overhangs (vec4 rows only, as there: the
  // scalar-load variant at 16 x 16 compiles for minutes).
  [`matmulQuantRows ${QUANT_LARGEST}x${QUANT_LARGEST}`]: (rec, x, w, out) =>
    matmulQuantRows(
      rec,
      x,
      w,
      out,
      w.cols % 4 === 0 ? { wg: 8, rows: QUANT_LARGEST, tokens: QUANT_LARGEST } : undefined,
    ),
};

async function checkMatmulQuant(
  g: Gpu,
  format: QuantFormat,
  T: number,
  K: number,
  N: number,
  seed: number,
  block?: number,
  kernel: MatmulFn = matmulQuant,
): Promise<number> {
  const random = rng(seed);
  const x = randomArray(random, T * K), w = randomArray(random, N * K);
  const tw = QuantMatrix.upload(g, "w", w, N, K, format, block);
  const want = matmulReference(x, dequantizeRows(quantizeRows(w, tw.layout), tw.layout), T, K, N);
  const tx = Tensor.from(g, "x", x, [T, K], "f32");
  const out = Tensor.empty(g, "out", [T, N], "f32");
  const rec = new Recorder(g, "test.matmulQuant");
  kernel(rec, tx, tw, out);
  rec.submit();
  const name = `matmul_${format}_b${tw.layout.block} x [${T},${K}] w [${N},${K}]`;
  assertClose(name, await out.toArray(), want, { rel: REL, shape: [T, N] });
  const chunks = tw.chunks.length;
  for (const t of [tx, tw, out]) t.dispose();
  return chunks;
}

for (const format of FORMATS) {
  for (const [name, kernel] of Object.entries(KERNELS)) {
    Deno.test(`${name} ${format}: random and odd shapes, partial blocks`, async () => {
      for (
        const [T, K, N] of [[2, 7, 3], [5, 32, 33], [33, 37, 40], [17, 172, 64], [64, 300, 70]]
      ) {
        await checkMatmulQuant(gpu, format, T, K, N, T * 7 + K * 31 + N, undefined, kernel);
      }
    });
    Deno.test(`${name} ${format}: blocks of 16, 32 and 64`, async () => {
      for (const block of [16, 32, 64]) {
        await checkMatmulQuant(gpu, format, 9, 200, 35, 11, block, kernel);
        await checkMatmulQuant(gpu, format, 3, 256, 8, 12, block, kernel);
      }
    });
    Deno.test(`${name} ${format}: matrices split into row chunks`, async () => {
      const small = await testGpu({ maxBindingBytes: 4096 });
      const chunks = await checkMatmulQuant(small, format, 3, 70, 300, 5, undefined, kernel);
      assert.ok(chunks > 1, `expected several chunks, got ${chunks}`);
    });
  }
}

// The expanded path (dequantize slabs, f32 rows kernel): slabs of one tile
// span (8 x 8 here: T < 32 keeps the tile small and the test fast), several
// per chunk, a partial last slab; and the selection that routes to it.
for (const format of FORMATS) {
  Deno.test(`matmulQuantRowsExpanded ${format}: several slabs, partial last one, chunks`, async () => {
    const slabs: MatmulFn = (rec, x, w, out) =>
      matmulQuantRowsExpanded(rec, x, w, out, 64 * w.cols * 4);
    await checkMatmulQuant(gpu, format, 9, 68, 150, 21, undefined, slabs);
    await checkMatmulQuant(gpu, format, 17, 128, 200, 22, 16, slabs);
    const small = await testGpu({ maxBindingBytes: 4096 });
    const chunks = await checkMatmulQuant(small, format, 3, 64, 300, 23, undefined, slabs);
    assert.ok(chunks > 1, `expected several chunks, got ${chunks}`);
  });
  Deno.test(`dequantRows ${format}: exactly the CPU dequantization, from a row offset`, async () => {
    const random = rng(31);
    const [N, K, row0, rows] = [40, 100, 7, 30];
    const data = randomArray(random, N * K);
    const w = QuantMatrix.upload(gpu, "w", data, N, K, format, 32);
    const all = dequantizeRows(quantizeRows(data, w.layout), w.layout);
    const out = gpu.acquire("test.dequant", rows * K * 4);
    const read = Tensor.empty(gpu, "test.dequant.read", [rows * K], "f32");
    const rec = new Recorder(gpu, "test.dequantRows");
    dequantRows(rec, w.layout, w.chunks[0], row0, rows, out);
    rec.copy(out, 0, read.buffer, 0, rows * K * 4);
    rec.submit();
    assertClose("dequantRows", await read.toArray(), all.subarray(row0 * K, (row0 + rows) * K), {
      rel: 0,
      shape: [rows, K],
    });
    gpu.release(out);
    for (const t of [w, read]) t.dispose();
  });
}

Deno.test("expandsToF32: the adapter's largest f32 tile's shapes only", () => {
  assert.equal(expandsToF32(128, 4096, 4096), true);
  assert.equal(expandsToF32(32, 64, 256), true);
  assert.equal(expandsToF32(31, 4096, 4096), false, "T < 32");
  assert.equal(expandsToF32(128, 4096, 255), false, "N < 256");
  assert.equal(expandsToF32(128, 4098, 4096), false, "K % 4 != 0");
  // SwiftShader's largest tile is 16: its shapes from T = 16, N = 128.
  assert.equal(expandsToF32(16, 64, 128, 16), true);
  assert.equal(expandsToF32(128, 4096, 4096, 16), true);
  assert.equal(expandsToF32(15, 64, 128, 16), false, "T < 16");
  assert.equal(expandsToF32(16, 64, 127, 16), false, "N < 128");
});

// The in-register path on the f32 rows tile (matmul_dequant_rows.ts): K % 4
// == 0 only; small and odd tiles here (the 32 x 32 one compiles for minutes
// on a loaded llvmpipe and is covered by the engine's prefill tests at scale).
for (const format of FORMATS) {
  for (const tile of [{ wg: 4, rows: 3, tokens: 5 }, { wg: 8, rows: 8, tokens: 8 }]) {
    const name = `matmulDequantRows ${format} ${tile.wg}x${tile.rows}x${tile.tokens}`;
    Deno.test(`${name}: random and odd shapes, partial blocks, chunks`, async () => {
      const kernel: MatmulFn = (rec, x, w, out) => matmulDequantRows(rec, x, w, out, tile);
      for (const [T, K, N] of [[2, 8, 3], [5, 32, 33], [33, 36, 40], [17, 172, 64], [9, 300, 70]]) {
        await checkMatmulQuant(gpu, format, T, K, N, T * 5 + K * 3 + N, undefined, kernel);
      }
      for (const block of [16, 32, 64]) {
        await checkMatmulQuant(gpu, format, 9, 200, 35, 13, block, kernel);
      }
      const small = await testGpu({ maxBindingBytes: 4096 });
      const chunks = await checkMatmulQuant(small, format, 3, 68, 300, 5, undefined, kernel);
      assert.ok(chunks > 1, `expected several chunks, got ${chunks}`);
    });
  }
  Deno.test(`matmulDequantRows ${format}: the same f32 values as the expanded path`, async () => {
    // Same products in the same order: bit-equal outputs.
    const random = rng(41);
    const [T, K, N] = [16, 96, 64];
    const w = QuantMatrix.upload(gpu, "w", randomArray(random, N * K), N, K, format, 32);
    const x = Tensor.from(gpu, "x", randomArray(random, T * K), [T, K], "f32");
    const outs = [0, 1].map((i) => Tensor.empty(gpu, `out${i}`, [T, N], "f32"));
    const tile = { wg: 8, rows: 8, tokens: 8, dot: true };
    const rec = new Recorder(gpu, "test.matmulDequantRows.same");
    matmulDequantRows(rec, x, w, outs[0], tile);
    matmulQuantRowsExpanded(rec, x, w, outs[1]);
    rec.submit();
    assert.deepEqual(await outs[0].toArray(), await outs[1].toArray());
    for (const t of [w, x, ...outs]) t.dispose();
  });
  Deno.test(`matmulDequantRows ${format}: K not a multiple of 4 is refused`, () => {
    const w = QuantMatrix.upload(gpu, "w", new Float32Array(6 * 3), 3, 6, format, 32);
    const x = Tensor.empty(gpu, "x", [2, 6], "f32"), out = Tensor.empty(gpu, "out", [2, 3], "f32");
    const rec = new Recorder(gpu, "test.matmulDequantRows.k");
    assert.throws(() => matmulDequantRows(rec, x, w, out, { wg: 8, rows: 8, tokens: 8 }), /K 6/);
    for (const t of [w, x, out]) t.dispose();
  });
}
