import assert from "node:assert/strict";
import { embedding, embeddingReference } from "../../shaders/embedding.ts";
import { Matrix } from "../../engine/gpu/matrix.ts";
import { Recorder } from "../../engine/gpu/recorder.ts";
import { Tensor } from "../../engine/gpu/tensor.ts";
import { assertClose, randomArray, rng } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";
import type { Gpu } from "../../engine/gpu/gpu.ts";

const gpu = await testGpu();

/** Gathers rows of a random table [vocab, H] at `ids` and checks them bit for bit. */
async function checkEmbedding(g: Gpu, ids: number[], vocab: number, H: number, seed: number) {
  const tokens = Uint32Array.from(ids), T = ids.length;
  const table = randomArray(rng(seed), vocab * H);
  const tt = Tensor.from(g, "tokens", tokens, [T], "u32");
  const tm = Matrix.upload(g, "embed_tokens", table, vocab, H);
  const out = Tensor.empty(g, "out", [T, H], "f32");
  const rec = new Recorder(g, "test.embedding");
  embedding(rec, tt, tm, out);
  rec.submit();
  // A gather copies values: exact.
  assertClose(
    `embedding T=${T} H=${H}`,
    await out.toArray(),
    embeddingReference(tokens, table, H),
    {
      abs: 0,
      shape: [T, H],
    },
  );
  const chunks = tm.chunks.length;
  tt.dispose();
  tm.dispose();
  out.dispose();
  return chunks;
}

for (const [T, H, vocab] of [[1, 7, 3], [3, 64, 50], [17, 100, 512], [37, 129, 1000]]) {
  Deno.test(`embedding: T=${T} tokens of a [${vocab}, ${H}] table match the reference`, async () => {
    const random = rng(T * H);
    const ids = Array.from({ length: T }, () => Math.floor(random() * vocab));
    ids[0] = vocab - 1;
    await checkEmbedding(gpu, ids, vocab, H, T + H);
  });
}

Deno.test("embedding: a table split into row chunks serves ids from every chunk", async () => {
  // 4096-byte bindings hold 27 rows of 37 floats: a [100, 37] table becomes 4 chunks.
  const small = await testGpu({ maxBindingBytes: 4096 });
  const ids = [0, 26, 27, 53, 54, 80, 81, 99, 5, 5, 99, 0, 42];
  const chunks = await checkEmbedding(small, ids, 100, 37, 1);
  assert.equal(chunks, 4);
});

Deno.test("embedding: an id outside the table reads nothing and leaves its row alone", async () => {
  const small = await testGpu({ maxBindingBytes: 4096 });
  const H = 37, vocab = 100, table = randomArray(rng(2), vocab * H);
  const ids = Uint32Array.from([3, 100, 0xffffffff, 99]);
  const tt = Tensor.from(small, "tokens", ids, [4], "u32");
  const tm = Matrix.upload(small, "embed_tokens", table, vocab, H);
  const out = Tensor.from(small, "out", new Float32Array(4 * H).fill(7), [4, H], "f32");
  const rec = new Recorder(small, "test.embedding.bad");
  embedding(rec, tt, tm, out);
  rec.submit();
  const got = await out.toArray();
  assert.deepEqual([...got.subarray(0, H)], [...table.subarray(3 * H, 4 * H)]);
  assert.deepEqual([...got.subarray(H, 3 * H)], new Array(2 * H).fill(7));
  assert.deepEqual([...got.subarray(3 * H)], [...table.subarray(99 * H)]);
  tt.dispose();
  tm.dispose();
  out.dispose();
});

Deno.test("embedding: mismatched shapes name the table and both shapes", () => {
  const tm = Matrix.upload(gpu, "embed_tokens", new Float32Array(10 * 4), 10, 4);
  const tt = Tensor.empty(gpu, "tokens", [3], "u32");
  const out = Tensor.empty(gpu, "out", [3, 5], "f32");
  const rec = new Recorder(gpu, "test.embedding.shapes");
  assert.throws(
    () => embedding(rec, tt, tm, out),
    /^Error: embedding\(embed_tokens\): tokens \[3\] and out \[3,5\] do not fit embed_tokens \[10, 4\]; want tokens \[T\] and out \[T, 4\]$/,
  );
  assert.equal(rec.dispatchCount, 0);
  for (const t of [tm, tt, out]) t.dispose();
});
