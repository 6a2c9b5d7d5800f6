import assert from "node:assert/strict";
import {
  attention,
  attentionReference,
  type AttentionShape,
  writeKv,
} from "../../shaders/attention.ts";
import {
  recordAttentionSplit,
  splitKeys,
  type SplitOptions,
} from "../../shaders/attention_split.ts";
import { Recorder } from "../../engine/gpu/recorder.ts";
import { Tensor } from "../../engine/gpu/tensor.ts";
import { assertClose, randomArray, rng } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";

const gpu = await testGpu();

// f32 dot products and an online softmax against an f64 reference.
const TOLERANCE = { rel: 1e-5 };

interface Case extends AttentionShape {
  T: number;
  /** Cache rows allocated (>= pastLength + T; the rest must be ignored). */
  ctx: number;
  /** Spread of q and k: larger values make the softmax peakier. */
  qkScale: number;
}

const cases: Case[] = [
  { T: 1, pastLength: 0, nHeads: 1, nKvHeads: 1, headDim: 6, ctx: 4, qkScale: 1 },
  { T: 3, pastLength: 0, nHeads: 4, nKvHeads: 2, headDim: 8, ctx: 3, qkScale: 2 },
  { T: 37, pastLength: 0, nHeads: 8, nKvHeads: 2, headDim: 16, ctx: 40, qkScale: 2 },
  { T: 37, pastLength: 91, nHeads: 4, nKvHeads: 4, headDim: 64, ctx: 130, qkScale: 1 },
  { T: 3, pastLength: 200, nHeads: 4, nKvHeads: 1, headDim: 128, ctx: 203, qkScale: 1 },
  { T: 1, pastLength: 1499, nHeads: 8, nKvHeads: 2, headDim: 128, ctx: 2048, qkScale: 1 },
  { T: 1, pastLength: 1500, nHeads: 6, nKvHeads: 3, headDim: 10, ctx: 1501, qkScale: 4 },
  { T: 2, pastLength: 8190, nHeads: 4, nKvHeads: 1, headDim: 128, ctx: 8192, qkScale: 1 },
  { T: 130, pastLength: 5, nHeads: 2, nKvHeads: 1, headDim: 6, ctx: 135, qkScale: 3 },
];

for (const c of cases) {
  const { T, ctx, nHeads, nKvHeads, headDim, pastLength } = c;
  const name = `T=${T} past=${pastLength} heads ${nHeads}/${nKvHeads} headDim ${headDim}`;
  Deno.test(`attention: ${name} matches the reference`, async () => {
    const random = rng(T * 131 + pastLength * 7 + headDim);
    const qShape = [T, nHeads, headDim] as const;
    const q = randomArray(random, T * nHeads * headDim, c.qkScale);
    // Rows past pastLength + T hold garbage the kernel must not read.
    const k = randomArray(random, ctx * nKvHeads * headDim, c.qkScale);
    const v = randomArray(random, ctx * nKvHeads * headDim);
    const tq = Tensor.from(gpu, "q", q, qShape, "f32");
    const tk = Tensor.from(gpu, "kCache", k, [ctx, nKvHeads, headDim], "f32");
    const tv = Tensor.from(gpu, "vCache", v, [ctx, nKvHeads, headDim], "f32");
    const out = Tensor.empty(gpu, "out", qShape, "f32");
    const rec = new Recorder(gpu, "test.attention");
    attention(rec, tq, tk, tv, out, c);
    rec.submit();
    const want = attentionReference(q, k, v, T, c);
    assertClose("attention", await out.toArray(), want, { ...TOLERANCE, shape: qShape });
    for (const t of [tq, tk, tv, out]) t.dispose();
  });
}

Deno.test("attention: writeKv + prefill then decode steps equals one long prefill", async () => {
  const shape = { nHeads: 4, nKvHeads: 2, headDim: 16 };
  const [ctx, prompt, steps] = [80, 70, 5];
  const row = shape.nKvHeads * shape.headDim;
  const random = rng(42);
  const total = prompt + steps;
  const q = randomArray(random, total * shape.nHeads * shape.headDim);
  const k = randomArray(random, total * row), v = randomArray(random, total * row);
  const kCache = Tensor.empty(gpu, "kCache", [ctx, shape.nKvHeads, shape.headDim], "f32");
  const vCache = Tensor.empty(gpu, "vCache", [ctx, shape.nKvHeads, shape.headDim], "f32");
  const outs: Float32Array[] = [];
  for (let past = 0; past < total; past += past === 0 ? prompt : 1) {
    const T = past === 0 ? prompt : 1;
    const qT = q.subarray(
      past * shape.nHeads * shape.headDim,
      (past + T) * shape.nHeads * shape.headDim,
    );
    const tq = Tensor.from(gpu, "q", qT, [T, shape.nHeads, shape.headDim], "f32");
    const tk = Tensor.from(gpu, "k", k.subarray(past * row, (past + T) * row), [T, row], "f32");
    const tv = Tensor.from(gpu, "v", v.subarray(past * row, (past + T) * row), [T, row], "f32");
    const out = Tensor.empty(gpu, "out", [T, shape.nHeads, shape.headDim], "f32");
    const rec = new Recorder(gpu, "test.attention.steps");
    writeKv(rec, tk, kCache, past);
    writeKv(rec, tv, vCache, past);
    attention(rec, tq, kCache, vCache, out, { ...shape, pastLength: past });
    rec.submit();
    outs.push(await out.toArray());
    for (const t of [tq, tk, tv, out]) t.dispose();
  }
  const got = new Float32Array(outs.flatMap((o) => [...o]));
  const want = attentionReference(q, k, v, total, { ...shape, pastLength: 0 });
  assertClose("attention steps", got, want, {
    ...TOLERANCE,
    shape: [total, shape.nHeads, shape.headDim],
  });
  kCache.dispose();
  vCache.dispose();
});

Deno.test("attention: a query attends to its own position, and the test can fail", async () => {
  // With one huge key score at the query's own position, the output is that row of v;
  // a kernel that stopped one key early would return something else.
  const shape = { nHeads: 1, nKvHeads: 1, headDim: 4, pastLength: 2 };
  const q = new Float32Array([10, 0, 0, 0]);
  const k = new Float32Array([0, 0, 0, 0, 0, 0, 0, 0, 10, 0, 0, 0]);
  const v = new Float32Array([1, 1, 1, 1, 2, 2, 2, 2, 3, 4, 5, 6]);
  const tq = Tensor.from(gpu, "q", q, [1, 1, 4], "f32");
  const tk = Tensor.from(gpu, "kCache", k, [3, 1, 4], "f32");
  const tv = Tensor.from(gpu, "vCache", v, [3, 1, 4], "f32");
  const out = Tensor.empty(gpu, "out", [1, 1, 4], "f32");
  const rec = new Recorder(gpu, "test.attention.self");
  attention(rec, tq, tk, tv, out, shape);
  rec.submit();
  const got = await out.toArray();
  assertClose("attention self", got, [3, 4, 5, 6], { rel: 1e-6 });
  assert.throws(() => assertClose("attention self", got, [2, 2, 2, 2], TOLERANCE));
  for (const t of [tq, tk, tv, out]) t.dispose();
});

Deno.test("attention: rejects a cache too short and heads that do not group", () => {
  const q = Tensor.empty(gpu, "q", [2, 4, 8], "f32");
  const cache = Tensor.empty(gpu, "cache", [5, 2, 8], "f32");
  const rec = new Recorder(gpu, "test.attention.errors");
  const shape = { nHeads: 4, nKvHeads: 2, headDim: 8 };
  assert.throws(
    () => attention(rec, q, cache, cache, q, { ...shape, pastLength: 4 }),
    /needs 6 rows/,
  );
  assert.throws(
    () => attention(rec, q, cache, cache, q, { ...shape, nKvHeads: 3, pastLength: 0 }),
    /multiple/,
  );
  assert.throws(() => writeKv(rec, q.reshape([4, 16]), cache, 2), /does not fit/);
  rec.submit();
  q.dispose();
  cache.dispose();
});

// Batched prompts: segments of a shared cache, each query seeing only its own
// prompt's rows (first keys not multiples of the tile, a segment longer than
// one tile, a one-token segment, and a chunk continuing a segment).
for (
  const [lengths, past] of [
    [[5, 1, 70, 3], 0],
    [[9, 4], 6],
  ] as [number[], number][]
) {
  Deno.test(`attention (segments): prompts of ${lengths} after ${past} rows match the reference`, async () => {
    const shape = { pastLength: past, nHeads: 4, nKvHeads: 2, headDim: 8 };
    const T = lengths.reduce((a, b) => a + b, 0);
    // With past > 0 the first segment began before this chunk, at row 1.
    const firstKey = new Uint32Array(T);
    let at = 0;
    lengths.forEach((n, i) => {
      firstKey.fill(i === 0 && past > 0 ? 1 : past + at, at, at + n);
      at += n;
    });
    const ctx = past + T + 3;
    const random = rng(T * 17 + past);
    const qShape = [T, shape.nHeads, shape.headDim] as const;
    const q = randomArray(random, T * shape.nHeads * shape.headDim, 2);
    const k = randomArray(random, ctx * shape.nKvHeads * shape.headDim, 2);
    const v = randomArray(random, ctx * shape.nKvHeads * shape.headDim);
    const tq = Tensor.from(gpu, "q", q, qShape, "f32");
    const tk = Tensor.from(gpu, "kCache", k, [ctx, shape.nKvHeads, shape.headDim], "f32");
    const tv = Tensor.from(gpu, "vCache", v, [ctx, shape.nKvHeads, shape.headDim], "f32");
    const tf = Tensor.from(gpu, "firstKey", firstKey, [T], "u32");
    const out = Tensor.empty(gpu, "out", qShape, "f32");
    const rec = new Recorder(gpu, "test.attention.segments");
    attention(rec, tq, tk, tv, out, shape, tf);
    rec.submit();
    const got = await out.toArray();
    const want = attentionReference(q, k, v, T, shape, firstKey);
    assertClose("attention segments", got, want, { ...TOLERANCE, shape: qShape });
    // Seeing the other prompts' keys (plain causal attention) must differ.
    if (lengths.length > 2) {
      assert.throws(() =>
        assertClose("causal", got, attentionReference(q, k, v, T, shape), TOLERANCE)
      );
    }
    for (const t of [tq, tk, tv, tf, out]) t.dispose();
  });
}

// The split over key ranges (attention_split.ts). Long contexts through
// `attention` itself: each was silently wrong on llvmpipe with one invocation
// walking all keys (11,000 x 128: 1.7e-2 off; 18,000 x 64; 8,000 x 256).
const splitCases: (Case & { options?: SplitOptions; lengths?: number[] })[] = [
  { T: 2, pastLength: 10998, nHeads: 4, nKvHeads: 1, headDim: 128, ctx: 11000, qkScale: 1 },
  { T: 2, pastLength: 17998, nHeads: 2, nKvHeads: 1, headDim: 64, ctx: 18000, qkScale: 1 },
  { T: 1, pastLength: 7999, nHeads: 2, nKvHeads: 2, headDim: 256, ctx: 8000, qkScale: 1 },
  // Forced, small odd ranges: ranges a query never reaches, partial tiles,
  // query chunks (3 partial rows per dispatch), grouped heads, odd head_dim.
  {
    T: 7,
    pastLength: 40,
    nHeads: 6,
    nKvHeads: 2,
    headDim: 10,
    ctx: 50,
    qkScale: 3,
    options: { keysPerRange: 13, maxPartialBytes: 3 * 6 * 4 * 12 * 4 },
  },
  {
    T: 5,
    pastLength: 0,
    nHeads: 3,
    nKvHeads: 3,
    headDim: 33,
    ctx: 5,
    qkScale: 2,
    options: { keysPerRange: 1 },
  },
  // Batched prompts (firstKey): ranges start at each prompt's first row.
  {
    T: 9,
    pastLength: 0,
    nHeads: 4,
    nKvHeads: 2,
    headDim: 16,
    ctx: 9,
    qkScale: 2,
    options: { keysPerRange: 2, maxPartialBytes: 2 * 4 * 5 * 18 * 4 },
    lengths: [4, 2, 3],
  },
];

for (const c of splitCases) {
  const { T, ctx, nHeads, nKvHeads, headDim, pastLength } = c;
  const name = `T=${T} past=${pastLength} heads ${nHeads}/${nKvHeads} headDim ${headDim}` +
    (c.options ? ` ranges of ${c.options.keysPerRange}` : "") + (c.lengths ? " segments" : "");
  Deno.test(`attention split: ${name} matches the reference`, async () => {
    const random = rng(T * 17 + pastLength * 3 + headDim);
    const qShape = [T, nHeads, headDim] as const;
    const q = randomArray(random, T * nHeads * headDim, c.qkScale);
    const k = randomArray(random, ctx * nKvHeads * headDim, c.qkScale);
    const v = randomArray(random, ctx * nKvHeads * headDim);
    const firstKey = c.lengths?.flatMap((n, i) => {
      const start = c.lengths!.slice(0, i).reduce((a, b) => a + b, 0);
      return Array(n).fill(start);
    });
    const tq = Tensor.from(gpu, "q", q, qShape, "f32");
    const tk = Tensor.from(gpu, "kCache", k, [ctx, nKvHeads, headDim], "f32");
    const tv = Tensor.from(gpu, "vCache", v, [ctx, nKvHeads, headDim], "f32");
    const tf = firstKey
      ? Tensor.from(gpu, "firstKey", new Uint32Array(firstKey), [T], "u32")
      : undefined;
    const out = Tensor.empty(gpu, "out", qShape, "f32");
    const rec = new Recorder(gpu, "test.attention.split");
    if (c.options) recordAttentionSplit(rec, tq, tk, tv, out, c, tf, c.options);
    else {
      assert.ok(pastLength + T > splitKeys(headDim), "the automatic choice must split here");
      attention(rec, tq, tk, tv, out, c);
    }
    rec.submit();
    const want = attentionReference(q, k, v, T, c, firstKey);
    assertClose("attention split", await out.toArray(), want, { ...TOLERANCE, shape: qShape });
    for (const t of [tq, tk, tv, out, ...(tf ? [tf] : [])]) t.dispose();
  });
}
