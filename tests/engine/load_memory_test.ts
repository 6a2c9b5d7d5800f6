// Loaders write checkpoints slab by slab with queue.writeBuffer, which WebGPU
// stages in host memory until the queue has processed it. Without waiting, a
// loader holds a second copy of everything it wrote (the 8B q4 bench had 6.3
// GB of RSS beyond device bytes); Gpu.settleWrites bounds the staged bytes.
// Deno only: it reads the process's RSS.

import assert from "node:assert/strict";
import { testGpu } from "../util/gpu.ts";

const MiB = 1 << 20;

Deno.test("settleWrites keeps staged writes bounded: RSS grows by about the bytes written", async () => {
  const gpu = await testGpu();
  const bufferBytes = 64 * MiB, buffers = 8, slab = new Float32Array(4 * MiB / 4);
  const made: GPUBuffer[] = [];
  const rss0 = Deno.memoryUsage().rss;
  try {
    for (let b = 0; b < buffers; b++) {
      const buf = gpu.createBuffer(
        `settle.${b}`,
        bufferBytes,
        GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST,
      );
      made.push(buf);
      for (let o = 0; o < bufferBytes; o += slab.byteLength) {
        slab.fill(b + o);
        gpu.write(buf, slab, o);
        await gpu.settleWrites(32 * MiB);
      }
    }
    await gpu.settleWrites(0);
    const written = buffers * bufferBytes, grew = Deno.memoryUsage().rss - rss0;
    console.log(
      `  wrote ${written / MiB} MiB into buffers; RSS grew ${(grew / MiB).toFixed(0)} MiB`,
    );
    // The buffers themselves live in host memory on a software adapter (and
    // not at all on a GPU); staging adds at most the threshold plus one slab.
    assert.ok(grew < written + 128 * MiB, `RSS grew ${grew} bytes for ${written} written`);
  } finally {
    for (const b of made) gpu.destroyBuffer(b);
  }
});
