// llama.cpp as the independent referee for GGUF files: Loupe's logits for
// GGUF files that llama.cpp's own quantizer made, against llama.cpp's logits
// for the same bytes (tests/fixtures/llamacpp/, built by
// tests/fixtures/build/llamacpp.ts; README.md there). Every prompt position.
//
// - F32 files: within 1e-4 x max|logit|.
// - Quantized files, weights: within 1e-4 x max|logit| of llama.cpp run on the
//   same file dequantized to F32 by ggml itself (llama_model_quantize to
//   ALL_F32 with allow_requantize). This is the bit-identical-weights check:
//   a wrong scale, minimum, sign or nibble order in any block type moves the
//   logits by far more than f32 rounding.
// - Quantized files, as llama.cpp runs them: llama.cpp's CPU matmuls also
//   round the activations to 8 bits (Q8_0 blocks of 32 for Q8_0/Q4_0/Q5_0
//   weights, Q8_1 for Q4_1/Q5_1, Q8_K super-blocks of 256 for the K types) and
//   Loupe keeps them f32, so these cannot agree to the bit; the bound is
//   derived from measurement (QUANTIZED_TOLERANCE).
//
// Files are read through the fixture helpers (tests/util), so the file can
// run in Chromium too (the synthetic F32 case, which writes a temp file, is
// ignored there); tests/formats/ is not in the browser suite's list
// (tests/browser/harness.ts BROWSER_TESTS), so today it runs in Deno only.

import assert from "node:assert/strict";
import { Engine } from "../../engine/engine.ts";
import { readGgufHeader } from "../../engine/formats/gguf_header.ts";
import { openSource } from "../../engine/formats/source.ts";
import { memoryReader } from "../../engine/platform/bytes.ts";
import { dequantizeGgml } from "../../engine/quant/ggml.ts";
import { quantizeKRows } from "../../engine/quant/kquant.ts";
import { assertClose, compareClose } from "../util/compare.ts";
import { FIXTURES, readReference } from "../util/fixtures.ts";
import { IN_BROWSER } from "../util/fixtures_dir.ts";
import { testGpu } from "../util/gpu.ts";
import { type GgufFile, readGguf } from "../util/gguf_file.ts";
import { buildSyntheticGguf, sha256Hex, SYNTHETIC } from "../util/synthetic_gguf.ts";

interface FileRecord {
  variant: string;
  /** Relative to tests/fixtures/, or null: not stored (rebuilt from a seed when `rebuild`). */
  file: string | null;
  rebuild: boolean;
  /** Whether logits.safetensors has llama.cpp's logits for it. */
  logits: boolean;
  sha256: string;
  tensorTypes: Record<string, string>;
}
interface Manifest {
  models: Record<string, { tokens: number[]; vocab: number; files: FileRecord[] }>;
}

const gpu = await testGpu();
const DIR = `${FIXTURES}llamacpp`;
const fixtures = await openSource(FIXTURES);
const manifest: Manifest = JSON.parse(await fixtures.text("llamacpp/llamacpp.json"));
const reference = await readReference(DIR, "logits.safetensors");

/** F32 files, and every file against llama.cpp on its weights dequantized to F32. */
const F32_TOLERANCE = 1e-4;
/**
 * Quantized files against llama.cpp's logits for the file as stored, as a
 * fraction of max|logit|: llama.cpp rounds every matmul's input to 8-bit
 * blocks (relative RMS error ~ (amax/127)/sqrt(12)/rms, ~0.5% a matmul), which
 * Loupe does not. Measured 1.2e-2 to 1.3e-2 on stories260K (5 layers, max|logit|
 * 20) and 1.7e-2 to 2.1e-2 on synthetic256 (2 layers, max|logit| 12), about the
 * same for every weight type, as an activation error would be; the bounds are
 * 1.5x the worst measured.
 */
const QUANTIZED_TOLERANCE: Record<string, number> = { stories260K: 2e-2, [SYNTHETIC.name]: 3.2e-2 };

async function fileBytes(file: string): Promise<Uint8Array> {
  const reader = await fixtures.open(file);
  try {
    return await reader.read(0, reader.size);
  } finally {
    reader.close();
  }
}

async function loupeLogits(path: string, tokens: number[]): Promise<Float32Array> {
  const engine = await Engine.load(path, { gpu });
  try {
    const result = await engine.forward(tokens, { allLogits: true });
    try {
      return await result.logits.toArray();
    } finally {
      result.dispose();
    }
  } finally {
    engine.dispose();
  }
}

for (const [model, entry] of Object.entries(manifest.models)) {
  const f32 = reference.get(`${model}.F32`) as Float32Array;
  for (const rec of entry.files.filter((f) => f.logits)) {
    const tol = rec.variant === "F32" ? F32_TOLERANCE : QUANTIZED_TOLERANCE[model];
    const synthetic = rec.rebuild;
    Deno.test({
      name: `llama.cpp referee ${model} ${rec.variant}: logits match llama.cpp's`,
      // The synthetic F32 file is rebuilt from its seed and written to a temp file.
      ignore: synthetic && IN_BROWSER,
      fn: async () => {
        assert.ok(tol !== undefined, `${model}: no tolerance stated`);
        const bytes = synthetic
          ? buildSyntheticGguf(await fileBytes("models/stories260K/gguf/stories260K.gguf"))
          : await fileBytes(rec.file!);
        assert.equal(
          await sha256Hex(bytes),
          rec.sha256,
          `${model} ${rec.variant}: file differs from the one llama.cpp evaluated`,
        );
        // Loupe's header parser reads the ggml type llama.cpp wrote for every tensor.
        const header = await readGgufHeader(memoryReader(rec.file ?? "synthetic", bytes));
        assert.deepEqual(
          Object.fromEntries(header.tensors.map((t) => [t.name, t.type])),
          rec.tensorTypes,
          `${model} ${rec.variant}: tensor types differ from llama.cpp's`,
        );
        let path = `${FIXTURES}${rec.file}`;
        let tmp: string | undefined;
        if (synthetic) {
          tmp = await Deno.makeTempFile({ suffix: ".gguf" });
          await Deno.writeFile(tmp, bytes);
          path = tmp;
        }
        try {
          const want = reference.get(`${model}.${rec.variant}`) as Float32Array;
          const got = await loupeLogits(path, entry.tokens);
          const shape = [entry.tokens.length, entry.vocab];
          let line = `  ${model} ${rec.variant}:`;
          if (rec.variant !== "F32") {
            // The bit-identical-weights check: llama.cpp on the same weights dequantized by ggml.
            const exact = reference.get(`${model}.${rec.variant}.dequantized`) as Float32Array;
            const d = assertClose(
              `${model} ${rec.variant} vs llama.cpp's dequantized weights`,
              got,
              exact,
              {
                rel: F32_TOLERANCE,
                shape,
              },
            );
            line += ` dequantized ${d.maxRel.toExponential(2)};`;
          }
          const r = assertClose(`${model} ${rec.variant} logits vs llama.cpp`, got, want, {
            rel: tol,
            shape,
          });
          line += ` as stored ${r.maxRel.toExponential(2)} of max|logit|`;
          if (rec.variant !== "F32") {
            // How far llama.cpp's own quantized logits are from its F32 ones.
            const gap = compareClose(want, f32).maxAbs;
            line += `; llama.cpp ${rec.variant} vs F32 ${gap.toExponential(2)} (ratio ${
              (r.maxAbs / gap).toFixed(3)
            })`;
          }
          console.log(line);
        } finally {
          if (tmp) await Deno.remove(tmp);
        }
      },
    });
  }
}

// Loupe's own K quantizers (engine/quant/kquant.ts) against llama.cpp's on the
// same F32 weights: two synthetic256 matrices (768 super-blocks, one of them
// two super-blocks a row), quantized by each, relative RMS error of the
// dequantized weights. Measured Loupe / llama.cpp: Q4_K 0.999, Q5_K 0.991,
// Q6_K 0.976 (over all 16 matrices: 1.000, 0.991, 0.976). The blocks are not
// bit-identical (different search code), only the layouts are.
const QUANTIZER_TENSORS = ["blk.0.ffn_down.weight", "blk.1.attn_q.weight"];
/** Loupe's error may exceed llama.cpp's by at most 2%. */
const MAX_ERROR_RATIO = 1.02;

function tensorData(bytes: Uint8Array, file: GgufFile, name: string, length: number) {
  const t = file.tensors.find((t) => t.name === name);
  if (!t) throw new Error(`no tensor ${name}`);
  return bytes.slice(file.dataOffset + t.offset, file.dataOffset + t.offset + length);
}

for (const [format, type] of [["q4k", "Q4_K"], ["q5k", "Q5_K"], ["q6k", "Q6_K"]] as const) {
  Deno.test(`Loupe's ${format} quantizer errs no more than ${MAX_ERROR_RATIO}x llama.cpp's ${type}`, async () => {
    const f32Bytes = buildSyntheticGguf(
      await fileBytes("models/stories260K/gguf/stories260K.gguf"),
    );
    const f32File = readGguf(f32Bytes);
    const qBytes = await fileBytes(`llamacpp/${SYNTHETIC.name}-${type}.gguf`);
    const qFile = readGguf(qBytes);
    let loupe = 0, llamacpp = 0, norm = 0;
    for (const name of QUANTIZER_TENSORS) {
      const [cols, rows] = f32File.tensors.find((t) => t.name === name)!.dims;
      const n = cols * rows;
      const weights = new Float32Array(tensorData(f32Bytes, f32File, name, n * 4).buffer);
      const mine = quantizeKRows(format, weights, cols);
      const theirs = tensorData(qBytes, qFile, name, mine.length);
      const a = dequantizeGgml(type, mine, n);
      const b = dequantizeGgml(type, theirs, n);
      for (let i = 0; i < n; i++) {
        loupe += (a[i] - weights[i]) ** 2;
        llamacpp += (b[i] - weights[i]) ** 2;
        norm += weights[i] ** 2;
      }
    }
    const ratio = Math.sqrt(loupe / llamacpp);
    console.log(
      `  ${type}: relative RMS error Loupe ${Math.sqrt(loupe / norm).toExponential(3)}, ` +
        `llama.cpp ${Math.sqrt(llamacpp / norm).toExponential(3)} (ratio ${ratio.toFixed(4)})`,
    );
    assert.ok(llamacpp > 0, `${type}: llama.cpp's file has no quantization error: wrong tensors?`);
    assert.ok(
      ratio <= MAX_ERROR_RATIO,
      `${format}: Loupe's RMS error is ${
        ratio.toFixed(4)
      }x llama.cpp's ${type} on ${QUANTIZER_TENSORS}`,
    );
  });
}
