import assert from "node:assert/strict";
import { matvec, type MatvecConfig, matvecReference } from "../../shaders/matvec.ts";
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

// Both tunings run on every adapter: the software one (picked on llvmpipe) and
// the GPU one, so CI covers the variant real GPUs take.
const CONFIGS: MatvecConfig[] = [{ wg: 8, rows: 8 }, { wg: 32, rows: 4 }];

/** Runs matvec on random x [K] (or [1, K]), w [N, K] and checks out. */
async function checkMatvec(
  g: Gpu,
  K: number,
  N: number,
  config: MatvecConfig,
  rank: 1 | 2,
  seed: number,
) {
  const random = rng(seed);
  const x = randomArray(random, K), w = randomArray(random, N * K);
  const tx = Tensor.from(g, "x", x, rank === 1 ? [K] : [1, K], "f32");
  const tw = Matrix.upload(g, "w", w, N, K);
  const out = Tensor.empty(g, "out", rank === 1 ? [N] : [1, N], "f32");
  const rec = new Recorder(g, "test.matvec");
  matvec(rec, tx, tw, out, config);
  rec.submit();
  assertClose(
    `matvec [${N},${K}] wg${config.wg}_r${config.rows}`,
    await out.toArray(),
    matvecReference(x, w, K, N),
    { rel: REL },
  );
  const chunks = tw.chunks.length;
  tx.dispose();
  tw.dispose();
  out.dispose();
  return chunks;
}

for (const config of CONFIGS) {
  const name = `wg${config.wg}_r${config.rows}`;
  for (const [K, N] of [[7, 1], [64, 5], [100, 200], [129, 513], [4, 3], [1, 17]]) {
    Deno.test(`matvec ${name}: w [${N}, ${K}] @ x matches the reference`, async () => {
      await checkMatvec(gpu, K, N, config, N % 2 ? 1 : 2, K * 1000 + N);
    });
  }

  Deno.test(`matvec ${name}: matrices split into row chunks, vec4 and scalar rows`, async () => {
    // 4096-byte bindings hold 27 rows of 37 floats (28 of 36): w [200, K] becomes 8 chunks.
    const small = await testGpu({ maxBindingBytes: 4096 });
    for (const K of [36, 37]) {
      const chunks = await checkMatvec(small, K, 200, config, 1, K);
      assert.ok(chunks > 1, `expected several chunks, got ${chunks}`);
    }
  });

  Deno.test(`matvec ${name}: more than 65,535 workgroups of rows fold into y`, async () => {
    await checkMatvec(gpu, 4, 65_535 * config.rows + 5, config, 1, 3);
  });
}

Deno.test("matvec: rejects several tokens and mismatched shapes, naming the matrix", () => {
  const tw = Matrix.upload(gpu, "lm_head", new Float32Array(6 * 4), 6, 4);
  const rec = new Recorder(gpu, "test.matvec.bad");
  const x2 = Tensor.empty(gpu, "x", [2, 4], "f32"), out2 = Tensor.empty(gpu, "out", [2, 6], "f32");
  assert.throws(
    () => matvec(rec, x2, tw, out2),
    /^Error: matvec\(lm_head\): x \[2,4\] holds 2 tokens, want 1$/,
  );
  const x = Tensor.empty(gpu, "x", [5], "f32"), out = Tensor.empty(gpu, "out", [6], "f32");
  assert.throws(
    () => matvec(rec, x, tw, out),
    /^Error: matvec\(lm_head\): x \[5\] and out \[6\] do not fit lm_head \[6, 4\]; want x \[T, 4\] and out \[T, 6\]$/,
  );
  assert.equal(rec.dispatchCount, 0);
  for (const t of [x2, out2, x, out, tw]) t.dispose();
});
