// The tiled prompt-attention kernel (shaders/attention_tiled.ts) against the
// f64 reference, forced on whatever T, and the choice `attention` makes by T.
import assert from "node:assert/strict";
import {
  attention,
  type AttentionKernelChoice,
  attentionReference,
  type AttentionShape,
  TILED_MAX_KEY_ELEMENTS,
  TILED_MAX_QUERIES,
  TILED_MIN_QUERIES,
} from "../../shaders/attention.ts";
import {
  ATTENTION_TILES,
  attentionTiledKernel,
  tileBytes,
  tileFor,
} from "../../shaders/attention_tiled.ts";
import { Recorder } from "../../engine/gpu/recorder.ts";
import { Tensor } from "../../engine/gpu/tensor.ts";
import { assertClose, randomArray, rng } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";

const gpu = await testGpu();

// f32 dot products and an online softmax against an f64 reference.
const TOLERANCE = { rel: 1e-5 };

interface Case extends AttentionShape {
  T: number;
  /** Spread of q and k: larger values make the softmax peakier. */
  qkScale: number;
  /** Batched prompts: the segment lengths (summing to T); the first continues past rows. */
  segments?: number[];
}

// T not a multiple of any tile's rows; head_dim odd and at each tile's edge.
const cases: Case[] = [
  { T: 1, pastLength: 0, nHeads: 1, nKvHeads: 1, headDim: 5, qkScale: 1 },
  { T: 19, pastLength: 0, nHeads: 1, nKvHeads: 1, headDim: 5, qkScale: 3 },
  { T: 45, pastLength: 0, nHeads: 8, nKvHeads: 2, headDim: 24, qkScale: 2 },
  { T: 33, pastLength: 17, nHeads: 8, nKvHeads: 2, headDim: 72, qkScale: 1 },
  { T: 21, pastLength: 40, nHeads: 32, nKvHeads: 8, headDim: 128, qkScale: 1 },
  { T: 70, pastLength: 0, nHeads: 4, nKvHeads: 4, headDim: 64, qkScale: 2 },
  { T: 13, pastLength: 5, nHeads: 6, nKvHeads: 2, headDim: 129, qkScale: 1 },
  { T: 11, pastLength: 3, nHeads: 4, nKvHeads: 1, headDim: 256, qkScale: 1 },
  // A group wider than a tile's rows: a block holds some heads of one query.
  { T: 3, pastLength: 2, nHeads: 48, nKvHeads: 1, headDim: 32, qkScale: 1 },
  {
    T: 40,
    pastLength: 0,
    nHeads: 8,
    nKvHeads: 2,
    headDim: 24,
    qkScale: 2,
    segments: [5, 1, 30, 4],
  },
  { T: 20, pastLength: 6, nHeads: 4, nKvHeads: 1, headDim: 72, qkScale: 2, segments: [9, 11] },
];

/** firstKey for `segments`: with pastLength > 0 the first segment began earlier, at row 1. */
function segmentFirstKeys(segments: number[], pastLength: number): Uint32Array {
  const firstKey = new Uint32Array(segments.reduce((a, b) => a + b, 0));
  let at = 0;
  segments.forEach((n, i) => {
    firstKey.fill(i === 0 && pastLength > 0 ? 1 : pastLength + at, at, at + n);
    at += n;
  });
  return firstKey;
}

async function run(c: Case, kernel: AttentionKernelChoice) {
  const { T, nHeads, nKvHeads, headDim, pastLength } = c;
  const ctx = pastLength + T + 3; // rows past pastLength + T hold garbage the kernel must not read
  const random = rng(T * 131 + pastLength * 7 + headDim + nHeads);
  const qShape = [T, nHeads, headDim] as const;
  const q = randomArray(random, T * nHeads * headDim, c.qkScale);
  const k = randomArray(random, ctx * nKvHeads * headDim, c.qkScale);
  const v = randomArray(random, ctx * nKvHeads * headDim);
  const firstKey = c.segments ? segmentFirstKeys(c.segments, pastLength) : undefined;
  const tq = Tensor.from(gpu, "q", q, qShape, "f32");
  const tk = Tensor.from(gpu, "kCache", k, [ctx, nKvHeads, headDim], "f32");
  const tv = Tensor.from(gpu, "vCache", v, [ctx, nKvHeads, headDim], "f32");
  const tf = firstKey ? Tensor.from(gpu, "firstKey", firstKey, [T], "u32") : undefined;
  const out = Tensor.empty(gpu, "out", qShape, "f32");
  const rec = new Recorder(gpu, "test.attention_tiled");
  attention(rec, tq, tk, tv, out, c, tf, kernel);
  rec.submit();
  const got = await out.toArray();
  for (const t of [tq, tk, tv, out, ...(tf ? [tf] : [])]) t.dispose();
  return { got, want: attentionReference(q, k, v, T, c, firstKey), shape: qShape };
}

for (const c of cases) {
  const { T, nHeads, nKvHeads, headDim, pastLength } = c;
  const name = `T=${T} past=${pastLength} heads ${nHeads}/${nKvHeads} headDim ${headDim}` +
    (c.segments ? ` segments ${c.segments}` : "");
  Deno.test(`attention (tiled): ${name} matches the reference`, async () => {
    const { got, want, shape } = await run(c, "tiled");
    assertClose("attention tiled", got, want, { ...TOLERANCE, shape });
  });
}

Deno.test("attention (one-query kernel, forced): a prompt still matches the reference", async () => {
  const c = cases[3];
  const { got, want, shape } = await run(c, "one-query");
  assertClose("attention one-query", got, want, { ...TOLERANCE, shape });
});

Deno.test("attention (tiled): a kernel that misses the diagonal key fails the test", async () => {
  // Scores grow by 50 per key (q = 100 e0, k_j = j e0), so the last key a query
  // sees, its own, takes all the weight: the output is its own v row, and the
  // rows one key later (a kernel that peeks past the diagonal) must not match.
  const T = 20, shape = { pastLength: 0, nHeads: 2, nKvHeads: 1, headDim: 4 };
  const q = new Float32Array(T * 2 * 4).map((_, i) => (i % 4 === 0 ? 100 : 0));
  const k = new Float32Array(T * 4).map((_, i) => (i % 4 === 0 ? i / 4 : 0));
  const v = new Float32Array(T * 4).map((_, i) => i);
  const tq = Tensor.from(gpu, "q", q, [T, 2, 4], "f32");
  const tk = Tensor.from(gpu, "kCache", k, [T, 1, 4], "f32");
  const tv = Tensor.from(gpu, "vCache", v, [T, 1, 4], "f32");
  const out = Tensor.empty(gpu, "out", [T, 2, 4], "f32");
  const rec = new Recorder(gpu, "test.attention_tiled.diagonal");
  attention(rec, tq, tk, tv, out, shape, undefined, "tiled");
  rec.submit();
  const got = await out.toArray();
  const own = new Float32Array(T * 2 * 4).map((_, i) => v[Math.floor(i / 8) * 4 + (i % 4)]);
  assertClose("attention tiled diagonal", got, own, { rel: 1e-3 });
  const later = own.map((x, i) => (Math.floor(i / 8) < T - 1 ? x + 4 : x));
  assert.throws(() => assertClose("attention tiled diagonal", got, later, { rel: 1e-3 }));
  for (const t of [tq, tk, tv, out]) t.dispose();
});

Deno.test("attention (tiled): every tile fits 16 KiB and is picked by head_dim", () => {
  for (const t of ATTENTION_TILES) {
    assert.ok(tileBytes(t) <= 16384, `tile ${JSON.stringify(t)}: ${tileBytes(t)} B`);
    assert.ok(attentionTiledKernel(t, false).key.includes(`_d${t.dim}`));
  }
  assert.equal(tileFor(5)?.dim, 32);
  assert.equal(tileFor(128)?.dim, 128);
  assert.equal(tileFor(129)?.dim, 256);
  assert.equal(tileFor(257), null);
  assert.ok(TILED_MIN_QUERIES > 1, "decode steps (T = 1) keep the one-query kernel");
  assert.ok(TILED_MAX_QUERIES >= TILED_MIN_QUERIES);
});

// At the bound (keys x head_dim = TILED_MAX_KEY_ELEMENTS) the tiled kernel is
// still exact: llvmpipe broke it from about twice that (see attention.ts).
for (const headDim of [64, 128, 256]) {
  Deno.test(`attention (tiled): exact at the bound, ${TILED_MAX_KEY_ELEMENTS / headDim} keys x ${headDim}`, async () => {
    const keys = TILED_MAX_KEY_ELEMENTS / headDim;
    const c: Case = { T: 2, pastLength: keys - 2, nHeads: 4, nKvHeads: 1, headDim, qkScale: 1 };
    const { got, want, shape } = await run(c, "tiled");
    assertClose("attention tiled at the bound", got, want, { ...TOLERANCE, shape });
  });
}
