// The GGML block-format kernels (matvec_ggml, matmul_ggml_rows, the embedding
// gather and linear's dispatch) against the plain-TS reference: the rows'
// bytes dequantized by dequantizeGgml, multiplied in f64. Every block format
// on random blocks with odd row counts; the K formats also as Loupe
// quantizes them at widths that are not whole super-blocks (zero-padded);
// T = 1, 5 and 37; row chunks. Shapes stay tiny: Chromium runs this too.

import assert from "node:assert/strict";
import {
  BLOCK_FORMAT_TYPE,
  BLOCK_FORMATS,
  type BlockFormat,
  BlockMatrix,
} from "../../engine/quant/block_matrix.ts";
import { dequantizeGgml, f16Bits, ggmlBlock } from "../../engine/quant/ggml.ts";
import { quantizeKRows } from "../../engine/quant/kquant.ts";
import { readWeightMatrix } from "../../engine/quant/matrix.ts";
import { Recorder } from "../../engine/gpu/recorder.ts";
import { Tensor } from "../../engine/gpu/tensor.ts";
import type { Gpu } from "../../engine/gpu/gpu.ts";
import { matmulReference } from "../../shaders/matmul.ts";
import { linear } from "../../shaders/linear.ts";
import { matvecGgml, type MatvecGgmlConfig } from "../../shaders/matvec_ggml.ts";
import { matmulGgmlRows, matmulGgmlRowsExpanded } from "../../shaders/matmul_ggml_rows.ts";
import { dequantGgmlRows } from "../../shaders/dequant_ggml_rows.ts";
import type { MatmulRowsConfig } from "../../shaders/matmul_rows.ts";
import { embedding, embeddingReference } from "../../shaders/embedding.ts";
import { assertClose, randomArray, rng } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";
import { IN_BROWSER } from "../util/fixtures_dir.ts";

// f32 sums of f32 products (with fma) against f64: seen well under 1e-6 of
// max|want| at these K; 1e-5 has margin and still catches any wrong code,
// scale or group (each moves outputs by ~1e-2 of max|want| or more).
const REL = 1e-5;

/** Byte offsets of each format's f16 fields: set to finite values in random blocks. */
const HALVES: Record<BlockFormat, number[]> = {
  q4_1: [0, 2],
  q5_0: [0],
  q5_1: [0, 2],
  q4k: [0, 2],
  q5k: [0, 2],
  q6k: [208],
};

/** `rows` random rows of `cols` (whole blocks) in ggml's bytes: random codes, small scales. */
function randomRows(format: BlockFormat, rows: number, cols: number, seed: number): Uint8Array {
  const random = rng(seed), { elems, bytes: per } = ggmlBlock(BLOCK_FORMAT_TYPE[format]);
  const blocks = rows * cols / elems, out = new Uint8Array(blocks * per);
  for (let i = 0; i < out.length; i++) out[i] = Math.floor(random() * 256);
  const view = new DataView(out.buffer);
  for (let b = 0; b < blocks; b++) {
    for (const at of HALVES[format]) {
      view.setUint16(
        b * per + at,
        f16Bits((random() * 2 - 1) * (elems === 256 ? 0.01 : 0.1)),
        true,
      );
    }
  }
  return out;
}

interface Case {
  format: BlockFormat;
  rows: number;
  cols: number;
  /** The matrix's ggml bytes and the f32 values they stand for. */
  bytes: Uint8Array;
  w: Float32Array;
}

/** GGUF-like rows (whole blocks), or rows Loupe quantizes (K formats, any width). */
function makeCase(format: BlockFormat, rows: number, cols: number, seed: number): Case {
  const { elems } = ggmlBlock(BLOCK_FORMAT_TYPE[format]);
  let bytes: Uint8Array;
  if (cols % elems === 0) bytes = randomRows(format, rows, cols, seed);
  else {
    if (format !== "q4k" && format !== "q5k" && format !== "q6k") {
      throw new Error("whole blocks only");
    }
    bytes = quantizeKRows(format, randomArray(rng(seed), rows * cols), cols);
  }
  const padded = Math.ceil(cols / elems) * elems;
  const all = dequantizeGgml(BLOCK_FORMAT_TYPE[format], bytes, rows * padded);
  const w = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) w.set(all.subarray(r * padded, r * padded + cols), r * cols);
  return { format, rows, cols, bytes, w };
}

function upload(g: Gpu, c: Case): BlockMatrix {
  const m = BlockMatrix.create(g, `w.${c.format}`, c.rows, c.cols, c.format);
  m.writeBlocks(0, c.bytes);
  return m;
}

type Run = "matvec" | "rows" | "linear" | "expanded";

async function check(
  g: Gpu,
  c: Case,
  T: number,
  run: Run,
  config?: MatvecGgmlConfig | MatmulRowsConfig,
): Promise<number> {
  const random = rng(c.rows * 7 + c.cols + T);
  const x = randomArray(random, T * c.cols);
  const m = upload(g, c);
  const tx = Tensor.from(g, "x", x, T === 1 ? [c.cols] : [T, c.cols], "f32");
  const out = Tensor.empty(g, "out", T === 1 ? [c.rows] : [T, c.rows], "f32");
  try {
    const rec = new Recorder(g, "test.ggml");
    if (run === "matvec") matvecGgml(rec, tx, m, out, config as MatvecGgmlConfig | undefined);
    else if (run === "rows") {
      matmulGgmlRows(rec, tx, m, out, config as MatmulRowsConfig | undefined);
    } else if (run === "expanded") {
      // Slabs of 64 rows (the 8 x 8 tile's span at T < 32): several per chunk.
      matmulGgmlRowsExpanded(rec, tx, m, out, 64 * c.cols * 4);
    } else linear(rec, tx, m, out);
    rec.submit();
    const want = matmulReference(x, c.w, T, c.cols, c.rows);
    const tag = config ? ` ${JSON.stringify(config)}` : "";
    assertClose(
      `${run} ${c.format} [${c.rows}, ${c.cols}] T=${T}${tag}`,
      await out.toArray(),
      want,
      {
        rel: REL,
        shape: [T, c.rows],
      },
    );
    return m.chunks.length;
  } finally {
    for (const t of [m, tx, out]) t.dispose();
  }
}

const gpu = await testGpu();

// Kernel variants compile slowly on software adapters (a matvec owning 6-8
// rows per thread: ~1 s on llvmpipe under load), so every format runs small tunings of
// both splits (x uniform, and storage) and of the rows kernel, and only q4k and
// q6k, the formats Loupe quantizes to, also run the production tunings (via
// linear) and the zero-padded widths. The template is shared, so the per-type
// part under test is each snippet's ggml_group, which every variant calls.
const SMALL_ROWS: MatvecGgmlConfig = { wg: 4, rows: 2, split: "rows" };
const SMALL_K: MatvecGgmlConfig = { wg: 4, rows: 3, split: "k", uniformX: false };
const SMALL_TOKENS: MatmulRowsConfig = { wg: 4, rows: 2, tokens: 3 };

for (const format of BLOCK_FORMATS) {
  Deno.test(`ggml kernels ${format}: random blocks, odd rows; matvec (both splits), T = 5`, async () => {
    const cols = ggmlBlock(BLOCK_FORMAT_TYPE[format]).elems === 32 ? 96 : 512;
    const c = makeCase(format, 13, cols, cols);
    await check(gpu, c, 1, "matvec", SMALL_ROWS);
    await check(gpu, c, 1, "matvec", SMALL_K);
    await check(gpu, c, 5, "rows", SMALL_TOKENS);
  });
}

// Chromium (SwiftShader compiles these slowly: ~15 s per format) runs q4k's;
// Deno both.
for (const format of IN_BROWSER ? ["q4k"] as const : ["q4k", "q6k"] as const) {
  Deno.test(`ggml kernels ${format}: linear's tunings at T = 1, 3, 37; padded widths 37 and 300`, async () => {
    // The production tunings (through linear: 8 rows per thread on software
    // adapters, the slowest variant to compile) at one width; the other
    // adapter kind's matvec (32 threads splitting K over 4 rows).
    const c = makeCase(format, 11, 256, 1);
    for (const T of [1, 3, 37]) await check(gpu, c, T, "linear");
    await check(gpu, makeCase(format, 9, 512, 2), 1, "matvec", { wg: 32, rows: 4, split: "k" });
    // 37: scalar x loads and a partial group; 300: a zero-padded second super-block.
    for (const cols of [37, 300]) {
      const p = makeCase(format, 11, cols, cols + 1);
      await check(gpu, p, 1, "matvec", SMALL_ROWS);
      await check(gpu, p, 1, "matvec", SMALL_K);
      await check(gpu, p, 5, "rows", SMALL_TOKENS);
    }
  });
}

// The expanded prefill path (software adapters): each format's ggml_group
// writes exactly the CPU's values from a row offset, with a partial last group
// (K = 300, padded K types) where K allows; then slabs through the f32 rows
// kernel, several per chunk, with a partial last slab, and row chunks.
for (const format of BLOCK_FORMATS) {
  Deno.test(`ggml ${format}: dequantGgmlRows exactly the CPU values; the expanded matmul`, async () => {
    const k = ggmlBlock(BLOCK_FORMAT_TYPE[format]).elems === 256;
    for (const cols of k ? [512, 300] : [96]) {
      const c = makeCase(format, 21, cols, cols + 3);
      const [row0, rows] = [5, 13];
      const m = upload(gpu, c);
      const out = gpu.acquire("test.dequantGgml", rows * cols * 4);
      const read = Tensor.empty(gpu, "test.dequantGgml.read", [rows * cols], "f32");
      try {
        const rec = new Recorder(gpu, "test.dequantGgmlRows");
        dequantGgmlRows(rec, m.layout, m.chunks[0], row0, rows, out);
        rec.copy(out, 0, read.buffer, 0, rows * cols * 4);
        rec.submit();
        assertClose(
          `dequantGgmlRows ${format} K=${cols}`,
          await read.toArray(),
          c.w.subarray(row0 * cols, (row0 + rows) * cols),
          { rel: 0, shape: [rows, cols] },
        );
      } finally {
        gpu.release(out);
        for (const t of [m, read]) t.dispose();
      }
    }
    await check(gpu, makeCase(format, 150, k ? 256 : 96, 9), 9, "expanded");
  });
}

Deno.test("ggml kernels: the expanded matmul over row chunks; bad slabs refused", async () => {
  const small = await testGpu({ maxBindingBytes: 16384 });
  const chunks = await check(small, makeCase("q6k", 300, 256, 7), 5, "expanded");
  assert.ok(chunks > 1, `expected several chunks, got ${chunks}`);
  const m = upload(gpu, makeCase("q4k", 9, 256, 8));
  const out = gpu.acquire("test.dequantGgml.bad", 4 * 256 * 4);
  try {
    const rec = new Recorder(gpu, "test.dequantGgmlRows.bad");
    assert.throws(
      () => dequantGgmlRows(rec, m.layout, m.chunks[0], 7, 4, out),
      /rows \[7, 11\) outside the chunk's 9/,
    );
    assert.throws(
      () => dequantGgmlRows(rec, m.layout, m.chunks[0], 0, 5, out),
      /out holds 4096 bytes, want 5120/,
    );
  } finally {
    gpu.release(out);
    m.dispose();
  }
});

Deno.test("ggml kernels: matrices split into row chunks", async () => {
  const small = await testGpu({ maxBindingBytes: 4096 });
  const c = makeCase("q4k", 70, 256, 5);
  const chunks = await check(small, c, 1, "matvec", SMALL_ROWS);
  assert.ok(chunks > 1, `expected several chunks, got ${chunks}`);
  await check(small, c, 1, "matvec", SMALL_K);
  await check(small, c, 3, "rows", SMALL_TOKENS);
});

Deno.test("ggml: readWeightMatrix and the embedding gather read padded K rows", async () => {
  for (const format of ["q4k", "q6k"] as const) {
    const c = makeCase(format, 9, 37, 3);
    const m = upload(gpu, c);
    const tokens = Tensor.from(gpu, "tokens", new Uint32Array([3, 0, 8, 3]), [4], "u32");
    const out = Tensor.empty(gpu, "out", [4, 37], "f32");
    try {
      assertClose(`${format} read back`, await readWeightMatrix(m), c.w, { rel: 0 });
      const rec = new Recorder(gpu, "test.ggml.embedding");
      embedding(rec, tokens, m, out);
      rec.submit();
      const want = embeddingReference(new Uint32Array([3, 0, 8, 3]), c.w, 37);
      assertClose(`embedding ${format}`, await out.toArray(), want, { rel: 1e-6, shape: [4, 37] });
    } finally {
      for (const t of [m, tokens, out]) t.dispose();
    }
  }
});

Deno.test("BlockMatrix: Loupe does not quantize q5_0; bad rows are refused by name", () => {
  const m = BlockMatrix.create(gpu, "blk.0.ffn_down", 3, 64, "q5_0");
  assert.throws(
    () => m.writeRows(0, new Float32Array(64)),
    /blk\.0\.ffn_down: Loupe cannot quantize to q5_0/,
  );
  assert.throws(() => m.writeBlocks(0, new Uint8Array(25)), /not whole Q5_0 rows of 44 bytes/);
  assert.throws(() => m.writeBlocks(2, new Uint8Array(88)), /rows \[2, 4\) outside \[0, 3\)/);
  m.dispose();
});
