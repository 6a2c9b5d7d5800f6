// Gradients through quantized weights, with the format's rounding taken out:
// the gradients of a quantized model against those of an f32 model holding
// the very values its codes stand for (the f32 engine's matrices overwritten
// with readWeightMatrix of the quantized ones, or a GGUF loaded to f32).
// What remains is the kernels' own error (f32 sums in other orders), which
// must be ~1e-5 of each gradient's max (2e-5 allowed: stories260K q6k measured
// 7.2e-6 with the one-query attention kernel and 1.25e-5 with the tiled one,
// which sums the same softmax in another order; a wrong term costs ~1e-2): q8 and q4 (linear_backward.wgsl),
// the GGML block formats (linear_backward_ggml.ts) as Loupe quantizes them
// (q4k, q6k) and as a llama.cpp GGUF holds them (Q4_K_M: q4k + q6k + q5_0).
// The format's own effect (quantized gradients against the f32 model's) is
// printed beside it; tests/engine/backward_test.ts guards it for q8.

import assert from "node:assert/strict";
import { Engine } from "../../engine/engine.ts";
import { gradients } from "../../engine/backward.ts";
import type { WeightFormat } from "../../engine/load.ts";
import { readWeightMatrix, type WeightMatrix } from "../../engine/quant/matrix.ts";
import type { Matrix } from "../../engine/gpu/matrix.ts";
import type { LlamaWeights } from "../../engine/model/weights.ts";
import { compareClose } from "../util/compare.ts";
import { testGpu } from "../util/gpu.ts";
import { FIXTURES, modelPath, readReference } from "../util/fixtures.ts";

const gpu = await testGpu();
// Measured at most 2e-6 (see the log lines); the f32 sums of the two models run in other orders.
const KERNEL_TOLERANCE = 2e-5;

function matrices(w: LlamaWeights): WeightMatrix[] {
  return [
    w.embed,
    w.lmHead,
    ...w.layers.flatMap((l) => [l.q, l.k, l.v, l.o, l.gate, l.up, l.down]),
  ];
}

/** Writes the values `from`'s matrices stand for into `to`'s f32 matrices. */
async function copyDequantized(from: LlamaWeights, to: LlamaWeights): Promise<void> {
  const src = matrices(from), dst = matrices(to);
  for (const [i, m] of dst.entries()) {
    assert.equal(m.format, "f32", `the twin's ${m.label} is f32`);
    (m as Matrix).writeRows(0, await readWeightMatrix(src[i]));
  }
}

/** Worst gradient of `a` against `b`, of each tensor's max. */
async function worstRel(
  a: Awaited<ReturnType<typeof gradients>>,
  b: Awaited<ReturnType<typeof gradients>>,
): Promise<number> {
  assert.equal(a.target, b.target);
  let worst = 0;
  for (const [name, g] of a.grads) {
    worst = Math.max(
      worst,
      compareClose(await g.toArray(), await b.grads.get(name)!.toArray()).maxRel,
    );
  }
  return worst;
}

async function check(label: string, quantized: Engine, twin: Engine, tokens: number[]) {
  const f32 = await gradients(twin, tokens), q = await gradients(quantized, tokens);
  try {
    const kernel = await worstRel(q, f32);
    console.log(
      `  ${label}: gradients ${kernel.toExponential(2)} of max from the dequantized f32 twin`,
    );
    assert.ok(kernel <= KERNEL_TOLERANCE, `${label}: ${kernel} of max from the f32 twin`);
    return kernel;
  } finally {
    f32.dispose();
    q.dispose();
  }
}

const CASES: [string, WeightFormat][] = [
  ["llama3-tiny", "q8"],
  ["llama3-tiny", "q4"],
  ["llama3-tiny", "q4k"],
  ["stories260K", "q6k"],
];

for (const [name, quant] of CASES) {
  Deno.test(`backward ${name} ${quant}: equals an f32 model holding the dequantized weights`, async () => {
    const folder = modelPath(name as "llama3-tiny" | "stories260K");
    const tokens = Array.from(
      (await readReference(folder, "reference.safetensors")).get("tokens")!,
    );
    const ref = await readReference(folder, "gradients.safetensors");
    const quantized = await Engine.load(folder, { gpu, quant });
    const twin = await Engine.load(folder, { gpu });
    try {
      await copyDequantized(quantized.weights, twin.weights);
      await check(`${name} ${quant}`, quantized, twin, tokens);
      // The format's own effect, for the record (the f64 autograd reference of the f32 model).
      const q = await gradients(quantized, tokens);
      let format = 0;
      for (const [m, g] of q.grads) {
        format = Math.max(format, compareClose(await g.toArray(), ref.get(`grad.${m}`)!).maxRel);
      }
      q.dispose();
      console.log(
        `  ${name} ${quant}: format effect ${format.toExponential(2)} of max (vs f32 weights)`,
      );
    } finally {
      quantized.dispose();
      twin.dispose();
    }
  });
}

// llama.cpp's files (tests/fixtures/llamacpp): stories260K's 64-wide rows fall back to q5_0 (and
// Q8_0 for some, loaded as q8); the synthetic 256-wide model has pure q4k / q5k / q6k matrices.
const GGUF: [string, string[]][] = [
  ["stories260K-Q4_K_M", ["q5_0"]],
  ["stories260K-Q5_1", ["q5_1"]],
  ["stories260K-Q4_1", ["q4_1"]],
  ["synthetic256-Q4_K", ["q4k"]],
  ["synthetic256-Q5_K", ["q5k"]],
  ["synthetic256-Q6_K", ["q6k"]],
];

for (const [name, want] of GGUF) {
  Deno.test(`backward GGUF ${name} (${want} blocks in place): equals the GGUF loaded to f32`, async () => {
    const file = `${FIXTURES}llamacpp/${name}.gguf`;
    const quantized = await Engine.load(file, { gpu });
    const twin = await Engine.load(file, { gpu, quant: "f32" });
    try {
      const formats = new Set<string>(matrices(quantized.weights).map((m) => m.format));
      assert.ok(want.every((f) => formats.has(f)), `${name}: formats ${[...formats]}`);
      assert.ok(matrices(twin.weights).every((m) => m.format === "f32"));
      const V = quantized.config.vocabSize;
      const tokens = Array.from({ length: 19 }, (_, i) => (i * 37 + 1) % V);
      await check(`GGUF ${name} [${[...formats]}]`, quantized, twin, tokens);
    } finally {
      quantized.dispose();
      twin.dispose();
    }
  });
}
