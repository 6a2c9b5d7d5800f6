// Quantized models against the f32 reference logits of every fixture: mean
// KL(quantized || f32) over the reference prompt's positions <= 1e-3 for q8,
// q8 greedy ids equal to the reference for 32 tokens on stories260K, and
// device bytes of an 8B-shaped model within 0.3x (q8) and 0.17x (q4) of f32.
//
// q4 does NOT reach the 2e-2 on these tiny models (hidden 64-128): no
// 4-bit scheme measured does, and by the rate-distortion bound none can on
// llama3-tiny or stories260K: an R-bit quantizer of Gaussian weights has RMS
// error at least 2^-R of theirs, and f32 weights plus Gaussian noise of that
// size (an ideal quantizer) already give mean KL 1.4e-1 / 3.9e-2 at 4 bits
// (`deno task bench accuracy`, ARCHITECTURE.md "Quantization"). Its bounds
// here are the measured values plus ~30%, a regression guard, not the
// acceptance target. With the embedding and lm_head kept at q8 (embedQuant),
// tinystories-656k, the one real Hugging Face model here, does meet 2e-2.

import assert from "node:assert/strict";
import { Engine } from "../../engine/engine.ts";
import { expectedTensors } from "../../engine/model/weights.ts";
import { type QuantFormat, quantLayout, rowBytes } from "../../engine/quant/format.ts";
import { QuantMatrix } from "../../engine/quant/matrix.ts";
import { meanKl } from "../../engine/quant/kl.ts";
import { LLAMA_8B_2L } from "../../bench/decode.ts";
import { testGpu } from "../util/gpu.ts";
import { modelPath, MODELS, readReference } from "../util/fixtures.ts";

const gpu = await testGpu();
type Case = QuantFormat | "q4+embed-q8";
const MAX_KL: Record<Case, Record<string, number>> = {
  q8: { "stories260K": 1e-3, "llama3-tiny": 1e-3, "tinystories-656k": 1e-3 },
  // Measured 0.109, 0.233, 0.055 (q4, block 32).
  q4: { "stories260K": 0.14, "llama3-tiny": 0.3, "tinystories-656k": 0.075 },
  // Measured 0.062, 0.160, 0.0166: the 2e-2 holds on tinystories-656k.
  "q4+embed-q8": { "stories260K": 0.08, "llama3-tiny": 0.2, "tinystories-656k": 2e-2 },
};

for (const name of MODELS) {
  for (const quant of ["q8", "q4", "q4+embed-q8"] as const) {
    Deno.test(`quant ${name} ${quant}: mean KL to the f32 logits <= ${MAX_KL[quant][name]}`, async () => {
      const ref = await readReference(modelPath(name), "reference.safetensors");
      const engine = await Engine.load(
        modelPath(name),
        quant === "q4+embed-q8" ? { gpu, quant: "q4", embedQuant: "q8" } : { gpu, quant },
      );
      try {
        const tokens = Array.from(ref.get("tokens")!);
        const result = await engine.forward(tokens, { allLogits: true });
        const got = await result.logits.toArray();
        result.dispose();
        const kl = meanKl(got, ref.get("logits") as Float32Array, engine.config.vocabSize);
        console.log(`  ${name} ${quant}: mean KL ${kl.toExponential(3)}`);
        const max = MAX_KL[quant][name];
        assert.ok(kl >= 0 && kl <= max, `${name} ${quant}: mean KL ${kl} > ${max}`);
        // A quantized model must differ at all, or the format was not applied.
        assert.ok(kl > 1e-9, `${name} ${quant}: KL ${kl} is suspiciously zero`);
        if (quant === "q8" && name === "stories260K") {
          const greedy = Array.from(ref.get("greedy")!).slice(0, 32);
          const ids: number[] = [];
          for await (
            const step of engine.generate(tokens, { maxNewTokens: 32, ignoreEos: true })
          ) ids.push(step.token);
          assert.deepEqual(ids, greedy, `${name} q8: greedy ids differ from f32`);
        }
      } finally {
        engine.dispose();
      }
    });
  }
}

Deno.test("quant: an unknown quant or embedQuant is refused by name before anything loads", async () => {
  const before = gpu.liveBuffers.count;
  await assert.rejects(
    Engine.load(modelPath("stories260K"), { gpu, quant: "q4", embedQuant: "q5" as "q4" }),
    /Engine\.load embedQuant: unknown weight format "q5"; expected "f32", "q8", "q4"/,
  );
  await assert.rejects(
    Engine.load(modelPath("stories260K"), { gpu, quant: "int4" as "q4" }),
    /Engine\.load quant: unknown weight format "int4"/,
  );
  assert.equal(gpu.liveBuffers.count, before);
});

Deno.test("quant: engine.memory counts packed weights (stories260K)", async () => {
  const sizes: Record<string, number> = {};
  for (const quant of ["f32", "q8", "q4"] as const) {
    const engine = await Engine.load(modelPath("stories260K"), { gpu, quant });
    sizes[quant] = engine.memory.weights;
    engine.dispose();
  }
  // Norms stay f32 and rows of 64 / 172 pad to whole blocks: about 0.28x and 0.16x.
  assert.ok(sizes.q8 < 0.32 * sizes.f32, `q8 ${sizes.q8} vs f32 ${sizes.f32}`);
  assert.ok(sizes.q4 < 0.19 * sizes.f32, `q4 ${sizes.q4} vs f32 ${sizes.f32}`);
});

Deno.test("quant: device bytes of the 8B-shaped model, q8 <= 0.3x and q4 <= 0.17x of f32", () => {
  // QuantMatrix holds rows * rowBytes (checked on a real allocation below), so
  // the 1.5 G-parameter model's bytes follow from its shapes without allocating it.
  const m = QuantMatrix.create(gpu, "probe", 10, 172, "q4");
  assert.equal(m.byteLength, 10 * rowBytes(m.layout));
  m.dispose();
  const bytes = { f32: 0, q8: 0, q4: 0 };
  for (const [, shape] of expectedTensors(LLAMA_8B_2L)) {
    const [rows, cols] = shape.length === 2 ? shape : [1, shape[0]];
    bytes.f32 += rows * cols * 4;
    for (const f of ["q8", "q4"] as const) {
      bytes[f] += shape.length === 2 ? rows * rowBytes(quantLayout(f, cols)) : cols * 4;
    }
  }
  const r8 = bytes.q8 / bytes.f32, r4 = bytes.q4 / bytes.f32;
  console.log(`  8B-shaped, 2 layers: q8 ${r8.toFixed(4)}x, q4 ${r4.toFixed(4)}x of f32`);
  assert.ok(r8 <= 0.3, `q8 ratio ${r8}`);
  assert.ok(r4 <= 0.17, `q4 ratio ${r4}`);
});
