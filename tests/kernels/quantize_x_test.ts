// quantize_x (int8 blocks of x for the dot4 matvec) against its definition:
// every code decodes to within half a step of x, matches the CPU reference's
// code (or its neighbour, at a rounding tie), sits where the q4 code words
// expect it (even elements in the first vec4, odd in the second), the meta
// holds the scale and scale * code sum, and elements past K are zero.

import assert from "node:assert/strict";
import { Recorder } from "../../engine/gpu/recorder.ts";
import { Tensor } from "../../engine/gpu/tensor.ts";
import {
  quantizedXBytes,
  quantizeX,
  quantizeXReference,
  X_BLOCK,
} from "../../shaders/quantize_x.ts";
import { randomArray, rng } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";

const gpu = await testGpu();

async function readBuffer(buffer: GPUBuffer, bytes: number): Promise<ArrayBuffer> {
  const t = new Tensor(gpu, buffer, [bytes / 4], "u32", 0, false);
  return (await t.toArray()).buffer;
}

Deno.test("quantizeX: codes within half a step, packed even/odd per code word, zero past K", async () => {
  const random = rng(5);
  for (const K of [1, 7, 31, 32, 33, 100, 1000]) {
    const x = randomArray(random, K, 3);
    if (K >= 100) x.fill(0, 32, 64); // an all-zero block: scale 0, codes 0
    const bytes = quantizedXBytes(K);
    const codes = gpu.acquire("test.codes", bytes.codes),
      meta = gpu.acquire("test.meta", bytes.meta);
    const tx = Tensor.from(gpu, "x", x, [K], "f32");
    const rec = new Recorder(gpu, "test.quantizeX");
    quantizeX(rec, tx, codes, meta);
    rec.submit();
    const words = new Uint32Array(await readBuffer(codes, bytes.codes));
    const m = new Float32Array(await readBuffer(meta, bytes.meta));
    const ref = quantizeXReference(x);
    const blocks = Math.ceil(K / X_BLOCK);
    for (let b = 0; b < blocks; b++) {
      const s = m[2 * b];
      // Division is exact to 2.5 ulp in WGSL (SwiftShader uses that freedom).
      assert.ok(
        Math.abs(s - ref.scales[b]) <= 1e-6 * ref.scales[b],
        `K ${K} block ${b}: scale ${s}`,
      );
      let sum = 0;
      for (let j = 0; j < X_BLOCK; j++) {
        // Element 8i + e of the block: word 8b + i (even e) or 8b + 4 + i (odd), byte e >> 1.
        const i = j >> 3, e = j & 7;
        const word = words[8 * b + (e & 1 ? 4 : 0) + i];
        const c = (word << (24 - 8 * (e >> 1))) >> 24;
        sum += c;
        const k = b * X_BLOCK + j;
        if (k >= K) {
          assert.equal(c, 0, `K ${K}: element ${k} past K has code ${c}`);
          continue;
        }
        assert.ok(
          Math.abs(c * s - x[k]) <= s / 2 * (1 + 1e-6),
          `K ${K} x[${k}]: ${c} * ${s} vs ${x[k]}`,
        );
        assert.ok(Math.abs(c - ref.codes[k]) <= 1, `K ${K} x[${k}]: code ${c} vs ${ref.codes[k]}`);
      }
      assert.ok(
        Math.abs(m[2 * b + 1] - s * sum) <= 1e-6 * Math.abs(s * sum) + 1e-30,
        `K ${K} block ${b}: sum`,
      );
    }
    tx.dispose();
    gpu.release(codes);
    gpu.release(meta);
  }
});

Deno.test("quantizeX: names what the buffers lack", () => {
  const tx = Tensor.empty(gpu, "x", [100], "f32");
  const small = gpu.acquire("test.small", 16);
  const rec = new Recorder(gpu, "test.quantizeX.bad");
  assert.throws(
    () => quantizeX(rec, tx, small, small),
    /100 values need 128 code bytes and 32 meta bytes/,
  );
  rec.abandon();
  gpu.release(small);
  tx.dispose();
});
