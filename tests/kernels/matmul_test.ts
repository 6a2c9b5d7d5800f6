import assert from "node:assert/strict";
import { linear } from "../../shaders/linear.ts";
import { matmulKernel, matmulReference, matmulTiled } from "../../shaders/matmul.ts";
import {
  largestRowsTile,
  matmulRows,
  matmulRowsKernel,
  rowsTile,
} from "../../shaders/matmul_rows.ts";
import { matvecConfig, matvecKernel } from "../../shaders/matvec.ts";
import { Matrix } from "../../engine/gpu/matrix.ts";
import { Recorder } from "../../engine/gpu/recorder.ts";
import { Tensor } from "../../engine/gpu/tensor.ts";
import { assertClose, randomArray, rng } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";
import type { Gpu } from "../../engine/gpu/gpu.ts";

// f32 accumulation over K <= 129 terms against an f64 reference: observed
// errors are <= 5e-7 of max|want|, so 1e-5 leaves margin yet catches any wrong term.
const REL = 1e-5;

const gpu = await testGpu();

const LARGEST = largestRowsTile(gpu);

type MatmulFn = (rec: Recorder, x: Tensor<"f32">, w: Matrix, out: Tensor<"f32">) => void;
/**
 * The GPU kernel (tiled), the software-adapter one (rows, its tuning) and the
 * rows one at odd sizes (3 rows x 5 tokens per thread, 4 threads).
 */
const KERNELS: Record<string, MatmulFn> = {
  matmulTiled,
  matmulRows,
  "matmulRows 4x3x5": (rec, x, w, out) => matmulRows(rec, x, w, out, { wg: 4, rows: 3, tokens: 5 }),
  // The largest tile rowsTile picks here (32 on llvmpipe, 16 on SwiftShader),
  // with scalar dot accumulators, on shapes it overhangs.
  [`matmulRows ${LARGEST}x${LARGEST} dot`]: (rec, x, w, out) =>
    matmulRows(rec, x, w, out, { wg: 8, rows: LARGEST, tokens: LARGEST, dot: true }),
};

/** Runs `kernel` on random x [T, K], w [N, K] and checks out [T, N]. */
async function checkMatmul(
  g: Gpu,
  T: number,
  K: number,
  N: number,
  seed: number,
  kernel: MatmulFn = matmulTiled,
) {
  const random = rng(seed);
  const x = randomArray(random, T * K), w = randomArray(random, N * K);
  const tx = Tensor.from(g, "x", x, [T, K], "f32");
  const tw = Matrix.upload(g, "w", w, N, K);
  const out = Tensor.empty(g, "out", [T, N], "f32");
  const rec = new Recorder(g, "test.matmul");
  kernel(rec, tx, tw, out);
  rec.submit();
  assertClose(
    `matmul [${T},${K}]x[${N},${K}]^T`,
    await out.toArray(),
    matmulReference(x, w, T, K, N),
    {
      rel: REL,
      shape: [T, N],
    },
  );
  const chunks = tw.chunks.length;
  tx.dispose();
  tw.dispose();
  out.dispose();
  return chunks;
}

for (const [name, kernel] of Object.entries(KERNELS)) {
  Deno.test(`${name}: odd shapes match the reference`, async () => {
    for (const [T, K, N] of [[1, 7, 5], [3, 64, 1], [17, 100, 200], [37, 129, 513], [2, 4, 33]]) {
      await checkMatmul(gpu, T, K, N, T * 1000 + K * 10 + N, kernel);
    }
  });

  Deno.test(`${name}: a matrix split into row chunks fills every column of out`, async () => {
    // 4096-byte bindings hold 27 rows of 37 floats: w [200, 37] becomes 8 chunks.
    const small = await testGpu({ maxBindingBytes: 4096 });
    const chunks = await checkMatmul(small, 5, 37, 200, 7, kernel);
    assert.ok(chunks > 1, `expected several chunks, got ${chunks}`);
  });

  Deno.test(`${name}: x and out may be row views at a byte offset`, async () => {
    // Row offsets must be multiples of 256 bytes: rows of 64 floats.
    const T = 3, K = 64, N = 64, random = rng(11);
    const xAll = randomArray(random, (T + 2) * K), w = randomArray(random, N * K);
    const txAll = Tensor.from(gpu, "xAll", xAll, [T + 2, K], "f32");
    const outAll = Tensor.from(
      gpu,
      "outAll",
      new Float32Array((T + 2) * N).fill(9),
      [T + 2, N],
      "f32",
    );
    const tw = Matrix.upload(gpu, "w", w, N, K);
    const rec = new Recorder(gpu, "test.matmul.views");
    kernel(rec, txAll.rows(2, T), tw, outAll.rows(1, T));
    rec.submit();
    const got = await outAll.toArray();
    const want = matmulReference(xAll.subarray(2 * K), w, T, K, N);
    assertClose("matmul views", got.subarray(N, (T + 1) * N), want, { rel: REL, shape: [T, N] });
    // Rows outside the view stay as they were.
    assert.deepEqual(
      [...got.subarray(0, N), ...got.subarray((T + 1) * N)],
      new Array(2 * N).fill(9),
    );
    txAll.dispose();
    outAll.dispose();
    tw.dispose();
  });
}

Deno.test("linear: picks matvec for one token and, for several, the matmul that suits the adapter", async () => {
  const own = await testGpu({ name: "linear-dispatch" });
  const K = 12, N = 9, random = rng(5);
  const w = randomArray(random, N * K);
  const tw = Matrix.upload(own, "w", w, N, K);
  for (const T of [1, 4]) {
    const x = randomArray(random, T * K);
    const tx = Tensor.from(own, "x", x, [T, K], "f32");
    const out = Tensor.empty(own, "out", [T, N], "f32");
    const rec = new Recorder(own, "test.linear");
    linear(rec, tx, tw, out);
    rec.submit();
    assertClose(`linear T=${T}`, await out.toArray(), matmulReference(x, w, T, K, N), {
      rel: REL,
      shape: [T, N],
    });
    tx.dispose();
    out.dispose();
  }
  const matmul = own.isFallbackAdapter ? matmulRowsKernel(true, rowsTile(4, N)) : matmulKernel;
  assert.deepEqual(own.pipelineKeys, [matmul.key, matvecKernel(K, matvecConfig(own)).key].sort());
  tw.dispose();
});

Deno.test("linear: mismatched shapes name the matrix and both shapes", () => {
  const tw = Matrix.upload(gpu, "layers.0.mlp.up_proj", new Float32Array(6 * 4), 6, 4);
  const cases: [number[], number[]][] = [[[2, 5], [2, 6]], [[2, 4], [2, 5]], [[2, 4], [3, 6]], [
    [2, 2, 4],
    [2, 6],
  ]];
  for (const [xs, os] of cases) {
    const x = Tensor.empty(gpu, "x", xs, "f32"), out = Tensor.empty(gpu, "out", os, "f32");
    const rec = new Recorder(gpu, "test.linear.bad");
    const expected = new RegExp(
      `^Error: linear\\(layers\\.0\\.mlp\\.up_proj\\): x \\[${xs}\\] and out \\[${os}\\] do not fit ` +
        `layers\\.0\\.mlp\\.up_proj \\[6, 4\\]; want x \\[T, 4\\] and out \\[T, 6\\]$`,
    );
    assert.throws(() => linear(rec, x, tw, out), expected);
    assert.throws(() => matmulTiled(rec, x, tw, out), /^Error: matmulTiled\(layers/);
    assert.throws(() => matmulRows(rec, x, tw, out), /^Error: matmulRows\(layers/);
    assert.equal(rec.dispatchCount, 0);
    x.dispose();
    out.dispose();
  }
  tw.dispose();
});

Deno.test("rowsTile: the largest square tile the prompt and the matrix fill", () => {
  assert.deepEqual(rowsTile(128, 4096), { wg: 8, rows: 32, tokens: 32, dot: true });
  assert.deepEqual(rowsTile(20, 4096), { wg: 8, rows: 16, tokens: 16, dot: true });
  assert.deepEqual(rowsTile(128, 200), { wg: 8, rows: 16, tokens: 16, dot: true });
  assert.deepEqual(rowsTile(3, 4096), { wg: 8, rows: 8, tokens: 8, dot: true });
  assert.deepEqual(rowsTile(128, 4096, 16), { wg: 8, rows: 16, tokens: 16, dot: true });
});
