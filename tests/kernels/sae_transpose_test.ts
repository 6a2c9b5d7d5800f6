// transposeInto (shaders/sae_transpose.ts): both kernels, the tiled one (GPUs)
// and the thread-per-feature one (software adapters), against a plain-TS
// transpose, exactly: odd shapes, a column offset, a feature range, and a
// destination split into row chunks.

import assert from "node:assert/strict";
import { transposeInto } from "../../shaders/sae_transpose.ts";
import { Matrix } from "../../engine/gpu/matrix.ts";
import { Recorder } from "../../engine/gpu/recorder.ts";
import { Tensor } from "../../engine/gpu/tensor.ts";
import type { Gpu } from "../../engine/gpu/gpu.ts";
import { randomArray, rng } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";

const gpu = await testGpu();

/** out [dSae, dIn] with src [srcRows, srcCols] written at column colStart, features from featureStart. */
async function check(
  g: Gpu,
  variant: "tiled" | "rows",
  [srcRows, srcCols]: [number, number],
  [dSae, dIn]: [number, number],
  colStart: number,
  featureStart: number,
): Promise<number> {
  const src = randomArray(rng(srcRows * 31 + srcCols), srcRows * srcCols);
  const before = randomArray(rng(7), dSae * dIn);
  const out = Matrix.upload(g, "out", before, dSae, dIn);
  const t = Tensor.from(g, "src", src, [srcRows, srcCols], "f32");
  const rec = new Recorder(g, "test.transposeInto");
  transposeInto(rec, t, colStart, out, featureStart, variant);
  rec.submit();
  const got = new Float32Array(dSae * dIn);
  for (const c of out.chunks) got.set(await c.tensor.toArray(), c.rowStart * dIn);
  const want = before.slice();
  for (let i = 0; i < srcRows; i++) {
    for (let j = 0; j < dSae; j++) {
      want[j * dIn + colStart + i] = src[i * srcCols + featureStart + j];
    }
  }
  assert.deepEqual(got, want, `${variant} [${srcRows}, ${srcCols}] -> [${dSae}, ${dIn}]`);
  const chunks = out.chunks.length;
  out.dispose();
  t.dispose();
  return chunks;
}

for (const variant of ["tiled", "rows"] as const) {
  Deno.test(`transposeInto ${variant}: odd shapes, column offsets, feature ranges`, async () => {
    await check(gpu, variant, [1, 1], [1, 1], 0, 0);
    await check(gpu, variant, [17, 33], [33, 17], 0, 0);
    await check(gpu, variant, [5, 70], [70, 12], 7, 0); // a block of rows of d_in
    await check(gpu, variant, [9, 100], [37, 9], 0, 41); // a range of features
    await check(gpu, variant, [64, 130], [130, 64], 0, 0);
  });
  Deno.test(`transposeInto ${variant}: into a matrix of several row chunks`, async () => {
    const small = await testGpu({ maxBindingBytes: 4096 });
    const chunks = await check(small, variant, [3, 300], [300, 20], 3, 0);
    assert.ok(chunks > 1, `expected several chunks, got ${chunks}`);
  });
}
